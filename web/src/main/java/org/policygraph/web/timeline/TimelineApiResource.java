package org.policygraph.web.timeline;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** {@code GET /api/timeline}: the same events as JSON, oldest first. */
@Path("/api/timeline")
@Produces(MediaType.APPLICATION_JSON)
public class TimelineApiResource {

    private final TimelineService service;

    TimelineApiResource(TimelineService service) {
        this.service = service;
    }

    @GET
    public List<TimelineRepository.Event> timeline(@QueryParam("jurisdiction") List<String> jurisdictions,
                                                   @QueryParam("kind") List<String> kinds) {
        return service.timeline(jurisdictions, kinds).events();
    }
}
