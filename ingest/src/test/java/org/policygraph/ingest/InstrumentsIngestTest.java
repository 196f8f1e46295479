package org.policygraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Record;
import org.policygraph.data.EmbeddedNeo4j;
import org.policygraph.data.GraphFingerprint;
import org.policygraph.ingest.read.DataFile;
import org.policygraph.ingest.read.DataFiles;
import org.policygraph.ingest.write.WriteSummary;

/**
 * The default data as shipped, with AGORA's 951 documents and LegiScan's 150 California bills, loaded into a fresh
 * embedded Neo4j: one node per instrument across the curated data and both datasets, each source's status a dated
 * event, and a damaged copy of either dataset refused with nothing written.
 */
class InstrumentsIngestTest {

    static EmbeddedNeo4j neo4j;
    static Driver driver;

    @BeforeAll
    static void load(@TempDir Path store) {
        neo4j = EmbeddedNeo4j.start(store.resolve("db"), 0);
        driver = GraphDatabase.driver(neo4j.boltUri(), neo4j.authToken());
        Ingest.defaults().run(DataFiles.defaults(), driver, false);
    }

    @AfterAll
    static void stop() {
        driver.close();
        neo4j.close();
    }

    private static List<Record> query(String cypher, Map<String, Object> params) {
        try (var session = driver.session()) {
            return session.run(cypher, params).list();
        }
    }

    private static Record one(String cypher, Map<String, Object> params) {
        List<Record> rows = query(cypher, params);
        assertThat(rows).as(cypher).hasSize(1);
        return rows.get(0);
    }

    @Test
    void everyAgoraDocumentAndEveryLegiScanBillIsThere() {
        assertThat(one("MATCH (r:Regulation) WHERE r.agora_id IS NOT NULL RETURN count(r) AS n", Map.of())
                        .get("n")
                        .asLong())
                .isEqualTo(951);
        assertThat(one("MATCH (r:Regulation) WHERE r.legiscan_id IS NOT NULL RETURN count(r) AS n", Map.of())
                        .get("n")
                        .asLong())
                .isEqualTo(150);
    }

    @Test
    void sb53IsOneNodeWithThreeSourcesAndItsCurrentStatusIsEnacted() {
        Record sb53 = one(
                "MATCH (r:Regulation) WHERE r.agora_id = 2041 OR r.legiscan_id = 1904800 "
                        + "OR r.id = 'ca-sb-53' RETURN r.id AS id, r.sources AS sources, r.aliases AS aliases",
                Map.of());
        assertThat(sb53.get("id").asString()).isEqualTo("ca-sb-53");
        assertThat(sb53.get("sources").asList(org.neo4j.driver.Value::asString))
                .contains("ca-leginfo-sb-53", "agora", "legiscan-ca-ai-bills");
        assertThat(sb53.get("aliases").asList(org.neo4j.driver.Value::asString))
                .contains(
                        "California SB 53",
                        "California SB 53 (CalCompute and Whistleblowers)",
                        "CalCompute: foundation models: whistleblowers");

        List<Record> claims = query("""
                MATCH (e:Event {event_type: 'status'})-[:EVENT_OF]->(:Regulation {id: 'ca-sb-53'})
                RETURN e.status AS status, toString(e.date) AS date, e.sources AS sources
                ORDER BY e.date DESC, e.id""", Map.of());
        assertThat(claims)
                .extracting(r -> r.get("status").asString() + " "
                        + r.get("date").asString() + " " + r.get("sources").asList(org.neo4j.driver.Value::asString))
                .containsExactly(
                        "enacted 2025-09-29 [ca-leginfo-sb-53]",
                        "proposed 2025-01-07 [agora]",
                        "proposed 2025-01-07 [legiscan-ca-ai-bills]");
        Record agora =
                one("MATCH (e:Event {id: 'agora-2041-status'}) RETURN e.description AS d, e.locators AS l", Map.of());
        assertThat(agora.get("d").asString()).contains("Proposed").contains("AGORA's data goes up to 2025-06-22");
        assertThat(agora.get("l").asList(org.neo4j.driver.Value::asString).get(0))
                .startsWith("documents.csv AGORA id 2041");
    }

