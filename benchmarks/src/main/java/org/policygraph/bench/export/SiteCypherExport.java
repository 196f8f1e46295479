package org.policygraph.bench.export;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.neo4j.driver.Driver;

/**
 * PolicyGraph's own Cypher-script export as users get it: {@code GET /api/export?format=cypher} from the packaged
 * site (web.export: the schema first, then {@code UNWIND} batches with {@code MERGE} on ids, read page by page and
 * streamed), pointed at the benchmark's database, written to the file as it arrives. The counts are the ones its
 * first line states ("... (N nodes, M relationships).").
 */
public final class SiteCypherExport implements CypherScriptExport {

    private static final Pattern COUNTS = Pattern.compile("\\((\\d+) nodes, (\\d+) relationships\\)");

    private final URI site;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** @param site the packaged site's address, e.g. {@code http://127.0.0.1:8080} */
    public SiteCypherExport(URI site) {
        this.site = site;
    }

    @Override
    public String name() {
        return "PolicyGraph's /api/export?format=cypher (the packaged site, over HTTP)";
    }

    @Override
    public Exported export(Driver driver, Writer out) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(site.resolve("/api/export?format=cypher"))
                .GET()
                .build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while exporting from " + site, e);
        }
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8), 1 << 16)) {
            if (response.statusCode() != 200) {
                throw new IOException("GET /api/export?format=cypher answered " + response.statusCode() + ": "
                        + in.lines().limit(5).reduce("", (a, b) -> a + b));
            }
            String first = in.readLine();
            Matcher counts = first == null ? null : COUNTS.matcher(first);
            if (counts == null || !counts.find()) {
                throw new IOException("the export does not start with its counts: " + first);
            }
            out.write(first);
            out.write('\n');
            long characters = first.length() + 1 + in.transferTo(out);
            out.flush();
            return new Exported(Long.parseLong(counts.group(1)), Long.parseLong(counts.group(2)), characters);
        }
    }
}
