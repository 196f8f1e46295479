package org.policygraph.web.cypher;

import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /api/cypher}.
 *
 * @param query      the Cypher query, read-only
 * @param parameters the query's {@code $parameters}, by name
 */
@Schema(description = "A read-only Cypher query and its parameters.")
public record CypherRequest(
        @Schema(
                description = "The Cypher query.",
                example =
                        "MATCH (m:Model) WHERE m.training_compute_flop >= $threshold RETURN m.name AS model, m.training_compute_flop AS flop ORDER BY flop DESC")
        String query,

        @Schema(description = "The query's parameters, by name.", example = "{\"threshold\": 1e25}")
        Map<String, Object> parameters) {}
