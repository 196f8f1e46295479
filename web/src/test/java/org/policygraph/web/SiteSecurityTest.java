package org.policygraph.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.policygraph.model.Kind;

/**
 * Headers and errors: every answer (page, API, error page, problem, static file, /q/*) carries the
 * Content-Security-Policy and the other security headers and says its charset; out-of-range numbers, malformed forms
 * and malformed JSON are 400s that say what is wrong, never a 500 or a class name.
 */
@QuarkusTest
@org.junit.jupiter.api.Tag("slow")
class SiteSecurityTest {

    @jakarta.inject.Inject
    org.policygraph.web.cypher.ConsoleDatabase console;

    /**
     * A console answer of 503 with Retry-After says the console's own Neo4j is starting again (after a query it
     * killed): an honest answer that says when to retry. Ask again once it is up, and judge that answer.
     */
    private Response retriedWhenTheConsoleRestarts(Response r, java.util.function.Supplier<Response> again) {
        if (r.statusCode() == 503 && r.header("Retry-After") != null) {
            assertThat(console.awaitReady(java.time.Duration.ofMinutes(4)))
                    .as("the console is up")
                    .isTrue();
            return again.get();
        }
        return r;
    }

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    static void assertSecurityHeaders(Response r, String what) {
        assertThat(r.header("Content-Security-Policy")).as(what + ": CSP").isEqualTo(CSP);
        assertThat(r.headers().getValues("Content-Security-Policy"))
                .as(what + ": one policy")
                .hasSize(1);
        assertThat(r.header("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
        assertThat(r.header("Referrer-Policy")).as(what).isEqualTo("strict-origin-when-cross-origin");
        assertThat(r.header("X-Frame-Options")).as(what).isEqualTo("DENY");
    }

    static void assertCharset(Response r, String what) {
        assertThat(r.contentType()).as(what + ": content type").containsIgnoringCase("charset=UTF-8");
    }

    private static Response get(String path) {
        return given().redirects().follow(false).when().get(path);
    }

    @Test
    void aPageAnApiAnswerAndAStaticFileCarryTheHeadersAndACharset() {
        Response page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.contentType()).isEqualToIgnoringCase("text/html;charset=UTF-8");
        assertSecurityHeaders(page, "/");

        Response api = get("/api/stats");
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.contentType()).isEqualToIgnoringCase("application/json;charset=UTF-8");
        assertThat(api.jsonPath().getInt("nodes.Regulation")).isPositive();
        assertSecurityHeaders(api, "/api/stats");

        for (String path : List.of(
                "/static/site.css",
                "/static/site.js",
                "/static/graph.js",
                "/webjars/cytoscape/3.33.1/dist/cytoscape.min.js")) {
            Response file = get(path);
            assertThat(file.statusCode()).as(path).isEqualTo(200);
            assertSecurityHeaders(file, path);
            assertCharset(file, path);
        }
        assertThat(get("/static/site.css").asString())
                .contains(".__________cytoscape_container { position: relative; }");

        for (String path : List.of(
                "/q/health",
                "/q/openapi",
                "/api/compare/regulations?ids=eu-ai-act&format=csv",
                "/api/export?format=graphml&root=eu",
                "/api/export?format=json&root=eu",
                "/api/export?format=cypher&root=eu")) {
            Response r = get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertSecurityHeaders(r, path);
            assertCharset(r, path);
        }
    }

    @Test
    void pagesHoldNoInlineScriptOrStyle() {
        for (String path : List.of(
                "/",
                "/regulations",
                "/organisations/anthropic",
                "/regulations/eu-ai-act",
                "/search?q=anthropic",
                "/paths?from=anthropic&to=ca-sb-53",
                "/cypher",
                "/compare/organisations?ids=openai,anthropic",
                "/timeline",
                "/about",
                "/quality",
                "/no-such-page")) {
            String html = get(path).asString();
            assertThat(html)
                    .as(path)
                    .doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>")
                    .doesNotContain("<style")
                    .doesNotContainPattern("\\sstyle=\"")
                    .doesNotContainPattern("\\son[a-z]+=\"");
        }
    }

