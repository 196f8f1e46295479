package org.policygraph.web.search;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.policygraph.web.system.Params;

import java.util.List;

/** {@code GET /api/search?q=...}: a JSON list of {@code {id, kind, name, url}}, best match first. */
@Path("/api/search")
@Produces(MediaType.APPLICATION_JSON)
public class SearchApiResource {

    private final SearchRepository repository;

    SearchApiResource(SearchRepository repository) {
        this.repository = repository;
    }

    /** A search result in JSON. A missing or empty q finds nothing (an empty list), like any input without words. */
    public record Result(String id, String kind, String name, String url, double score) {
    }

    @GET
    public List<Result> search(@QueryParam("q") String q, @QueryParam("limit") @DefaultValue("20") String limit) {
        int n = Params.wholeNumber("limit", limit, 1, 100);
        return repository.search(q, n).stream()
                .map(h -> new Result(h.ref().id(), h.ref().kind().label(), h.ref().name(), h.ref().url(), h.score()))
                .toList();
    }
}
