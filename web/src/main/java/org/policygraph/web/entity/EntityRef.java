package org.policygraph.web.entity;

import org.policygraph.model.Kind;

/**
 * A link to a node: its id, kind and name.
 *
 * @param id   the stable id
 * @param kind the kind
 * @param name the display name
 */
public record EntityRef(String id, Kind kind, String name) {

    /** The node's page, e.g. {@code /regulations/eu-ai-act}. */
    public String url() {
        return "/" + kind.plural() + "/" + id;
    }

    /** The node's JSON, e.g. {@code /api/regulations/eu-ai-act}. */
    public String apiUrl() {
        return "/api/" + kind.plural() + "/" + id;
    }
}
