package org.policygraph.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * A node as ingest writes it: its kind, stable id, name, other names, a one-sentence summary, kind-specific
 * properties and the sources its facts come from.
 *
 * @param kind       what it is
 * @param id         its stable id, unique across all kinds
 * @param name       its display name
 * @param aliases    other names it is known by (search finds them)
 * @param summary    one sentence saying what it is, or null
 * @param properties kind-specific properties, already checked against {@link Kind#properties()}
 * @param sources    at least one source with a locator
 * @param origin     where it was read, for error messages
 */
public record NodeRecord(
        @NotNull(message = "a record needs a kind") Kind kind,

        @NotBlank(message = "a record needs an id")
        @Pattern(
                regexp = Ids.SLUG,
                message = "an id must be a slug of lower-case letters, digits and dashes, like eu-ai-act")
        @Size(max = 160, message = "an id must be at most 160 characters long")
        String id,

        @NotBlank(message = "a record needs a name")
        @Size(max = 500, message = "a name must be at most 500 characters long")
        String name,

        @NotNull(message = "aliases must be a list, even an empty one")
        List<@NotBlank(message = "an alias must not be blank") String> aliases,

        @Size(max = 2000, message = "a summary must be at most 2000 characters long")
        String summary,

        @NotNull(message = "properties must be a map, even an empty one")
        Map<String, Object> properties,

        @NotEmpty(message = "every node needs at least one source with a locator")
        List<@Valid @NotNull(message = "a source reference must not be empty") SourceRef> sources,

        Origin origin) {

    public NodeRecord {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        properties = properties == null ? Map.of() : Map.copyOf(properties);
        sources = sources == null ? List.of() : List.copyOf(sources);
    }
}
