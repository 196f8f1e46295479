package org.policygraph.web.cache;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

/**
 * The page cache on the embedded default data: hits, 304 on a matching If-None-Match, gzip, one render for many
 * requests at once, and (from {@link GraphVersionTest}) a new graph version, an ingest through the app's own driver,
 * seen by the next requests within the poll interval.
 */
@QuarkusTest
@TestProfile(CachedProfile.class)
class PageCacheTest extends GraphVersionTest {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    @Inject
    PageCache cache;

    @TestHTTPResource("/")
    URL base;

    /** Each test starts from an empty cache: other test classes of the same profile have filled it. */
    @org.junit.jupiter.api.BeforeEach
    void emptyTheCache() {
        cache.clear();
    }

    @Override
    Driver writer() {
        return driver;
    }

    @Test
    void aSecondRequestIsAnsweredFromTheCacheWithTheSameBodyAndHeaders() {
        Response first = given().when().get("/regulations/eu-ai-act");
        Response second = given().when().get("/regulations/eu-ai-act");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.header("X-PolicyGraph-Cache")).isEqualTo("miss");
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.header("X-PolicyGraph-Cache")).isEqualTo("hit");
        assertThat(second.asString()).isEqualTo(first.asString()).contains("Artificial Intelligence Act");
        assertThat(second.contentType()).isEqualTo(first.contentType()).startsWith("text/html;charset=UTF-8");
        assertThat(second.header("ETag"))
                .isEqualTo(first.header("ETag"))
                .startsWith("\"v" + versions.current() + "-")
                .endsWith("-text/html\"");
        assertThat(second.header("Cache-Control")).isEqualTo("public, max-age=0, must-revalidate");
        // the security headers are on the cached answer too
        assertThat(second.header("Content-Security-Policy")).isEqualTo(CSP);
        assertThat(second.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(second.header("X-Frame-Options")).isEqualTo("DENY");

        // the JSON representation of the same node is another entry, with another ETag
        Response json = given().when().get("/api/regulations/eu-ai-act");
        Response jsonAgain = given().when().get("/api/regulations/eu-ai-act");
        assertThat(json.header("X-PolicyGraph-Cache")).isEqualTo("miss");
        assertThat(jsonAgain.header("X-PolicyGraph-Cache")).isEqualTo("hit");
        assertThat(jsonAgain.contentType()).startsWith("application/json");
        assertThat(jsonAgain.jsonPath().getString("id")).isEqualTo("eu-ai-act");
        assertThat(jsonAgain.header("ETag")).isNotEqualTo(first.header("ETag")).endsWith("-application/json\"");

        // the query is part of the key
        assertThat(given().queryParam("as-of", "2025-01-01")
                        .when()
                        .get("/regulations/eu-ai-act")
                        .header("X-PolicyGraph-Cache"))
                .isEqualTo("miss");
    }

    @Test
    void aMatchingIfNoneMatchIsAnswered304WithNoBody() {
        String etag = given().when()
                .get("/organisations/anthropic")
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        assertThat(etag).isNotBlank();

        Response revalidated = given().header("If-None-Match", etag).when().get("/organisations/anthropic");

        assertThat(revalidated.statusCode()).isEqualTo(304);
        assertThat(revalidated.asByteArray()).isEmpty();
        assertThat(revalidated.header("ETag")).isEqualTo(etag);
        assertThat(revalidated.header("Cache-Control")).isEqualTo("public, max-age=0, must-revalidate");
        assertThat(revalidated.header("Content-Security-Policy")).isEqualTo(CSP);
        assertThat(revalidated.header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
        // another ETag (another version, or another representation) gets the page
        given().header("If-None-Match", "\"v0-2000-01-01-text/html\"")
                .when()
                .get("/organisations/anthropic")
                .then()
                .statusCode(200);
        // a miss revalidated is a 304 too: the ETag is known before the body is rendered
        Response uncached = given().header("If-None-Match", etag.replace("\"v", "W/\"v"))
                .queryParam("as-of", "2026-01-01")
                .when()
                .get("/organisations/anthropic");
        assertThat(uncached.header("X-PolicyGraph-Cache")).isEqualTo("miss");
        assertThat(uncached.statusCode()).isEqualTo(304);
        assertThat(uncached.asByteArray()).isEmpty();
    }

    @Test
    void errorsAreNotCached() {
        Response missing = given().when().get("/organisations/no-such-organisation-anywhere");
        Response again = given().when().get("/organisations/no-such-organisation-anywhere");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(again.header("X-PolicyGraph-Cache")).isNull();
        assertThat(again.header("ETag")).isNull();
    }

    @Test
    void aMissAskedForByManyAtOnceIsRenderedOnceAndEveryoneGetsItsAnswer() throws Exception {
        // a key no other test asks for: the regulation's heaviest page, as of a day
        URI page = base.toURI().resolve("/regulations/eu-ai-act?as-of=2026-03-01");
        List<HttpResponse<String>> answers = atOnce(page, 12);
        assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(200);
        assertThat(answers)
                .extracting(a -> a.headers().firstValue("X-PolicyGraph-Cache").orElse(""))
                .as("one request rendered the page; the others waited for it and were answered from it")
                .containsOnlyOnce("miss")
                .containsOnly("miss", "hit");
        assertThat(answers)
                .extracting(HttpResponse::body)
                .containsOnly(answers.get(0).body());
        assertThat(answers.get(0).body()).contains("Artificial Intelligence Act");
        assertThat(answers)
                .extracting(a -> a.headers().firstValue("ETag").orElse(""))
                .containsOnly(answers.get(0).headers().firstValue("ETag").orElseThrow());
        assertThat(cache.rendering()).as("claims left behind").isZero();

        // an error is not shared: each request that waited renders it itself, and nothing is kept
        List<HttpResponse<String>> missing =
                atOnce(base.toURI().resolve("/organisations/no-such-organisation-at-once"), 6);
        assertThat(missing).extracting(HttpResponse::statusCode).containsOnly(404);
        assertThat(missing)
                .extracting(HttpResponse::body)
                .allSatisfy(b -> assertThat(b).contains("no-such-organisation-at-once"));
        assertThat(missing)
                .extracting(a -> a.headers().firstValue("X-PolicyGraph-Cache"))
                .containsOnly(java.util.Optional.empty());
        assertThat(cache.rendering()).as("claims left behind").isZero();
    }

    /** The same GET sent by this many clients at the same moment, each on its own connection. */
    private static List<HttpResponse<String>> atOnce(URI uri, int clients) throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(clients);
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<HttpResponse<String>>> sent = new java.util.ArrayList<>();
            for (int i = 0; i < clients; i++) {
                HttpClient client = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .build();
                sent.add(pool.submit(() -> {
                    go.await();
                    return client.send(
                            HttpRequest.newBuilder(uri)
                                    .timeout(java.time.Duration.ofSeconds(60))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                }));
            }
            go.countDown();
            List<HttpResponse<String>> answers = new java.util.ArrayList<>();
            for (var f : sent) {
                answers.add(f.get(90, java.util.concurrent.TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void pagesAndJsonAreGzippedWhenTheClientAsksForIt() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (String path : List.of("/regulations/eu-ai-act", "/api/regulations/eu-ai-act", "/regulations/eu-ai-act")) {
            HttpResponse<byte[]> gzipped = client.send(
                    HttpRequest.newBuilder(url(path))
                            .header("Accept-Encoding", "gzip")
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(gzipped.statusCode()).isEqualTo(200);
            assertThat(gzipped.headers().firstValue("Content-Encoding"))
                    .as(path)
                    .contains("gzip");
            String decoded = gunzip(gzipped.body());
            assertThat(decoded).contains("Artificial Intelligence Act");
            assertThat(gzipped.body().length).isLessThan(decoded.getBytes(StandardCharsets.UTF_8).length / 3);

            HttpResponse<String> plain =
                    client.send(HttpRequest.newBuilder(url(path)).build(), HttpResponse.BodyHandlers.ofString());
            // not compressed (the server may say so: "identity")
            assertThat(plain.headers().firstValue("Content-Encoding").orElse("identity"))
                    .isEqualTo("identity");
            assertThat(plain.body()).isEqualTo(decoded);
        }
        // a comparison as CSV too
        HttpResponse<byte[]> csv = client.send(
                HttpRequest.newBuilder(url("/api/compare/regulations?ids=eu-ai-act,ca-sb-53&format=csv"))
                        .header("Accept-Encoding", "gzip")
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(gunzip(csv.body())).contains("eu-ai-act");
    }

    @Test
    void exportsAreNotCachedButCarryTheVersion() {
        Response export = given().queryParam("format", "json")
                .queryParam("root", "eu-ai-act")
                .queryParam("depth", 1)
                .when()
                .get("/api/export");
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.header("X-PolicyGraph-Version")).isEqualTo(String.valueOf(versions.current()));
        assertThat(export.header("X-PolicyGraph-Cache")).isNull();
        assertThat(export.header("ETag")).isNull();
    }

    private URI url(String path) {
        return URI.create(base.toString().replaceAll("/$", "") + path);
    }

    private static String gunzip(byte[] body) throws IOException {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