    @Test
    void aNotFoundPageANotFoundProblemAndErrorsCarryTheHeaders() {
        Response page = get("/no-such-page");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.contentType()).isEqualToIgnoringCase("text/html;charset=UTF-8");
        assertThat(page.asString()).contains("There is no page at /no-such-page.");
        assertSecurityHeaders(page, "404 page");

        Response staticMissing = get("/static/no-such-file.js");
        assertThat(staticMissing.statusCode()).isEqualTo(404);
        assertSecurityHeaders(staticMissing, "404 static");

        Response problem = get("/api/regulations/no-such-law");
        assertThat(problem.statusCode()).isEqualTo(404);
        assertThat(problem.contentType()).isEqualToIgnoringCase("application/problem+json;charset=UTF-8");
        assertThat(problem.jsonPath().getString("detail"))
                .isEqualTo("There is no regulation with the id 'no-such-law'.");
        assertSecurityHeaders(problem, "404 problem");

        Response badPage = get("/regulations?page=999999999");
        assertThat(badPage.statusCode()).isEqualTo(400);
        assertSecurityHeaders(badPage, "400 page");

        Response notAllowed = given().when().delete("/api/stats");
        assertThat(notAllowed.statusCode()).isEqualTo(405);
        assertThat(notAllowed.jsonPath().getString("detail")).startsWith("The method is not allowed at /api/stats.");
        assertSecurityHeaders(notAllowed, "405");

