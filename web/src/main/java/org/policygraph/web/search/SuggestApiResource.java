package org.policygraph.web.search;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /api/suggest?q=}: up to eight names as the user types, for the search box and the path pickers. */
@Path("/api/suggest")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Search")
public class SuggestApiResource {

    private final SearchRepository repository;

    SuggestApiResource(SearchRepository repository) {
        this.repository = repository;
    }

    /** A suggestion: the node, its kind in words, and its page. */
    public record Suggestion(String id, String kind, String name, String url) {}

    @Operation(
            summary = "Suggest names as the user types",
            description =
                    "Up to eight nodes whose names match what is typed so far; fewer than two characters find nothing.")
    @APIResponse(
            responseCode = "200",
            description = "The suggestions.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "anth", value = """
                    [{"id": "anthropic", "kind": "organisation", "name": "Anthropic", "url": "/organisations/anthropic"}]""")))
    @GET
    public List<Suggestion> suggest(@QueryParam("q") String q) {
        if (q == null || q.strip().length() < 2) {
            return List.of();
        }
        return repository.search(q, 8).stream()
                .map(h -> new Suggestion(
                        h.ref().id(),
                        h.ref().kind().singular(),
                        h.ref().name(),
                        h.ref().url()))
                .toList();
    }
}
