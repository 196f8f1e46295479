package org.policygraph.web.search;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.policygraph.web.system.WebException;

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
        int n;
        try {
            n = Integer.parseInt(limit.strip());
        } catch (NumberFormatException e) {
            throw WebException.badRequest("The limit parameter must be a whole number from 1 to 100, not '" + limit + "'.");
        }
        if (n < 1 || n > 100) {
            throw WebException.badRequest("The limit parameter must be from 1 to 100, not " + n + ".");
        }
        return repository.search(q, n).stream()
                .map(h -> new Result(h.ref().id(), h.ref().kind().label(), h.ref().name(), h.ref().url(), h.score()))
                .toList();
    }
}
