package org.policygraph.web.quality;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /api/quality}: the data-quality report as JSON, each check as {@code {count, items}} with at most
 * {@code limit} items.
 */
@Path("/api/quality")
@Tag(name = "Quality")
@Produces(MediaType.APPLICATION_JSON)
public class QualityApiResource {

    private final QualityRepository repository;

    QualityApiResource(QualityRepository repository) {
        this.repository = repository;
    }

    @Operation(
            summary = "Report the data's quality",
            description = "Counts, with up to 100 items each: facts without a source with a locator, sources cited "
                    + "but missing, orphan nodes, unresolved aliases, and claims that disagree with primary sources.")
    @APIResponse(
            responseCode = "200",
            description = "The report.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "report", value = """
                    {"unsourcedFacts": {"count": 0, "items": []}, "missingSources": {"count": 0, "items": []},
                     "orphans": {"count": 30, "items": [{"id": "ai-sentience", "kind": "Concept", "name": "AI sentience"}]},
                     "conflictingClaims": {"count": 19, "items": []}}""")))
    @GET
    public QualityReport report() {
        return repository.report();
    }
}
