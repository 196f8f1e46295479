package org.policygraph.web.quality;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /api/quality}: the data-quality report as JSON, each check as {@code {count, items}} with at most
 * {@code limit} items.
 */
@Path("/api/quality")
@Produces(MediaType.APPLICATION_JSON)
public class QualityApiResource {

    private final QualityRepository repository;

    QualityApiResource(QualityRepository repository) {
        this.repository = repository;
    }

    @GET
    public QualityReport report() {
        return repository.report();
    }
}
