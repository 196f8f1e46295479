package org.policygraph.web.timeline;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /api/timeline}: the same events as JSON, oldest first. */
@Path("/api/timeline")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Timeline")
public class TimelineApiResource {

    private final TimelineService service;

    TimelineApiResource(TimelineService service) {
        this.service = service;
    }

    @Operation(
            summary = "List dated events, oldest first",
            description =
                    "Adoptions, entries into force, application dates (every staged date, superseded ones kept and "
                            + "marked), releases and endorsements; jurisdiction and kind (repeatable) narrow the list; each event's "
                            + "state says whether it had passed, was still to come, or had been superseded on as-of=YYYY-MM-DD "
                            + "(default today).")
    @APIResponse(
            responseCode = "200",
            description = "The events.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "events", value = """
                    [{"date": "2024-08-01", "event": "entered into force",
                      "node": {"id": "eu-ai-act", "kind": "Regulation", "name": "EU Artificial Intelligence Act", "url": "/regulations/eu-ai-act"},
                      "other": null, "places": ["eu"]}]""")))
    @GET
    public List<TimelineRepository.Event> timeline(
            @QueryParam("jurisdiction") List<String> jurisdictions,
            @QueryParam("kind") List<String> kinds,
            @QueryParam("type") List<String> types,
            @QueryParam("as-of") String asOf) {
        return service.timeline(jurisdictions, kinds, types, org.policygraph.web.asof.AsOf.parse(asOf, null))
                .events();
    }
}
