package org.policygraph.web.graph;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.policygraph.web.system.ErrorMapper;
import org.policygraph.web.system.Params;
import org.policygraph.web.system.Problem;
import org.policygraph.web.system.WebException;

/** {@code GET /api/graph/{id}}: a node's neighbourhood for the graph view, capped per relationship group. */
@Path("/api/graph")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Graph")
public class GraphApiResource {

    private final NeighbourhoodRepository repository;

    GraphApiResource(NeighbourhoodRepository repository) {
        this.repository = repository;
    }

    @Operation(
            summary = "Get a node's neighbourhood for drawing",
            description = "The node, its neighbours and the edges between them; a group of more than cap neighbours "
                    + "(1 to 200, 12 by default) is cut and stands as one group node that links to the full list.")
    @APIResponse(
            responseCode = "200",
            description = "Nodes and edges.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "anthropic", value = """
                    {"centre": "anthropic",
                     "nodes": [{"id": "anthropic", "kind": "Organisation", "name": "Anthropic", "url": "/organisations/anthropic", "more": 0},
                               {"id": "ca-sb-53", "kind": "Regulation", "name": "Transparency in Frontier Artificial Intelligence Act", "url": "/regulations/ca-sb-53", "more": 0}],
                     "edges": [{"source": "anthropic", "target": "ca-sb-53", "type": "ENDORSED", "label": "endorsed"}]}""")))
    @APIResponse(
            responseCode = "400",
            description = "cap is not a whole number from 1 to 200.",
            content = @Content(mediaType = ErrorMapper.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No node with this id.",
            content =
                    @Content(
                            mediaType = ErrorMapper.PROBLEM_JSON,
                            schema = @Schema(implementation = Problem.class),
                            examples = @ExampleObject(name = "not found", value = """
                            {"type": "about:blank", "title": "Not found", "status": 404,
                             "detail": "There is no node with the id 'nope'.", "instance": "/api/graph/nope"}""")))
    @GET
    @Path("{id}")
    public NeighbourhoodRepository.Neighbourhood neighbourhood(
            @PathParam("id") String id, @QueryParam("cap") @DefaultValue("12") String cap) {
        int n = Params.wholeNumber("cap", cap, 1, 200);
        return repository
                .around(id, n)
                .orElseThrow(() -> WebException.notFound("There is no node with the id '" + id + "'."));
    }
}
