package org.policygraph.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;

/**
 * A relationship as ingest writes it: identified by (from, type, to), with optional properties and at least one
 * source.
 *
 * @param type       the relationship type
 * @param from       the start node's id
 * @param to         the end node's id
 * @param properties optional properties from {@link RelType#PROPERTIES}
 * @param sources    at least one source with a locator
 * @param origin     where it was read, for error messages
 */
public record RelationshipRecord(
        @NotNull(message = "a relationship needs a type") RelType type,

        @NotBlank(message = "a relationship needs the id of its start node in 'from'")
        String from,

        @NotBlank(message = "a relationship needs the id of its end node in 'to'")
        String to,

        @NotNull(message = "properties must be a map, even an empty one")
        Map<String, Object> properties,

        @NotEmpty(message = "every relationship needs at least one source with a locator")
        List<@Valid @NotNull(message = "a source reference must not be empty") SourceRef> sources,

        Origin origin) {

    public RelationshipRecord {
        properties = properties == null ? Map.of() : Map.copyOf(properties);
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    /** The key that makes a relationship unique. */
    public String key() {
        return from + " " + type + " " + to;
    }
}
