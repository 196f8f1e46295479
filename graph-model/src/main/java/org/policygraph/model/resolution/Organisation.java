package org.policygraph.model.resolution;

import java.util.List;

/**
 * An organisation a name resolves to.
 *
 * @param id      its PolicyGraph id
 * @param name    its display name
 * @param aliases the other names it is known by (every spelling the resolution table lists for it)
 */
public record Organisation(String id, String name, List<String> aliases) {

    public Organisation {
        aliases = List.copyOf(aliases);
    }
}
