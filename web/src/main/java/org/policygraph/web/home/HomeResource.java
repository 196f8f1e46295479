package org.policygraph.web.home;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.policygraph.model.Kind;

/** The front page: what the graph holds, with a way into each index. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomeResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(StatsRepository.Stats stats, List<Kind> kinds);
    }

    private final StatsRepository stats;

    HomeResource(StatsRepository stats) {
        this.stats = stats;
    }

    @GET
    public TemplateInstance home() {
        return Templates.home(stats.stats(), List.of(Kind.values()));
    }
}
