package org.policygraph.web.entity;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.policygraph.model.Kind;
import org.policygraph.web.asof.AsOf;
import org.policygraph.web.system.ErrorMapper;
import org.policygraph.web.system.Problem;
import org.policygraph.web.system.WebException;

/** The JSON twin of the entity pages. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Nodes")
public class EntityApiResource {

    private final EntityRepository repository;
    private final EntityPageResource pages;

    EntityApiResource(EntityRepository repository, EntityPageResource pages) {
        this.repository = repository;
        this.pages = pages;
    }

    /** An index page as JSON: the items, how many match, and the count of every facet value. */
    public record IndexJson(
            String kind,
            long total,
            long matching,
            int page,
            int pages,
            List<Item> items,
            Map<String, Map<String, Long>> facets) {}

    /** One node of an index page. */
    public record Item(String id, String kind, String name, String url, String summary) {}

    @Operation(
            summary = "List the nodes of a kind, with facets",
            description =
                    "kind is one of jurisdictions, regulations, provisions, risk-tiers, obligations, organisations, "
                            + "people, models, stances, concepts, claims, sources, incidents, events, groups. Filters are facet=value query parameters "
                            + "(e.g. /api/models?developer=openai), page=N pages through 50 at a time.")
    @APIResponse(
            responseCode = "200",
            description = "The page of the index.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "regulations", value = """
                    {"kind": "Regulation", "total": 7, "matching": 7, "page": 1, "pages": 1,
                     "items": [{"id": "eu-ai-act", "kind": "Regulation", "name": "EU Artificial Intelligence Act",
                                "url": "/regulations/eu-ai-act", "summary": "The EU's horizontal law on AI ..."}],
                     "facets": {"status": {"in-force": 5, "partially-applicable": 1}}}""")))
    @APIResponse(
            responseCode = "404",
            description = "No such kind, or a page past the end.",
            content =
                    @Content(
                            mediaType = ErrorMapper.PROBLEM_JSON,
                            schema = @Schema(implementation = Problem.class),
                            examples = @ExampleObject(name = "not found", value = """
                            {"type": "about:blank", "title": "Not found", "status": 404,
                             "detail": "There are only 1 pages of regulations with these filters.", "instance": "/api/regulations"}""")))
    @GET
    @Path("{kind: " + Kinds.PATH_REGEX + "}")
    public IndexJson index(@PathParam("kind") String kindPath, @Context UriInfo uri) {
        Kind kind = Kinds.fromPath(kindPath);
        IndexRepository.IndexPage page = pages.page(kind, uri);
        return new IndexJson(
                kind.label(),
                page.total(),
                page.matching(),
                page.query().page(),
                page.pages(),
                page.items().stream()
                        .map(i -> new Item(
                                i.ref().id(),
                                kind.label(),
                                i.ref().name(),
                                i.ref().url(),
                                i.summary()))
                        .toList(),
                page.counts());
    }

    @Operation(
            summary = "Get a node with its relationships and sources",
            description = "The node's properties, every relationship (type, direction, a sentence, the other end) and "
                    + "the source, locator and quote of each fact, plus the claims commentary makes about it. For "
                    + "regulations, risk tiers, obligations and provisions, pointInTime says what applied on the day "
                    + "as-of=YYYY-MM-DD (default today) and, with since=YYYY-MM-DD, what changed in between.")
    @APIResponse(
            responseCode = "200",
            description = "The node.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = EntityJson.class),
                            examples = @ExampleObject(name = "EU AI Act", value = """
                    {"id": "eu-ai-act", "kind": "Regulation", "name": "EU Artificial Intelligence Act",
                     "url": "/regulations/eu-ai-act", "aliases": ["AI Act"], "summary": "The EU's horizontal law on AI ...",
                     "properties": {"celex": "32024R1689", "adopted": "2024-06-13"},
                     "sources": [{"source": "eur-lex-ai-act", "locator": "Article 113"}],
                     "relationships": [{"type": "APPLIES_IN", "direction": "outgoing",
                                        "sentence": "EU Artificial Intelligence Act applies in European Union",
                                        "other": {"id": "eu", "kind": "Jurisdiction", "name": "European Union", "url": "/jurisdictions/eu"},
                                        "properties": {}, "sources": [{"source": "eur-lex-ai-act", "locator": "Article 2(1)"}]}],
                     "claims": []}""")))
    @APIResponse(
            responseCode = "404",
            description = "No node of this kind with this id.",
            content =
                    @Content(
                            mediaType = ErrorMapper.PROBLEM_JSON,
                            schema = @Schema(implementation = Problem.class),
                            examples = @ExampleObject(name = "not found", value = """
                            {"type": "about:blank", "title": "Not found", "status": 404,
                             "detail": "There is no regulation with the id 'no-such-law'.", "instance": "/api/regulations/no-such-law"}""")))
    @GET
    @Path("{kind: " + Kinds.PATH_REGEX + "}/{id}")
    public EntityJson entity(
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
        return EntityJson.of(view, pages.pointInTime(kind, view, day));
    }
}