    @Test
    void sb1047sVetoIsDatedFromLegiScan() {
        Record veto = one("""
                MATCH (e:Event {event_type: 'vetoed'})-[:EVENT_OF]->(:Regulation {id: 'ca-sb-1047'})
                RETURN toString(e.date) AS date, e.description AS what, e.chamber AS chamber, e.sources AS sources,
                       e.locators AS locators""", Map.of());
        assertThat(veto.get("date").asString()).isEqualTo("2024-09-29");
        assertThat(veto.get("what").asString()).isEqualTo("Vetoed by the Governor.");
        assertThat(veto.get("chamber").asString()).isEqualTo("Senate");
        assertThat(veto.get("sources").asList(org.neo4j.driver.Value::asString))
                .containsExactly("legiscan-ca-ai-bills");
        assertThat(veto.get("locators").asList(org.neo4j.driver.Value::asString).get(0))
                .isEqualTo("aiBills.json $['2023-2024']['SB1047'].history[35]");
        Record bill = one(
                "MATCH (r:Regulation {id: 'ca-sb-1047'}) RETURN r.agora_id AS a, r.legiscan_id AS l, "
                        + "r.bill_number AS n, r.session AS s",
                Map.of());
        assertThat(bill.get("a").asLong()).isEqualTo(1163);
        assertThat(bill.get("l").asLong()).isEqualTo(1840453);
        assertThat(bill.get("n").asString()).isEqualTo("SB 1047");
        assertThat(bill.get("s").asString())
                .as("the curated session wins over LegiScan's \"2023-2024 Session\"")
                .isEqualTo("2023-2024");
        Record author = one(
                "MATCH (p:Person)-[s:SPONSORED]->(:Regulation {id: 'ca-sb-1047'}) WHERE s.role = 'author' "
                        + "RETURN p.id AS id, p.name AS name",
                Map.of());
        assertThat(author.get("name").asString()).isEqualTo("Scott Wiener");
    }

    @Test
    void agora757IsTheEuAiActAndTheChinaMeasuresAreTheCuratedOnes() {
        assertThat(one("MATCH (r:Regulation {agora_id: 757}) RETURN r.id AS id", Map.of())
                        .get("id")
                        .asString())
                .isEqualTo("eu-ai-act");
        assertThat(one("MATCH (r:Regulation {agora_id: 1137}) RETURN r.id AS id", Map.of())
                        .get("id")
                        .asString())
                .isEqualTo("cn-generative-ai-measures");
        assertThat(one("MATCH (r:Regulation {agora_id: 36}) RETURN r.id AS id", Map.of())
                        .get("id")
                        .asString())
                .isEqualTo("cn-deep-synthesis-provisions");
        Record eu = one(
                "MATCH (r:Regulation {id: 'eu-ai-act'}) RETURN r.name AS name, r.status AS status, "
                        + "r.instrument_type AS type, r.aliases AS aliases",
                Map.of());
        assertThat(eu.get("name").asString()).as("the curated name wins").isEqualTo("EU Artificial Intelligence Act");
        assertThat(eu.get("status").asString()).as("the curated status wins").isEqualTo("partially-applicable");
        assertThat(eu.get("aliases").asList(org.neo4j.driver.Value::asString)).contains("EU AI Act");
    }

    @Test
    void aKnownAgoraDocumentHasItsAuthorityAndJurisdiction() {
        Record ll144 = one("""
                MATCH (r:Regulation {agora_id: 72})-[i:ISSUED_BY]->(o:Organisation) WHERE 'agora' IN i.sources
                MATCH (r)-[:APPLIES_IN]->(city:Jurisdiction)-[:PART_OF]->(state:Jurisdiction)-[:PART_OF]->(us)
                RETURN r.id AS id, r.instrument_type AS type, r.status AS status, o.id AS org, o.org_type AS orgType,
                       city.id AS city, city.jurisdiction_type AS cityType, state.id AS state,
                       state.iso_code AS iso, us.id AS country""", Map.of());
        assertThat(ll144.get("id").asString()).isEqualTo("nyc-local-law-144");
        assertThat(ll144.get("type").asString()).isEqualTo("statute");
        assertThat(ll144.get("status").asString())
                .as("the curated status wins over AGORA's 'enacted'")
                .isEqualTo("in-force");
        assertThat(ll144.get("org").asString()).isEqualTo("new-york-ny-local-government");
        assertThat(query(
                                "MATCH (:Regulation {agora_id: 72})-[i:ISSUED_BY]->(o) RETURN o.id AS id, i.sources AS s "
                                        + "ORDER BY id",
                                Map.of())
                        .stream()
                        .map(r -> r.get("id").asString() + " " + r.get("s").asList())
                        .toList())
                .as("AGORA's authority and the curated one, each with its own source")
                .containsExactly("new-york-city-council [osc-ny-audit-ll144]", "new-york-ny-local-government [agora]");
        assertThat(ll144.get("orgType").asString()).isEqualTo("government");
        assertThat(ll144.get("city").asString()).isEqualTo("us-ny-new-york-city");
        assertThat(ll144.get("cityType").asString()).isEqualTo("city");
        assertThat(ll144.get("state").asString()).isEqualTo("us-ny");
        assertThat(ll144.get("iso").asString()).isEqualTo("US-NY");
        assertThat(ll144.get("country").asString()).isEqualTo("us");

        Record diffusion = one("""
                MATCH (r:Regulation {agora_id: 1820})-[:ISSUED_BY]->(o:Organisation)-[:SUBSIDIARY_OF]->(p)
                MATCH (r)-[:APPLIES_IN]->(j)
                RETURN r.instrument_type AS type, r.status AS status, o.id AS org, o.org_type AS orgType, p.id AS parent,
                       j.id AS j, r.collections AS collections""", Map.of());
        assertThat(diffusion.get("type").asString()).isEqualTo("agency-rule");
        assertThat(diffusion.get("status").asString()).isEqualTo("defunct");
        assertThat(diffusion.get("org").asString()).isEqualTo("department-of-commerce");
        assertThat(diffusion.get("orgType").asString()).isEqualTo("agency");
        assertThat(diffusion.get("parent").asString()).isEqualTo("united-states-federal-government");
        assertThat(diffusion.get("j").asString()).isEqualTo("us");
        assertThat(diffusion.get("collections").asList(org.neo4j.driver.Value::asString))
                .containsExactly("Editors' Picks", "U.S. regulations, executive orders, and agency policies");
    }

