package org.policygraph.web.entity;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.policygraph.model.Kind;
import org.policygraph.web.asof.AsOf;
import org.policygraph.web.asof.DatesRepository;
import org.policygraph.web.asof.PointInTime;
import org.policygraph.web.asof.PointInTimeService;
import org.policygraph.web.compare.ReachRepository;
import org.policygraph.web.incidents.IncidentPanel;
import org.policygraph.web.incidents.IncidentPanels;
import org.policygraph.web.instrument.StatusRepository;
import org.policygraph.web.system.Params;
import org.policygraph.web.system.WebException;

/** The index page of each kind and the page of every node. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class EntityPageResource {

    public static final int PAGE_SIZE = 50;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(Kind kind, IndexRepository.IndexPage page);

        static native TemplateInstance entity(
                EntityView entity,
                List<ReachRepository.TierReach> reach,
                PointInTime pit,
                IncidentPanel incidents,
                List<StatusRepository.Claim> statuses,
                List<StatusRepository.StatusGroup> byStatus);
    }

    private final EntityRepository repository;
    private final IndexRepository index;
    private final ReachRepository reach;
    private final IncidentPanels incidents;
    private final StatusRepository statuses;

    private final PointInTimeService pointInTime;

    EntityPageResource(
            EntityRepository repository,
            IndexRepository index,
            ReachRepository reach,
            PointInTimeService pointInTime,
            IncidentPanels incidents,
            StatusRepository statuses) {
        this.repository = repository;
        this.index = index;
        this.reach = reach;
        this.pointInTime = pointInTime;
        this.incidents = incidents;
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
            throw WebException.notFound(
                    "There " + (page.pages() == 1 ? "is only 1 page" : "are only " + page.pages() + " pages") + " of "
                            + kind.plural() + " with these filters.");
        }
        return page;
    }

    @GET
    @Path("{kind: " + Kinds.PATH_REGEX + "}/{id}")
    public TemplateInstance entity(
            @PathParam("kind") String kindPath,
            @PathParam("id") String id,
            @QueryParam("as-of") String asOf,
            @QueryParam("since") String since) {
        Kind kind = Kinds.fromPath(kindPath);
        AsOf day = AsOf.parse(asOf, since);
        EntityView view = repository
                .find(kind, id)
                .orElseThrow(
                        () -> WebException.notFound("There is no " + kind.singular() + " with the id '" + id + "'."));
        return Templates.entity(
                view,
                kind == Kind.REGULATION ? reach.reach(id, 25) : List.of(),
                pointInTime(kind, view, day),
                incidents.of(view.ref()),
                kind == Kind.REGULATION ? statuses.claims(id) : List.of(),
                kind == Kind.JURISDICTION ? statuses.byStatus(id) : List.of());
    }

    /** The node as it stood on the day asked (null for kinds without dates of application). */
    PointInTime pointInTime(Kind kind, EntityView view, AsOf day) {
        List<DatesRepository.AmendingAct> acts = new java.util.ArrayList<>();
        view.amendments().stream()
                .map(a -> a.regulation().id())
                .distinct()
                .forEach(reg -> acts.addAll(pointInTime.amendments(reg)));
        return pointInTime.of(kind, view.ref().id(), acts, day);
    }

    /** The highest page number asked for: past it the parameter is out of range (a 400), not a page past the end. */
    public static final int MAX_PAGE = 1_000_000;

    static int pageNumber(String page) {
        return Params.wholeNumber("page", page, 1, MAX_PAGE);
    }
}