        Response unsupported = given().contentType("text/plain")
                .body("MATCH (n) RETURN n")
                .when()
                .post("/api/cypher");
        assertThat(unsupported.statusCode()).isEqualTo(415);
        assertThat(unsupported.jsonPath().getString("detail")).contains("send application/json");
        assertSecurityHeaders(unsupported, "415");
    }

    @Test
    void swaggerUiAloneMayRunItsInlineStartScript() {
        Response ui = get("/q/swagger-ui/");
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.header("Content-Security-Policy"))
                .contains("script-src 'self' 'unsafe-inline'")
                .contains("frame-ancestors 'none'");
        assertThat(ui.asString()).doesNotContain("Quarkus").doesNotContainPattern("[0-9]+\\.[0-9]+\\.[0-9]+");
        assertThat(ui.header("X-Frame-Options")).isEqualTo("DENY");
    }

    @Test
    void aPageNumberPastTheIntRangeIsA400OnEveryIndexRoute() {
        for (Kind kind : Kind.values()) {
            for (String prefix : List.of("/", "/api/")) {
                for (String page : List.of("999999999", "99999999999999999999", "2147483648", "-1", "0")) {
                    String path = prefix + kind.plural() + "?page=" + page;
                    Response r = get(path);
                    assertThat(r.statusCode()).as(path).isEqualTo(400);
                    assertThat(r.asString())
                            .as(path)
                            .contains("The page parameter must be from 1 to 1000000, not ")
                            .contains(page);
                }
            }
        }
        Response past = get("/api/regulations?page=1000000");
        assertThat(past.statusCode()).isEqualTo(404);
        assertThat(past.jsonPath().getString("detail")).contains("page").contains("of regulations");
    }

    @Test
    void capDepthMaxLimitOutOfRangeAre400sNamingTheParameterAndItsRange() {
        record Case(String path, String detail) {}
        for (Case c : List.of(
                new Case(
                        "/api/graph/anthropic?cap=99999999999",
                        "The cap parameter must be from 1 to 200, not '99999999999'."),
                new Case("/api/graph/anthropic?cap=0", "The cap parameter must be from 1 to 200, not '0'."),
                new Case(
                        "/api/export?format=json&root=eu&depth=4", "The depth parameter must be from 1 to 3, not '4'."),
                new Case(
                        "/api/export?format=json&root=eu&depth=x",
                        "The depth parameter must be a whole number from 1 to 3, not 'x'."),
                new Case(
                        "/api/paths?from=anthropic&to=ca-sb-53&max=9",
                        "The max parameter must be from 1 to 8, not '9'."),
                new Case("/api/search?q=ai&limit=-5", "The limit parameter must be from 1 to 100, not '-5'."))) {
            Response r = get(c.path());
            assertThat(r.statusCode()).as(c.path()).isEqualTo(400);
            assertThat(r.contentType()).as(c.path()).startsWith("application/problem+json");
            assertThat(r.jsonPath().getString("detail")).as(c.path()).isEqualTo(c.detail());
        }
        String longValue = "9".repeat(500);
        Response r = get("/api/graph/anthropic?cap=" + longValue);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.jsonPath().getString("detail"))
                .as("a long value is quoted cut")
                .hasSizeLessThan(150)
                .endsWith("...'.");
    }

    @Test
    void aMalformedFormIsA400PageSayingSo() {
        for (String path : List.of("/cypher", "/cypher/result.csv")) {
            Response r = given().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                    .body("query=%ZZ")
                    .when()
                    .post(path);
            assertThat(r.statusCode()).as(path).isEqualTo(400);
            assertThat(r.asString())
                    .as(path)
                    .contains("The form is malformed")
                    .doesNotContain("IllegalArgument")
                    .doesNotContain("org.jboss");
            assertSecurityHeaders(r, path);
        }
    }

    @Test
    void malformedJsonToTheApiIsAProblemSayingWhy() {
        record Case(String body, String detail) {}
        for (Case c : List.of(
                new Case("\"x\"", "The body must be a JSON object such as"),
                new Case("[]", "The body must be a JSON object such as"),
                new Case("42", "The body must be a JSON object such as"),
                new Case("{\"query\":[\"a\"]}", "The field 'query' must be a string."),
                new Case("{\"query\":{\"a\":1}}", "The field 'query' must be a string."),
                new Case(
                        "{\"query\":\"RETURN 1\",\"parameters\":[1]}", "The field 'parameters' must be a JSON object."),
                new Case("{", "The body is not valid JSON (line 1, column 2)."),
                new Case("{\"query\": 'x'}", "The body is not valid JSON (line 1, column"))) {
            Response r = given().contentType("application/json")
                    .body(c.body())
                    .when()
                    .post("/api/cypher");
            assertThat(r.statusCode()).as(c.body()).isEqualTo(400);
            assertThat(r.contentType()).as(c.body()).isEqualToIgnoringCase("application/problem+json;charset=UTF-8");
            assertThat(r.jsonPath().getString("title")).as(c.body()).isEqualTo("Malformed JSON");
            assertThat(r.jsonPath().getString("detail"))
                    .as(c.body())
                    .startsWith(c.detail())
                    .doesNotContain("org.")
                    .doesNotContain("java.")
                    .doesNotContain("CypherRequest")
                    .doesNotContain("`");
            assertSecurityHeaders(r, c.body());
        }
    }

    /** The routes of the README's "Pages and API" table, each with the parameters it takes. */
    static List<String[]> routes() {
        List<String[]> routes = new ArrayList<>();
        routes.add(new String[] {"/", "x"});
        for (Kind kind : Kind.values()) {
            routes.add(new String[] {"/" + kind.plural(), "page"});
            routes.add(new String[] {"/api/" + kind.plural(), "sort"});
        }
        routes.add(new String[] {"/search", "q"});
        routes.add(new String[] {"/paths", "from", "to", "max", "exclude-type", "exclude-node"});
        routes.add(new String[] {"/timeline", "jurisdiction", "kind"});
        routes.add(new String[] {"/compare", "ids"});
        routes.add(new String[] {"/compare/regulations", "ids"});
        routes.add(new String[] {"/compare/organisations", "ids"});
        routes.add(new String[] {"/compare/models", "ids", "threshold"});
        routes.add(new String[] {"/compare/threshold", "tier", "threshold"});
        routes.add(new String[] {"/api/graph/anthropic", "cap"});
        routes.add(new String[] {"/api/paths", "from", "to", "max", "exclude-type", "exclude-node"});
        routes.add(new String[] {"/api/timeline", "jurisdiction", "kind"});
        routes.add(new String[] {"/api/suggest", "q"});
        routes.add(new String[] {"/api/compare/regulations", "ids", "format"});
        routes.add(new String[] {"/api/compare/organisations", "ids", "format"});
        routes.add(new String[] {"/api/compare/models", "ids", "threshold", "format"});
        routes.add(new String[] {"/api/compare/threshold", "tier", "threshold"});
        routes.add(new String[] {"/api/search", "q", "limit"});
        routes.add(new String[] {"/api/stats", "x"});
        routes.add(new String[] {"/about", "x"});
        routes.add(new String[] {"/quality", "x"});
        routes.add(new String[] {"/api/quality", "limit"});
        routes.add(new String[] {"/cypher", "saved", "query", "parameters", "param.threshold"});
        routes.add(new String[] {"/api/cypher/saved", "x"});
        routes.add(new String[] {"/api/export", "format", "root", "depth", "query"});
        routes.add(new String[] {"/q/health", "x"});
        routes.add(new String[] {"/q/health/ready", "x"});
        routes.add(new String[] {"/q/openapi", "format"});
        return routes;
    }

    /** Path routes whose last segment is an id. */
    static List<String> idRoutes() {
        List<String> routes = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            routes.add("/" + kind.plural() + "/");
            routes.add("/api/" + kind.plural() + "/");
        }
        routes.add("/api/graph/");
        routes.add("/compare/");
        routes.add("/static/");
        return routes;
    }

    static final List<String> HOSTILE = List.of(
            "99999999999999999999",
            "-1",
            "no-such-id",
            "a\u0000b",
            "x".repeat(3000),
            "ünïcödé 日本語 \uD83D\uDE00",
            "\"><img src=x onerror=alert(1)><script>alert(1)</script>' OR 1=1 //",
            "AND OR NOT ( [ { ~ ^ \" \\ / *:* {{x}} ../../etc/passwd",
            " ");

    /** A Java class or package name, or an exception's: what an error must never show. */
    static final java.util.regex.Pattern CLASS_NAME = java.util.regex.Pattern.compile(
            "\\b(org|java|javax|jakarta|com\\.fasterxml|io\\.quarkus|io\\.vertx|io\\.netty)\\.[a-z]+\\.[a-zA-Z]"
                    + "|\\b[A-Z][A-Za-z]*Exception\\b");

    static final java.util.regex.Pattern EXCEPTION_NAME =
            java.util.regex.Pattern.compile("\\b[A-Z][A-Za-z]*Exception\\b");

    static void assertNoServerErrorNorClassName(Response r, String what, List<String> failures) {
        String body = r.asString();
        if (r.statusCode() >= 500) {
            failures.add(r.statusCode() + " " + what);
            return;
        }
        // /about documents which of PolicyGraph's classes reads each dataset: names in content, not an error's
        java.util.regex.Matcher m = (r.statusCode() >= 400 ? CLASS_NAME : EXCEPTION_NAME).matcher(body);
        if (m.find()) {
            failures.add("class name in " + r.statusCode() + " " + what + ": ..."
                    + body.substring(Math.max(0, m.start() - 60), Math.min(body.length(), m.end() + 60)) + "...");
        }
    }

    @Test
    void everyRouteWithHostileValuesAnswersWithoutAServerErrorOrAClassName() {
        long start = System.nanoTime();
        List<String> failures = new ArrayList<>();
        java.util.Map<String, Long> perRoute = new java.util.HashMap<>();
        int requests = 0;
        for (String[] route : routes()) {
            for (int i = 1; i < route.length; i++) {
                for (String value : HOSTILE) {
                    if (route[0].equals("/api/export") && value.isBlank()) {
                        continue; // no root and no query: the whole graph, slow and no different from the tests' own
                    }
                    var request = given().redirects().follow(false).queryParam(route[i], value);
                    if (route[0].equals("/api/export") && !route[i].equals("format")) {
                        request = request.queryParam("format", "json");
                        if (!route[i].equals("root") && !route[i].equals("query")) {
                            request = request.queryParam("root", "anthropic");
                        }
                    }
                    long t = System.nanoTime();
                    var spec = request;
                    Response r = retriedWhenTheConsoleRestarts(
                            spec.when().get(route[0]), () -> spec.when().get(route[0]));
                    requests++;
                    perRoute.merge(route[0] + "?" + route[i], (System.nanoTime() - t) / 1_000_000, Long::sum);
                    assertNoServerErrorNorClassName(r, "GET " + route[0] + "?" + route[i] + "=" + cut(value), failures);
                }
            }
        }
        for (String prefix : idRoutes()) {
            for (String value : HOSTILE) {
                if (value.isBlank() || value.contains("/")) {
                    continue; // another route, or a path segment RestAssured cannot carry
                }
                Response r = given().redirects()
                        .follow(false)
                        .urlEncodingEnabled(true)
                        .pathParam("id", value)
                        .when()
                        .get(prefix + "{id}");
                requests++;
                assertNoServerErrorNorClassName(r, "GET " + prefix + cut(value), failures);
            }
        }
        for (String value : HOSTILE) {
            java.util.function.Supplier<Response> postForm = () -> given().redirects()
                    .follow(false)
                    .formParam("query", value)
                    .formParam("parameters", value)
                    .when()
                    .post("/cypher");
            java.util.function.Supplier<Response> postJson = () -> given().contentType("application/json")
                    .body(java.util.Map.of("query", value, "parameters", java.util.Map.of("x", value)))
                    .when()
                    .post("/api/cypher");
            java.util.function.Supplier<Response> postRaw = () ->
                    given().contentType("application/json").body(value).when().post("/api/cypher");
            Response form = retriedWhenTheConsoleRestarts(postForm.get(), postForm);
            Response json = retriedWhenTheConsoleRestarts(postJson.get(), postJson);
            Response rawJson = retriedWhenTheConsoleRestarts(postRaw.get(), postRaw);
            requests += 3;
            assertNoServerErrorNorClassName(form, "POST /cypher query=" + cut(value), failures);
            assertNoServerErrorNorClassName(json, "POST /api/cypher query=" + cut(value), failures);
            assertNoServerErrorNorClassName(rawJson, "POST /api/cypher body " + cut(value), failures);
        }
        for (String body : List.of("query=%ZZ", "query=%", "query=%E0%A4", "%%%", "query=a&query=b&parameters=%7B")) {
            Response r = given().contentType("application/x-www-form-urlencoded")
                    .body(body)
                    .when()
                    .post("/cypher");
            requests++;
            assertNoServerErrorNorClassName(r, "POST /cypher body " + body, failures);
        }
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        System.out.printf(
                "route fuzz: %d requests in %d s; the slowest parameters (ms for all values): %s%n",
                requests,
                seconds,
                perRoute.entrySet().stream()
                        .sorted(java.util.Map.Entry.<String, Long>comparingByValue()
                                .reversed())
                        .limit(8)
                        .map(e -> e.getKey() + " " + e.getValue())
                        .toList());
        assertThat(failures)
                .as("answers with a server error or a class name, of " + requests)
                .isEmpty();
        assertThat(requests).isGreaterThan(800);
    }

    private static String cut(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "...(" + s.length() + ")" : s;
    }
}
