package org.policygraph.web.paths;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import org.policygraph.model.RelType;
import org.policygraph.web.ref.EntityRef;

/** {@code /paths?from=...&to=...}: how two nodes are related. */
@Path("/paths")
@Produces(MediaType.TEXT_HTML)
public class PathsPageResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance paths(
                PathQuery query, EntityRef from, EntityRef to, List<PathRepository.Path> paths, List<String> types);
    }

    private final PathService service;

    PathsPageResource(PathService service) {
        this.service = service;
    }

    @GET
    public TemplateInstance paths(
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("max") String max,
            @QueryParam("exclude-type") List<String> excludeTypes,
            @QueryParam("exclude-node") List<String> excludeNodes) {
        PathQuery query = PathQuery.parse(from, to, max, excludeTypes, excludeNodes);
        List<String> types = Arrays.stream(RelType.values()).map(Enum::name).toList();
        if (!query.complete()) {
            return Templates.paths(query, null, null, List.of(), types);
        }
        PathService.Result result = service.find(query);
        return Templates.paths(query, result.from(), result.to(), result.paths(), types);
    }
}
