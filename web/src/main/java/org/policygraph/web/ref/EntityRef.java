package org.policygraph.web.ref;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.policygraph.model.Kind;

/**
 * A link to a node: its id, kind and name.
 *
 * @param id   the stable id
 * @param kind the kind
 * @param name the display name
 */
public record EntityRef(String id, @JsonIgnore Kind kind, String name) {

    /** The kind's label in JSON, e.g. {@code Regulation}. */
    @JsonProperty("kind")
    public String kindLabel() {
        return kind.label();
    }

    /** The node's page, e.g. {@code /regulations/eu-ai-act}. */
    @JsonProperty("url")
    public String url() {
        return "/" + kind.plural() + "/" + id;
    }

    /**
     * A reference from a query's map projection {@code n {.id, .name, labels: labels(n)}}; empty when none of the
     * labels is a PolicyGraph kind.
     */
    public static java.util.Optional<EntityRef> of(org.neo4j.driver.Value v) {
        return v.get("labels").asList(org.neo4j.driver.Value::asString).stream()
                .map(Kind::byLabel)
                .flatMap(java.util.Optional::stream)
                .findFirst()
                .map(kind -> new EntityRef(
                        v.get("id").asString(),
                        kind,
                        v.get("name").asString(v.get("id").asString())));
    }

    /** The node's JSON, e.g. {@code /api/regulations/eu-ai-act}. */
    public String apiUrl() {
        return "/api/" + kind.plural() + "/" + id;
    }
}
