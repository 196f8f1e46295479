package org.policygraph.model.applicability;

import java.util.List;
import org.policygraph.model.SourceRef;

/**
 * Whether a model or organisation falls under a tier, and why.
 *
 * @param status    in, likely, unknown or out
 * @param basis     the fact compared, e.g. {@code training_compute_flop}, {@code annual_revenue_usd}, {@code scope}
 * @param value     the fact's value, or null when missing
 * @param threshold the rule's threshold, or null when the rule has none
 * @param reason    the reasoning in a sentence, with the numbers
 * @param sources   the sources of the fact and of the rule
 */
public record Verdict(
        Status status, String basis, Double value, Double threshold, String reason, List<SourceRef> sources) {}
