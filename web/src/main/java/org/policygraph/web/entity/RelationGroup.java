package org.policygraph.web.entity;

import java.util.List;

/**
 * The relationships of one type and direction, as shown under one heading.
 *
 * @param heading  e.g. "Endorsed" or "Endorsed by"
 * @param key      a stable anchor, e.g. {@code endorsed-outgoing}
 * @param items    the relationships, ordered by the other end's name
 */
public record RelationGroup(String heading, String key, List<Relation> items) {
}
