package org.policygraph.web.mcp;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Answers {@code /mcp} with a 404 problem when {@code policygraph.mcp.enabled} is false: a route that runs before the
 * extension's own, so a switched-off server answers nothing, not even {@code initialize}.
 */
@ApplicationScoped
public class McpSwitch {

    void register(@Observes Router router, McpConfig config) {
        if (config.enabled()) {
            return;
        }
        router.route("/mcp*")
                .order(Integer.MIN_VALUE + 1)
                .handler(ctx -> ctx.response()
                        .setStatusCode(404)
                        .putHeader("Content-Type", "application/problem+json")
                        .end(new JsonObject()
                                .put("type", "about:blank")
                                .put("title", "Not found")
                                .put("status", 404)
                                .put(
                                        "detail",
                                        "The MCP server is switched off on this site (policygraph.mcp.enabled=false).")
                                .put("instance", ctx.normalizedPath())
                                .encode()));
    }
}
