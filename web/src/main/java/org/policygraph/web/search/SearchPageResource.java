package org.policygraph.web.search;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The search page: results grouped by kind. */
@Path("/search")
@Produces(MediaType.TEXT_HTML)
public class SearchPageResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance search(String q, int count, Map<String, List<SearchRepository.Hit>> groups);
    }

    private final SearchRepository repository;

    SearchPageResource(SearchRepository repository) {
        this.repository = repository;
    }

    @GET
    public TemplateInstance search(@QueryParam("q") String q) {
        String query = q == null ? "" : q;
        List<SearchRepository.Hit> hits = repository.search(query, 100);
        Map<String, List<SearchRepository.Hit>> groups = new LinkedHashMap<>();
        for (SearchRepository.Hit hit : hits) {
            groups.computeIfAbsent(hit.ref().kind().label(), k -> new java.util.ArrayList<>())
                    .add(hit);
        }
        return Templates.search(query, hits.size(), groups);
    }
}
