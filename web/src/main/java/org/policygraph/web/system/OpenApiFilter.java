package org.policygraph.web.system;

import java.util.List;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * Keeps the OpenAPI document to the JSON API: the HTML pages (everything outside {@code /api}) are the site, not
 * the API, and are left out, whichever feature adds them.
 */
public class OpenApiFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (String path : List.copyOf(openAPI.getPaths().getPathItems().keySet())) {
            if (!path.startsWith("/api/")) {
                openAPI.getPaths().removePathItem(path);
            }
        }
    }
}
