package org.policygraph.web.home;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /api/stats}: nodes per kind and relationships per type. */
@Path("/api/stats")
@Produces(MediaType.APPLICATION_JSON)
public class StatsApiResource {

    private final StatsRepository stats;

    StatsApiResource(StatsRepository stats) {
        this.stats = stats;
    }

    @GET
    public StatsRepository.Stats stats() {
        return stats.stats();
    }
}
