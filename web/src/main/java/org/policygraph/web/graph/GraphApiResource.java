package org.policygraph.web.graph;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.policygraph.web.system.Params;
import org.policygraph.web.system.WebException;

/** {@code GET /api/graph/{id}}: a node's neighbourhood for the graph view, capped per relationship group. */
@Path("/api/graph")
@Produces(MediaType.APPLICATION_JSON)
public class GraphApiResource {

    private final NeighbourhoodRepository repository;

    GraphApiResource(NeighbourhoodRepository repository) {
        this.repository = repository;
    }

    @GET
    @Path("{id}")
    public NeighbourhoodRepository.Neighbourhood neighbourhood(@PathParam("id") String id,
                                                               @QueryParam("cap") @DefaultValue("12") String cap) {
        int n = Params.wholeNumber("cap", cap, 1, 200);
        return repository.around(id, n).orElseThrow(() -> WebException.notFound("There is no node with the id '" + id + "'."));
    }
}
