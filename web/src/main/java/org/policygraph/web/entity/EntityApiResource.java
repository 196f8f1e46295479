package org.policygraph.web.entity;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import java.util.List;
import java.util.Map;
import org.policygraph.model.Kind;
import org.policygraph.web.system.WebException;

/** The JSON twin of the entity pages. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class EntityApiResource {

    private final EntityRepository repository;
    private final EntityPageResource pages;

    EntityApiResource(EntityRepository repository, EntityPageResource pages) {
        this.repository = repository;
        this.pages = pages;
    }

    /** An index page as JSON: the items, how many match, and the count of every facet value. */
    public record IndexJson(String kind, long total, long matching, int page, int pages,
                            List<Item> items, Map<String, Map<String, Long>> facets) {
    }

    /** One node of an index page. */
    public record Item(String id, String kind, String name, String url, String summary) {
    }

    @GET
    @Path("{kind: " + Kinds.PATH_REGEX + "}")
    public IndexJson index(@PathParam("kind") String kindPath, @Context UriInfo uri) {
        Kind kind = Kinds.fromPath(kindPath);
        IndexRepository.IndexPage page = pages.page(kind, uri);
        return new IndexJson(kind.label(), page.total(), page.matching(), page.query().page(), page.pages(),
                page.items().stream().map(i -> new Item(i.ref().id(), kind.label(), i.ref().name(), i.ref().url(),
                        i.summary())).toList(), page.counts());
    }

    @GET
    @Path("{kind: " + Kinds.PATH_REGEX + "}/{id}")
    public EntityJson entity(@PathParam("kind") String kindPath, @PathParam("id") String id) {
        Kind kind = Kinds.fromPath(kindPath);
        return repository.find(kind, id).map(EntityJson::of).orElseThrow(() -> WebException.notFound(
                "There is no " + kind.singular() + " with the id '" + id + "'."));
    }
}
