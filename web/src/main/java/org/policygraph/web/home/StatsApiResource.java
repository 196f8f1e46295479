package org.policygraph.web.home;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /api/stats}: nodes per kind and relationships per type. */
@Path("/api/stats")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Statistics")
public class StatsApiResource {

    private final StatsRepository stats;

    StatsApiResource(StatsRepository stats) {
        this.stats = stats;
    }

    @Operation(summary = "Count nodes per kind and relationships per type")
    @APIResponse(
            responseCode = "200",
            description = "The counts.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "stats", value = """
                    {"nodes": {"Jurisdiction": 9, "Regulation": 7, "Provision": 120},
                     "relationships": {"APPLIES_IN": 7, "HAS_PROVISION": 118}}""")))
    @GET
    public StatsRepository.Stats stats() {
        return stats.stats();
    }
}
