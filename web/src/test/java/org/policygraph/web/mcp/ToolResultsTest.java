package org.policygraph.web.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkiverse.mcp.server.TextContent;
import io.quarkiverse.mcp.server.ToolResponse;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** How a tool result is made: permalinks beside site paths, the byte cap and what it says, the off switch. */
class ToolResultsTest {

    private static McpConfig config(boolean enabled, int maxBytes) {
        return new McpConfig() {
            public boolean enabled() {
                return enabled;
            }

            public String siteUrl() {
                return "https://policygraph.example/";
            }

            public int maxResultBytes() {
                return maxBytes;
            }

            public int maxRelationships() {
                return 100;
            }

            public int maxRows() {
                return 200;
            }
        };
    }

    @Test
    void addsPermalinksBesideSitePathsOnlyAndCutsTheLongestListUntilTheAnswerFits() throws Exception {
        ToolResults results = new ToolResults(new ObjectMapper(), config(true, 2_000));
        List<Map<String, Object>> items = IntStream.range(0, 100)
                .mapToObj(i -> Map.<String, Object>of("id", "model-" + i, "url", "/models/model-" + i))
                .toList();
        ToolResponse r = results.of(
                "Models.",
                Map.of("items", items, "source", Map.of("url", "https://eur-lex.europa.eu/eli/reg/2024/1689/oj")),
                List.of());

        @SuppressWarnings("unchecked")
        Map<String, Object> structured = (Map<String, Object>) r.structuredContent();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> kept = (List<Map<String, Object>>) structured.get("items");
        assertThat(kept.get(0)).containsEntry("permalink", "https://policygraph.example/models/model-0");
        assertThat(((Map<?, ?>) structured.get("source")).containsKey("permalink"))
                .isFalse();
        assertThat(kept.size()).isLessThan(100).isGreaterThan(1);
        assertThat(new ObjectMapper().writeValueAsString(structured).length()).isLessThanOrEqualTo(2_300);
        assertThat(structured.get("truncated"))
                .isEqualTo(List.of("$.items: " + kept.size() + " of 100 shown (the answer is capped at 2000 bytes)"));
        String text = ((TextContent) r.content().get(0)).text();
        assertThat(text).startsWith("Models. The result was cut: $.items: " + kept.size() + " of 100 shown");
        assertThat(((TextContent) r.content().get(1)).text())
                .contains("\"permalink\":\"https://policygraph.example/models/model-0\"");
        assertThat(r.isError()).isFalse();
    }

    @Test
    void aSmallAnswerIsNotCut() {
        ToolResponse r = new ToolResults(new ObjectMapper(), config(true, 200_000))
                .of("One.", List.of(Map.of("id", "a", "url", "/organisations/a")), List.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> structured = (Map<String, Object>) r.structuredContent();
        assertThat(structured).doesNotContainKey("truncated").containsKey("results");
        assertThat(((TextContent) r.content().get(0)).text()).doesNotContain("cut");
    }

    @Test
    void theOffSwitchAnswersMcpWith404AndLeavesTheRestAlone() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            Router router = Router.router(vertx);
            new McpSwitch().register(router, config(false, 200_000));
            router.route().handler(ctx -> ctx.response().end("site"));
            int port = vertx.createHttpServer()
                    .requestHandler(router)
                    .listen(0)
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(10, TimeUnit.SECONDS)
                    .actualPort();
            var client = vertx.createHttpClient();
            String mcp = client.request(HttpMethod.POST, port, "localhost", "/mcp")
                    .compose(req -> req.send("{}"))
                    .compose(resp -> resp.body().map(body -> resp.statusCode() + " " + body))
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
            assertThat(mcp).startsWith("404 ").contains("The MCP server is switched off on this site");
            String page = client.request(HttpMethod.GET, port, "localhost", "/regulations")
                    .compose(req -> req.send())
                    .compose(resp -> resp.body().map(body -> resp.statusCode() + " " + body))
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
            assertThat(page).isEqualTo("200 site");
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }
}
