package org.policygraph.web.entity;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.MediaType;
import org.policygraph.model.Kind;
import org.policygraph.web.compare.ReachRepository;
import org.policygraph.web.instrument.StatusRepository;

import java.util.List;
import org.policygraph.web.system.WebException;

/** The index page of each kind and the page of every node. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class EntityPageResource {

    public static final int PAGE_SIZE = 50;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(Kind kind, IndexRepository.IndexPage page);

        static native TemplateInstance entity(EntityView entity, List<ReachRepository.TierReach> reach,
                                              List<StatusRepository.Claim> statuses,
                                              List<StatusRepository.StatusGroup> byStatus);
    }

    private final EntityRepository repository;
    private final IndexRepository index;
    private final ReachRepository reach;
    private final StatusRepository statuses;

    EntityPageResource(EntityRepository repository, IndexRepository index, ReachRepository reach,
                       StatusRepository statuses) {
        this.repository = repository;
        this.index = index;
        this.reach = reach;
        this.statuses = statuses;
    }

    @GET
    @Path("{kind: " + Kinds.PATH_REGEX + "}")
    public TemplateInstance index(@PathParam("kind") String kindPath, @Context UriInfo uri) {
        Kind kind = Kinds.fromPath(kindPath);
        return Templates.index(kind, page(kind, uri));
    }

    /** The index page in the URL's state; a page number past the end is a 404 that says how many there are. */
    IndexRepository.IndexPage page(Kind kind, UriInfo uri) {
        IndexQuery query = IndexQuery.parse(kind, uri.getQueryParameters());
        IndexRepository.IndexPage page = index.page(query, PAGE_SIZE);
        if (query.page() > page.pages()) {
            throw WebException.notFound("There " + (page.pages() == 1 ? "is only 1 page" : "are only " + page.pages() + " pages")
                    + " of " + kind.plural() + " with these filters.");
        }
        return page;
    }

    @GET
    @Path("{kind: " + Kinds.PATH_REGEX + "}/{id}")
    public TemplateInstance entity(@PathParam("kind") String kindPath, @PathParam("id") String id) {
        Kind kind = Kinds.fromPath(kindPath);
        EntityView view = repository.find(kind, id).orElseThrow(() -> WebException.notFound(
                "There is no " + kind.singular() + " with the id '" + id + "'."));
        return Templates.entity(view, kind == Kind.REGULATION ? reach.reach(id, 25) : List.of(),
                kind == Kind.REGULATION ? statuses.claims(id) : List.of(),
                kind == Kind.JURISDICTION ? statuses.byStatus(id) : List.of());
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
