package org.policygraph.web.entity;

import java.util.List;

/**
 * The relationships of one type and direction, as shown under one heading.
 *
 * @param heading  e.g. "Endorsed" or "Endorsed by"
 * @param key      a stable anchor, e.g. {@code endorsed-outgoing}
 * @param items    the relationships read, ordered by the other end's name: all of them, or the first
 *                 {@code EntityRepository.GROUP_CAP} on a busy node
 * @param total    how many there are
 * @param allUrl   an index page listing all of them, when some are not shown and an index filter lists them; or null
 */
public record RelationGroup(String heading, String key, List<Relation> items, long total, String allUrl) {

    /** Whether some are not shown. */
    public boolean capped() {
        return total > items.size();
    }
}
