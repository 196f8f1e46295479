package org.policygraph.web.entity;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.policygraph.model.Kind;
import org.policygraph.web.system.WebException;

/** The index page of each kind and the page of every node. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class EntityPageResource {

    static final int PAGE_SIZE = 50;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(Kind kind, EntityRepository.Page page, int pageNumber, int pages);

        static native TemplateInstance entity(EntityView entity);
    }

    private final EntityRepository repository;

    EntityPageResource(EntityRepository repository) {
        this.repository = repository;
    }

    @GET
    @Path("{kind: " + Kinds.PATH_REGEX + "}")
    public TemplateInstance index(@PathParam("kind") String kindPath, @QueryParam("page") @DefaultValue("1") String page) {
        Kind kind = Kinds.fromPath(kindPath);
        int number = pageNumber(page);
        EntityRepository.Page result = repository.list(kind, (number - 1) * PAGE_SIZE, PAGE_SIZE);
        int pages = (int) Math.max(1, (result.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        if (number > pages) {
            throw WebException.notFound("There are only " + pages + " pages of " + kind.plural() + ".");
        }
        return Templates.index(kind, result, number, pages);
    }

    @GET
    @Path("{kind: " + Kinds.PATH_REGEX + "}/{id}")
    public TemplateInstance entity(@PathParam("kind") String kindPath, @PathParam("id") String id) {
        Kind kind = Kinds.fromPath(kindPath);
        return Templates.entity(repository.find(kind, id).orElseThrow(() -> WebException.notFound(
                "There is no " + kind.singular() + " with the id '" + id + "'.")));
    }

    static int pageNumber(String page) {
        try {
            int n = Integer.parseInt(page.strip());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw WebException.badRequest("The page parameter must be a whole number from 1 up, not '" + page + "'.");
    }
}
