package org.policygraph.web.paths;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.policygraph.web.system.WebException;

import java.util.List;

/** {@code GET /api/paths?from=...&to=...}: the paths as JSON, each hop with its sentence and sources. */
@Path("/api/paths")
@Produces(MediaType.APPLICATION_JSON)
public class PathApiResource {

    private final PathService service;

    PathApiResource(PathService service) {
        this.service = service;
    }

    @GET
    public PathService.Result paths(@QueryParam("from") String from, @QueryParam("to") String to,
                                    @QueryParam("max") String max, @QueryParam("exclude-type") List<String> excludeTypes,
                                    @QueryParam("exclude-node") List<String> excludeNodes) {
        PathQuery query = PathQuery.parse(from, to, max, excludeTypes, excludeNodes);
        if (!query.complete()) {
            throw WebException.badRequest("Give both ends: /api/paths?from=ID&to=ID.");
        }
        return service.find(query);
    }
}
