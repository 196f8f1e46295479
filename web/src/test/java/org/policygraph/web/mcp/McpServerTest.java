package org.policygraph.web.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.policygraph.web.GraphDump;
import org.policygraph.web.cypher.ConsoleDatabase;
import org.policygraph.web.cypher.HostileQueriesTest;

/**
 * Drives {@code /mcp} with the MCP Java SDK's own client over Streamable HTTP, on the default data: the server
 * initializes, lists its tools with descriptions and schemas, and each tool answers with content an assistant can
 * cite (permalinks, sources with locators); errors are tool errors with the site's message; the Cypher tool refuses
 * the console's whole hostile corpus with the console's messages, is cut off at its limits, and leaves the database
 * as it was.
 */
@QuarkusTest
class McpServerTest {

    private static final String SITE = "http://localhost:8080";

    @TestHTTPResource("/")
    URL root;

    @Inject
    Driver driver;

    @Inject
    ConsoleDatabase console;

    private McpSyncClient client;

    @BeforeEach
    void connect() {
        String base = root.toString().endsWith("/")
                ? root.toString().substring(0, root.toString().length() - 1)
                : root.toString();
        client = McpClient.sync(HttpClientStreamableHttpTransport.builder(base)
                        .endpoint("/mcp")
                        .build())
                .requestTimeout(Duration.ofSeconds(90))
                .build();
        McpSchema.InitializeResult init = client.initialize();
        assertThat(init.serverInfo().name()).isEqualTo("PolicyGraph");
        assertThat(init.instructions()).contains("cite each fact with its permalink");
    }

    @AfterEach
    void close() {
        client.closeGracefully();
    }

