package org.policygraph.web.about;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code /about}: where the data comes from, under which licence, and the credit each source asks for. */
@Path("/about")
@Produces(MediaType.TEXT_HTML)
public class AboutPageResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance about(About about);
    }

    private final AboutRepository repository;

    AboutPageResource(AboutRepository repository) {
        this.repository = repository;
    }

    @GET
    public TemplateInstance about() {
        return Templates.about(repository.about());
    }
}
