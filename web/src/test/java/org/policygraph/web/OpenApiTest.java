package org.policygraph.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The OpenAPI document describes every /api endpoint, with examples, and is a valid OpenAPI 3 document. */
@QuarkusTest
class OpenApiTest {

    static final List<String> API_PATHS = List.of(
            "/api/{kind}",
            "/api/{kind}/{id}",
            "/api/search",
            "/api/suggest",
            "/api/stats",
            "/api/graph/{id}",
            "/api/paths",
            "/api/timeline",
            "/api/cypher",
            "/api/cypher/saved",
            "/api/export",
            "/api/quality",
            "/api/compare/{what}",
            "/api/compare/threshold");

    @Test
    void theDocumentListsEveryApiPathAndOnlyThose() throws Exception {
        JsonNode doc = new ObjectMapper()
                .readTree(given().when()
                        .get("/q/openapi?format=json")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asByteArray());
        assertThat(doc.path("openapi").asText()).startsWith("3.");
        assertThat(doc.path("info").path("title").asText()).isEqualTo("PolicyGraph API");
        List<String> paths = new ArrayList<>();
        doc.path("paths").fieldNames().forEachRemaining(paths::add);
        assertThat(paths).containsExactlyInAnyOrderElementsOf(API_PATHS);
    }

    @Test
    void everyOperationHasASummaryAndAnExampleOfItsAnswer() throws Exception {
        JsonNode doc = new ObjectMapper()
                .readTree(given().when()
                        .get("/q/openapi?format=json")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asByteArray());
        List<String> missing = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.path("paths").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String name = op.getKey().toUpperCase() + " " + path.getKey();
                if (op.getValue().path("summary").asText().isBlank()) {
                    missing.add(name + ": summary");
                }
                JsonNode ok = op.getValue().path("responses").path("200").path("content");
                if (!ok.toString().contains("\"example")) {
                    missing.add(name + ": an example of its 200 answer");
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void theDocumentIsValidOpenApi() {
        String yaml = given().when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(yaml, null, options);
        assertThat(result.getOpenAPI()).as("parsed").isNotNull();
        assertThat(result.getMessages()).as("validation messages").isEmpty();
        assertThat(result.getOpenAPI().getPaths()).containsKeys(API_PATHS.toArray(String[]::new));
    }

    @Test
    void theSwaggerUiIsServed() {
        given().when().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger-ui"));
    }
}
