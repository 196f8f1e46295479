package org.policygraph.web.compare;

import java.util.List;
import org.policygraph.web.ref.Citation;
import org.policygraph.web.ref.EntityRef;

/**
 * One entry in a comparison cell: what it says, details, the node it is about, the provision that imposes it, and
 * its sources.
 *
 * @param text      the entry, e.g. an obligation's name
 * @param detail    role, deadline, recipient, threshold..., or null
 * @param ref       the node (obligation, tier, regulation), or null
 * @param provision the provision that imposes it, or null
 * @param sources   where it comes from
 */
public record Cell(String text, String detail, EntityRef ref, EntityRef provision, List<Citation> sources) {}
