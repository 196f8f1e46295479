package org.policygraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.neo4j.driver.Values;

/**
 * The shipped default data, loaded into an embedded Neo4j: AGORA's documents filed under "Private-sector companies"
 * are issued by the company their name names (through the reviewed table in resolution/instruments.yaml), citing
 * AGORA's row; SB 942's covered-provider threshold (more than 1,000,000 monthly visitors or users) gives "likely"
 * where a sourced count is recorded and "unknown", with the reason, where none is.
 */
class FrameworksAndUsersIngestTest {

    static Driver driver;

    @BeforeAll
    static void load() {
        driver = SharedDefaultGraph.driver();
    }

    private static List<Record> rows(String query, Object... params) {
        try (var session = driver.session()) {
            return session.run(query, Values.parameters(params)).list();
        }
    }

    @Test
    void agorasCorporateFrameworksAreIssuedByTheirCompanies() {
        List<Record> r = rows("""
                MATCH (d:Regulation {id: 'agora-987'})-[i:ISSUED_BY]->(o:Organisation)
                RETURN o.id AS org, d.instrument_type AS type, i.sources AS sources, i.locators AS locators, i.quotes AS quotes
                """);
        assertThat(r).hasSize(1);
        assertThat(r.get(0).get("org").asString()).isEqualTo("google-deepmind");
        assertThat(r.get(0).get("type").asString()).isEqualTo("corporate-framework");
        assertThat(r.get(0).get("sources").asList(Value::asString)).containsExactly("agora");
        assertThat(r.get(0).get("locators").get(0).asString())
                .contains("AGORA id 987")
                .contains("Official name")
                .contains("resolution/instruments.yaml");
        assertThat(r.get(0).get("quotes").get(0).asString())
                .isEqualTo("Google DeepMind Frontier Safety Framework Version 1.0");
        assertThat(rows("MATCH (:Regulation {id: 'agora-763'})-[:ISSUED_BY]->(o) RETURN o.id AS org")
                        .get(0)
                        .get("org")
                        .asString())
                .isEqualTo("meta");
        assertThat(rows("MATCH (:Regulation {id: 'agora-762'})-[:ISSUED_BY]->(o) RETURN o.id AS org")
                        .get(0)
                        .get("org")
                        .asString())
                .isEqualTo("inflection-ai");
        // every corporate framework now has its issuer, except the commitments many companies signed (they have
        // signatories, not one issuer) and an industry alliance's commitments that AGORA files under another authority
        List<String> orphans =
                rows("""
                MATCH (d:Regulation) WHERE d.agora_id IS NOT NULL AND d.instrument_type = 'corporate-framework'
                  AND NOT (d)-[:ISSUED_BY]->(:Organisation)
                RETURN d.id AS id ORDER BY id""").stream().map(x -> x.get("id").asString()).toList();
        assertThat(orphans)
                .isSubsetOf(
                        "us-white-house-voluntary-ai-commitments",
                        "seoul-frontier-ai-safety-commitments",
                        "agora-1831");
    }

    @Test
    void recordedUsersPutMetaAndOpenAiLikelyUnderSb942AndMistralWithoutACountIsUnknown() {
        List<Record> meta = rows("""
                MATCH (:Organisation {id: 'meta'})-[f:FALLS_UNDER]->(:RiskTier {id: 'ca-sb-942-covered-provider'})
                RETURN f.status AS status, f.basis AS basis, f.value AS value, f.threshold AS threshold, f.reason AS reason,
                       f.sources AS sources""");
        assertThat(meta).hasSize(1);
        Record m = meta.get(0);
        assertThat(m.get("status").asString()).isEqualTo("likely");
        assertThat(m.get("basis").asString()).isEqualTo("monthly_users");
        assertThat(m.get("value").asDouble()).isEqualTo(1.0e9);
        assertThat(m.get("threshold").asDouble()).isEqualTo(1.0e6);
        assertThat(m.get("reason").asString())
                .contains("its recorded 1,000,000,000 monthly users are more than 1,000,000")
                .contains("Business and Professions Code 22757.1(d)")
                .contains("whether the system is publicly accessible where the law applies is not in the data");
        assertThat(m.get("sources").asList(Value::asString))
                .containsExactly("hmjournal-meta-ai-billion-users", "lexace-ca-bpc-22757-1");

        // OpenAI's count is monthly app users (Sensor Tower's estimate, May 2026); its own weekly count is not used
        Record openai = rows("""
                MATCH (:Organisation {id: 'openai'})-[f:FALLS_UNDER]->(:RiskTier {id: 'ca-sb-942-covered-provider'})
                RETURN f.status AS status, f.value AS value, f.reason AS reason, f.sources AS sources""").get(0);
        assertThat(openai.get("status").asString()).isEqualTo("likely");
        assertThat(openai.get("value").asDouble()).isEqualTo(1.0e9);
        assertThat(openai.get("reason").asString())
                .contains("OpenAI develops generative models")
                .contains("its recorded 1,000,000,000 monthly users are more than 1,000,000");
        assertThat(openai.get("sources").asList(Value::asString))
                .containsExactly("techtimes-chatgpt-1-billion-app-users-2026-06", "lexace-ca-bpc-22757-1");
        // the other counts found: Anthropic 56 million, Microsoft 150 million, xAI 64 million, DeepSeek 170 million,
        // Google (the Gemini app, May 2026) 900 million
        for (var expected : List.of(
                List.of("anthropic", "5.6E7"),
                List.of("microsoft", "1.5E8"),
                List.of("xai", "6.4E7"),
                List.of("deepseek", "1.7E8"),
                List.of("google", "9.0E8"))) {
            Record r = rows("""
                MATCH (:Organisation {id: $id})-[f:FALLS_UNDER]->(:RiskTier {id: 'ca-sb-942-covered-provider'})
                RETURN f.status AS status, f.value AS value""", "id", expected.get(0)).get(0);
            assertThat(r.get("status").asString()).as(expected.get(0)).isEqualTo("likely");
            assertThat(r.get("value").asDouble()).as(expected.get(0)).isEqualTo(Double.parseDouble(expected.get(1)));
        }

        Record mistral = rows("""
                MATCH (:Organisation {id: 'mistral-ai'})-[f:FALLS_UNDER]->(:RiskTier {id: 'ca-sb-942-covered-provider'})
                RETURN f.status AS status, f.value AS value, f.reason AS reason""").get(0);
        assertThat(mistral.get("status").asString()).isEqualTo("unknown");
        assertThat(mistral.get("value").isNull()).isTrue();
        assertThat(mistral.get("reason").asString())
                .contains("Mistral AI develops generative models")
                .contains("no count of the monthly visitors or users of its generative AI systems is recorded");

        // an organisation whose models are all outside the generative domains is not reached at all
        assertThat(rows("""
                MATCH (o:Organisation)-[:FALLS_UNDER]->(:RiskTier {id: 'ca-sb-942-covered-provider'})
                WHERE all(m IN [(o)-[:DEVELOPS]->(x:Model) | x] WHERE m.domain IS NOT NULL
                          AND none(d IN ['Language', 'Multimodal', 'Image generation', 'Video', 'Speech', 'Audio']
                                   WHERE m.domain CONTAINS d))
                RETURN o.id""")).isEmpty();
        // the large online platforms' threshold stays unevaluated: no list of platforms in the data
        assertThat(rows("MATCH ()-[f:FALLS_UNDER]->(:RiskTier {id: 'ca-sb-942-large-online-platform'}) RETURN f"))
                .isEmpty();
    }
}
