package org.policygraph.web.paths;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.policygraph.web.system.ErrorMapper;
import org.policygraph.web.system.Problem;
import org.policygraph.web.system.WebException;

/** {@code GET /api/paths?from=...&to=...}: the paths as JSON, each hop with its sentence and sources. */
@Path("/api/paths")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Paths")
public class PathApiResource {

    private final PathService service;

    PathApiResource(PathService service) {
        this.service = service;
    }

    @Operation(
            summary = "Find how two nodes are related",
            description =
                    "The shortest paths between from and to, of at most max hops (1 to 8), each hop with its "
                            + "sentence and sources; exclude-type and exclude-node (repeatable) leave relationship types or nodes out.")
    @APIResponse(
            responseCode = "200",
            description = "The ends and the paths, shortest first.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "anthropic to SB 53", value = """
                    {"from": {"id": "anthropic", "name": "Anthropic", "kind": "Organisation", "url": "/organisations/anthropic"},
                     "to": {"id": "ca-sb-53", "name": "Transparency in Frontier Artificial Intelligence Act", "kind": "Regulation", "url": "/regulations/ca-sb-53"},
                     "max": 4, "excludeTypes": [], "excludeNodes": [],
                     "paths": [{"nodes": [{"id": "anthropic"}, {"id": "ca-sb-53"}],
                                "hops": [{"type": "ENDORSED", "verb": "endorsed", "sources": [{"source": "anthropic-sb-53-endorsement", "locator": "opening paragraph"}]}]}]}""")))
    @APIResponse(
            responseCode = "400",
            description = "An end is missing, the ends are the same node, or max is out of range.",
            content = @Content(mediaType = ErrorMapper.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "An end does not exist.",
            content =
                    @Content(
                            mediaType = ErrorMapper.PROBLEM_JSON,
                            schema = @Schema(implementation = Problem.class),
                            examples = @ExampleObject(name = "not found", value = """
                            {"type": "about:blank", "title": "Not found", "status": 404,
                             "detail": "There is no node with the id 'nope' (from).", "instance": "/api/paths"}""")))
    @GET
    public PathService.Result paths(
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("max") String max,
            @QueryParam("exclude-type") List<String> excludeTypes,
            @QueryParam("exclude-node") List<String> excludeNodes) {
        PathQuery query = PathQuery.parse(from, to, max, excludeTypes, excludeNodes);
        if (!query.complete()) {
            throw WebException.badRequest("Give both ends: /api/paths?from=ID&to=ID.");
        }
        return service.find(query);
    }
}