    private McpSchema.CallToolResult call(String tool, Map<String, Object> arguments) {
        return client.callTool(new McpSchema.CallToolRequest(tool, arguments));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> structured(McpSchema.CallToolResult result) {
        assertThat(result.isError()).as("tool error: %s", text(result)).isNotEqualTo(Boolean.TRUE);
        assertThat(result.structuredContent()).isInstanceOf(Map.class);
        return (Map<String, Object>) result.structuredContent();
    }

    private static String text(McpSchema.CallToolResult result) {
        return String.join(
                "\n",
                result.content().stream()
                        .map(c -> c instanceof McpSchema.TextContent t ? t.text() : c.toString())
                        .toList());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }

    @Test
    void listsItsToolsWithDescriptionsAndArgumentSchemas() {
        List<McpSchema.Tool> tools = client.listTools().tools();
        assertThat(tools)
                .extracting(McpSchema.Tool::name)
                .containsExactlyInAnyOrder(
                        "search", "get_entity", "find_paths", "compare", "rules_reaching", "run_cypher");
        for (McpSchema.Tool tool : tools) {
            assertThat(tool.description()).as(tool.name()).hasSizeGreaterThan(150);
            assertThat(tool.annotations().readOnlyHint())
                    .as(tool.name() + " is read-only")
                    .isTrue();
            assertThat(tool.annotations().destructiveHint())
                    .as(tool.name() + " is not destructive")
                    .isFalse();
            assertThat(tool.inputSchema().properties())
                    .as(tool.name() + " has arguments")
                    .isNotEmpty();
        }
        McpSchema.Tool paths = tools.stream()
                .filter(t -> t.name().equals("find_paths"))
                .findFirst()
                .orElseThrow();
        assertThat(paths.inputSchema().properties()).containsKeys("from", "to", "max", "exclude_types");
        assertThat(paths.inputSchema().required()).contains("from", "to").doesNotContain("exclude_types");
    }

    @Test
    void searchFindsAnthropicWithItsPermalink() {
        McpSchema.CallToolResult r = call("search", Map.of("query", "Anthropic", "limit", 5));
        List<Map<String, Object>> hits = list(structured(r).get("results"));
        assertThat(hits).isNotEmpty();
        assertThat(hits.get(0))
                .containsEntry("id", "anthropic")
                .containsEntry("url", "/organisations/anthropic")
                .containsEntry("permalink", SITE + "/organisations/anthropic");
        assertThat(text(r)).contains("Anthropic (Organisation, id anthropic)").contains("\"permalink\"");
    }

    @Test
    void getEntityGivesEachRelationshipWithItsSourceAndSaysWhatItCut() {
        Map<String, Object> anthropic = structured(call("get_entity", Map.of("id", "anthropic")));
        assertThat(anthropic).containsEntry("permalink", SITE + "/organisations/anthropic");
        Map<String, Object> endorsed = list(anthropic.get("relationships")).stream()
                .filter(r -> r.get("type").equals("ENDORSED")
                        && ((Map<?, ?>) r.get("other")).get("id").equals("ca-sb-53"))
                .findFirst()
                .orElseThrow();
        assertThat(((Map<?, ?>) endorsed.get("properties")).get("date")).isEqualTo("2025-09-08");
        assertThat(((Map<?, ?>) endorsed.get("other")).get("permalink")).isEqualTo(SITE + "/regulations/ca-sb-53");
        Map<String, Object> source = list(endorsed.get("sources")).get(0);
        assertThat(source.get("source")).isNotNull();
        assertThat((String) source.get("locator")).isNotBlank();

        // a busy node: the United States has far more relationships than a tool result lists
        McpSchema.CallToolResult us = call("get_entity", Map.of("id", "us"));
        Map<String, Object> usJson = structured(us);
        assertThat(list(usJson.get("relationships"))).hasSizeLessThanOrEqualTo(100);
        assertThat((List<String>) usJson.get("truncated"))
                .anySatisfy(t -> assertThat(t).startsWith("relationships: 100 of "));
        assertThat(text(us)).contains("The result was cut: relationships: 100 of");

        McpSchema.CallToolResult missing = call("get_entity", Map.of("id", "no-such-thing"));
        assertThat(missing.isError()).isTrue();
        assertThat(text(missing))
                .contains("There is no node with the id 'no-such-thing'")
                .doesNotContain("Exception")
                .doesNotContain("at org.");
    }

    @Test
    void findPathsGivesHopsWithSources() {
        Map<String, Object> result = structured(call("find_paths", Map.of("from", "anthropic", "to", "ca-sb-53")));
        List<Map<String, Object>> paths = list(result.get("paths"));
        assertThat(paths).isNotEmpty();
        List<Map<String, Object>> hops = list(paths.get(0).get("hops"));
        assertThat(hops).isNotEmpty();
        assertThat(hops).allSatisfy(hop -> assertThat(list(hop.get("sources"))).isNotEmpty());
        assertThat(((Map<?, ?>) result.get("from")).get("permalink")).isEqualTo(SITE + "/organisations/anthropic");

        McpSchema.CallToolResult same = call("find_paths", Map.of("from", "anthropic", "to", "anthropic"));
        assertThat(same.isError()).isTrue();
        assertThat(text(same)).contains("The two ends are the same node");
    }

    @Test
    void compareRegulationsAsOfADayAndRefusesAnUnknownKind() {
        Map<String, Object> c = structured(call(
                "compare",
                Map.of("what", "regulations", "ids", List.of("eu-ai-act", "ca-sb-53"), "as_of", "2026-12-01")));
        assertThat(list(c.get("columns"))).extracting(m -> m.get("id")).containsExactly("eu-ai-act", "ca-sb-53");
        List<Map<String, Object>> rows = list(c.get("rows"));
        Map<String, Object> reporting = rows.stream()
                .filter(r -> r.get("key").equals("incident-reporting"))
                .findFirst()
                .orElseThrow();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> sb53 = list(((Map<String, Object>) reporting.get("cells")).get("ca-sb-53"));
        assertThat(sb53).anySatisfy(cell -> {
            assertThat((String) cell.get("detail")).contains("15 days");
            assertThat(list(cell.get("sources"))).isNotEmpty();
        });

        McpSchema.CallToolResult wrong = call("compare", Map.of("what", "planets", "ids", List.of("eu-ai-act")));
        assertThat(wrong.isError()).isTrue();
        assertThat(text(wrong)).contains("what must be regulations, organisations or models, not 'planets'");
    }

    @Test
    void rulesReachingSaysWhichTierAModelFallsUnderAndWhy() {
        McpSchema.CallToolResult r = call("rules_reaching", Map.of("id", "gpt-4"));
        Map<String, Object> result = structured(r);
        Map<String, Object> systemic = list(result.get("rules")).stream()
                .filter(rule -> rule.get("tier").equals("eu-ai-act-gpai-systemic-risk"))
                .findFirst()
                .orElseThrow();
        assertThat((String) ((Map<?, ?>) systemic.get("standing")).get("reason"))
                .contains("FLOP");
        assertThat(list(systemic.get("definedBy"))).isNotEmpty();
        assertThat(list(systemic.get("obligations")))
                .isNotEmpty()
                .allSatisfy(o -> assertThat(list(o.get("sources"))).isNotEmpty());
        assertThat(text(r)).contains("GPT-4 falls under");

        McpSchema.CallToolResult law = call("rules_reaching", Map.of("id", "eu-ai-act"));
        assertThat(law.isError()).isTrue();
        assertThat(text(law)).contains("'eu-ai-act' is a regulation; rules_reaching takes a model or an organisation");
    }

    @Test
    void runCypherAnswersReadsAndIsCutAtTheLimits() {
        assertThat(console.awaitReady(Duration.ofMinutes(4)))
                .as("the console's Neo4j is up")
                .isTrue();
        Map<String, Object> read = structured(call(
                "run_cypher",
                Map.of(
                        "query",
                        "MATCH (r:Regulation {id: $id}) RETURN r.name AS name, r",
                        "parameters",
                        Map.of("id", "ca-sb-53"))));
        assertThat(read.get("columns")).isEqualTo(List.of("name", "r"));
        assertThat(read.get("rowCount")).isEqualTo(1);
        assertThat(list(read.get("nodes")))
                .anySatisfy(n -> assertThat(n)
                        .containsEntry("id", "ca-sb-53")
                        .containsEntry("permalink", SITE + "/regulations/ca-sb-53"));

        McpSchema.CallToolResult many =
                call("run_cypher", Map.of("query", "MATCH (a), (b), (c) RETURN a.id, b.id, c.id"));
        Map<String, Object> cut = structured(many);
        assertThat(cut.get("truncated")).isInstanceOf(List.class);
        assertThat(list(cut.get("rows"))).hasSizeLessThanOrEqualTo(200);
        assertThat(cut.get("rowCount")).isEqualTo(1000);
        assertThat(text(many)).contains("rows: 200 of 1000 returned").contains("the console cut the answer");

        McpSchema.CallToolResult range = call("run_cypher", Map.of("query", "RETURN size(range(1, 100000000)) AS n"));
        assertThat(range.isError()).isTrue();
        assertThat(text(range)).contains("range");
    }

    @Test
    void runCypherRefusesTheConsolesHostileCorpusTheSameWayAndChangesNothing() {
        assertThat(console.awaitReady(Duration.ofMinutes(4)))
                .as("the console's Neo4j is up")
                .isTrue();
        String before = GraphDump.checksum(driver);
        List<String> failures = new ArrayList<>();
        for (HostileQueriesTest.Hostile h : HostileQueriesTest.REFUSED) {
            McpSchema.CallToolResult r = call("run_cypher", Map.of("query", h.query()));
            String message = text(r);
            if (!Boolean.TRUE.equals(r.isError()) || !message.contains(h.expected())) {
                failures.add(h.query().substring(0, Math.min(80, h.query().length())) + " -> " + message);
            }
        }
        assertThat(failures)
                .as("hostile queries the MCP tool did not refuse as the console does")
                .isEmpty();
        assertThat(GraphDump.checksum(driver)).isEqualTo(before);
    }

    @Test
    void resourcesHoldTheSchemaAndTheSavedQueriesAndPromptsAskTheStandardQuestions() {
        assertThat(client.listResources().resources())
                .extracting(McpSchema.Resource::uri)
                .contains("policygraph://schema", "policygraph://saved-queries");
        String schema = ((McpSchema.TextResourceContents)
                        client.readResource(new McpSchema.ReadResourceRequest("policygraph://schema"))
                                .contents()
                                .get(0))
                .text();
        assertThat(schema)
                .contains("\"Regulation\"")
                .contains("\"FALLS_UNDER\"")
                .contains("\"ALLEGED_DEVELOPER\"")
                .contains("training_compute_flop");
        String saved = ((McpSchema.TextResourceContents)
                        client.readResource(new McpSchema.ReadResourceRequest("policygraph://saved-queries"))
                                .contents()
                                .get(0))
                .text();
        assertThat(saved).contains("\"endorsements\"").contains(SITE + "/cypher");

        assertThat(client.listPrompts().prompts())
                .extracting(McpSchema.Prompt::name)
                .contains(
                        "compare_laws",
                        "laws_binding_their_backers",
                        "which_models_cross_thresholds",
                        "incident_reporting_duties");
        McpSchema.GetPromptResult prompt = client.getPrompt(new McpSchema.GetPromptRequest(
                "compare_laws", Map.of("laws", "eu-ai-act, ny-raise-act", "as_of", "2027-01-01")));
        String words = ((McpSchema.TextContent) prompt.messages().get(0).content()).text();
        assertThat(words)
                .contains("eu-ai-act, ny-raise-act")
                .contains("as_of=2027-01-01")
                .contains("compare");
    }
}
