package org.policygraph.web.quality;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code /quality}: the data-quality report as a page, each finding linked to the node concerned. */
@Path("/quality")
@Produces(MediaType.TEXT_HTML)
public class QualityPageResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance quality(QualityReport report);
    }

    private final QualityRepository repository;

    QualityPageResource(QualityRepository repository) {
        this.repository = repository;
    }

    @GET
    public TemplateInstance quality() {
        return Templates.quality(repository.report());
    }
}
