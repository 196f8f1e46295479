package org.policygraph.web.entity;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.policygraph.model.Kind;
import org.policygraph.web.system.WebException;

/** The JSON twin of the entity pages. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class EntityApiResource {

    private final EntityRepository repository;

    EntityApiResource(EntityRepository repository) {
        this.repository = repository;
    }

    @GET
    @Path("{kind: " + Kinds.PATH_REGEX + "}/{id}")
    public EntityJson entity(@PathParam("kind") String kindPath, @PathParam("id") String id) {
        Kind kind = Kinds.fromPath(kindPath);
        return repository.find(kind, id).map(EntityJson::of).orElseThrow(() -> WebException.notFound(
                "There is no " + kind.singular() + " with the id '" + id + "'."));
    }
}