    @Test
    void theSplitCollectionNameIsMended() {
        Record eo = one(
                "MATCH (r:Regulation {agora_id: 2417}) RETURN r.collections AS c, r.instrument_type AS t", Map.of());
        assertThat(eo.get("c").asList(org.neo4j.driver.Value::asString))
                .containsExactly("Editors' Picks", "U.S. regulations, executive orders, and agency policies");
        assertThat(eo.get("t").asString()).isEqualTo("executive-action");
    }

    @Test
    void thematicFlagsAreConceptsTheDocumentAddresses() {
        List<Record> themes = query("""
                MATCH (:Regulation {id: 'ca-sb-53'})-[a:ADDRESSES]->(c:Concept)
                WHERE 'agora' IN a.sources RETURN c.id AS id, c.name AS name, a.locators AS l ORDER BY id""", Map.of());
        assertThat(themes).isNotEmpty();
        assertThat(themes)
                .extracting(r -> r.get("name").asString())
                .allMatch(n -> n.matches("(Applications|Harms|Incentives|Risk factors|Strategies): .+"));
        assertThat(themes.get(0)
                        .get("l")
                        .asList(org.neo4j.driver.Value::asString)
                        .get(0))
                .startsWith("documents.csv AGORA id 2041, column ");
    }

    @Test
    void aSecondRunChangesNothing() {
        WriteSummary again =
                Ingest.defaults().run(DataFiles.defaults(), driver, false).written();
        assertThat(again.created()).isZero();
        assertThat(again.updated()).isZero();
    }

    @Test
    void aDamagedAgoraFileIsRefusedAndNothingIsWritten() {
        long before = GraphFingerprint.count(driver, "MATCH (n) RETURN count(n)");
        String error = refused(
                "agora/documents.csv", text -> text.replaceFirst(",Enacted,2021-12-11,", ",Enacted,2021-13-11,"), true);
        assertThat(error)
                .startsWith("agora/documents.csv:")
                .contains(" record row ")
                .contains("field 'Most recent activity date'");
        assertThat(refused(
                        "agora/documents.csv",
                        text -> text.substring(0, text.indexOf("The Bletchley Declaration") + 10),
                        false))
                .startsWith("agora/documents.csv:")
                .contains(" record row ");
        assertThat(GraphFingerprint.count(driver, "MATCH (n) RETURN count(n)")).isEqualTo(before);
    }

    @Test
    void aDamagedLegiScanFileIsRefusedAndNothingIsWritten() {
        long before = GraphFingerprint.count(driver, "MATCH (n) RETURN count(n)");
        String error = refused(
                "ca-ai-bills-legiscan/aiBills.json",
                text -> text.replaceFirst("\"status_date\": \"2024-09-29\"", "\"status_date\": \"29/09/2024\""),
                true);
        assertThat(error)
                .startsWith("ca-ai-bills-legiscan/aiBills.json:")
                .contains(" record $['2023-2024']['")
                .contains("field 'status_date'");
        assertThat(refused("ca-ai-bills-legiscan/aiBills.json", text -> text.substring(0, text.length() / 2), false))
                .startsWith("ca-ai-bills-legiscan/aiBills.json:")
                .contains("is not valid JSON");
        assertThat(GraphFingerprint.count(driver, "MATCH (n) RETURN count(n)")).isEqualTo(before);
    }

    /** Ingests the default data with one file changed, into the loaded database; returns the error naming it. */
    private static String refused(String path, UnaryOperator<String> change, boolean write) {
        List<DataFile> files = new ArrayList<>();
        for (DataFile file : DataFiles.defaults()) {
            if (file.path().equals(path)) {
                String text = new String(file.bytes().get(), StandardCharsets.UTF_8);
                String changed = change.apply(text);
                assertThat(changed).as("the change applies").isNotEqualTo(text);
                byte[] bytes = changed.getBytes(StandardCharsets.UTF_8);
                files.add(new DataFile(path, () -> bytes));
            } else {
                files.add(file);
            }
        }
        ValidationFailedException e = catchThrowableOfType(
                () -> Ingest.defaults().run(files, write ? driver : null, false), ValidationFailedException.class);
        assertThat(e).as("a damaged %s is refused", path).isNotNull();
        assertThat(e.getMessage()).contains("nothing was written");
        List<String> naming = e.errors().stream()
                .map(Object::toString)
                .filter(s -> s.startsWith(path + ":"))
                .toList();
        assertThat(naming).as("errors naming %s among %s", path, e.errors()).isNotEmpty();
        return naming.get(0);
    }
}
