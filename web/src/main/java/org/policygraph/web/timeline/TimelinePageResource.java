package org.policygraph.web.timeline;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** {@code /timeline}: dated events, filterable by jurisdiction and kind, grouped by year. */
@Path("/timeline")
@Produces(MediaType.TEXT_HTML)
public class TimelinePageResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance timeline(TimelineService.Timeline timeline);
    }

    private final TimelineService service;

    TimelinePageResource(TimelineService service) {
        this.service = service;
    }

    @GET
    public TemplateInstance timeline(
            @QueryParam("jurisdiction") List<String> jurisdictions,
            @QueryParam("kind") List<String> kinds,
            @QueryParam("type") List<String> types,
            @QueryParam("as-of") String asOf) {
        return Templates.timeline(
                service.timeline(jurisdictions, kinds, types, org.policygraph.web.asof.AsOf.parse(asOf, null)));
    }
}
