package org.policygraph.web.search;

import jakarta.ws.rs.DefaultValue;
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
import org.policygraph.web.system.Params;
import org.policygraph.web.system.Problem;

/** {@code GET /api/search?q=...}: a JSON list of {@code {id, kind, name, url}}, best match first. */
@Path("/api/search")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Search")
public class SearchApiResource {

    private final SearchRepository repository;

    SearchApiResource(SearchRepository repository) {
        this.repository = repository;
    }

    /** A search result in JSON. A missing or empty q finds nothing (an empty list), like any input without words. */
    public record Result(String id, String kind, String name, String url, double score) {}

    @Operation(
            summary = "Full-text search across names, other names, summaries, texts and quotes",
            description = "Every word must match, as typed, as a prefix, or with one typo for words of four letters or "
                    + "more; any input is safe. limit is 1 to 100 (20 by default).")
    @APIResponse(
            responseCode = "200",
            description = "The matches, best first.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "ai act", value = """
                    [{"id": "eu-ai-act", "kind": "Regulation", "name": "EU Artificial Intelligence Act",
                      "url": "/regulations/eu-ai-act", "score": 7.8}]""")))
    @APIResponse(
            responseCode = "400",
            description = "limit is not a whole number from 1 to 100.",
            content = @Content(mediaType = ErrorMapper.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @GET
    public List<Result> search(@QueryParam("q") String q, @QueryParam("limit") @DefaultValue("20") String limit) {
        int n = Params.wholeNumber("limit", limit, 1, 100);
        return repository.search(q, n).stream()
                .map(h -> new Result(
                        h.ref().id(),
                        h.ref().kind().label(),
                        h.ref().name(),
                        h.ref().url(),
                        h.score()))
                .toList();
    }
}
