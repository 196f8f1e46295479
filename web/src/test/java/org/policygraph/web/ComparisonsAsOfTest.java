package org.policygraph.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The organisation and model comparisons answer "as of" a day on the default data (the RAISE Act's tiers apply from
 * 2027-01-01, the EU's GPAI tiers from 2025-08-02, SB 942's covered provider from 2026-08-02), bad dates are refused
 * like on every page; the regulation comparison's incident-reporting row across RAISE, SB 53 and the EU AI Act; SB
 * 942's user threshold in the scope row and in the organisations' reach; and the labs' frameworks from AGORA linked
 * to the labs that issued them, as a path and as a row of the organisation comparison.
 */
@QuarkusTest
class ComparisonsAsOfTest {

    private static final String RAISE_MODEL = "ny-raise-act-frontier-model";
    private static final String RAISE_DEVELOPER = "ny-raise-act-large-frontier-developer";
    private static final String EU_SYSTEMIC = "eu-ai-act-gpai-systemic-risk";
    private static final String SB_942 = "ca-sb-942-covered-provider";

    private static JsonPath json(String path) {
        return given().when().get(path).then().statusCode(200).extract().jsonPath();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> cell(JsonPath c, String row, String column) {
        List<Map<String, Object>> rows = c.getList("rows");
        Map<String, Object> r =
                rows.stream().filter(x -> row.equals(x.get("key"))).findFirst().orElseThrow();
        return (List<Map<String, Object>>) ((Map<String, Object>) r.get("cells")).getOrDefault(column, List.of());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> entryFor(List<Map<String, Object>> cells, String refId) {
        return cells.stream()
                .filter(e -> e.get("ref") != null && refId.equals(((Map<String, Object>) e.get("ref")).get("id")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no entry for " + refId + " in " + cells));
    }

    @Test
    void grok3FallsUnderRaisesFrontierModelTierWhichAppliesOnlyFrom20270101() {
        JsonPath before = json("/api/compare/models?ids=grok-3,gpt-4&as-of=2026-12-01");
        Map<String, Object> grok = cell(before, "tier:" + RAISE_MODEL, "grok-3").get(0);
        assertThat(grok.get("text")).isEqualTo("Falls under (not yet applicable on 2026-12-01)");
        assertThat((String) grok.get("detail"))
                .contains("more than the 1e26 FLOP threshold")
                .endsWith("On 2026-12-01 the tier was not yet applicable, applies from 2027-01-01.");
        // GPT-4 (2.1e25 FLOP) is below RAISE's threshold: no date to add to a "does not fall under"
        Map<String, Object> gpt4 = cell(before, "tier:" + RAISE_MODEL, "gpt-4").get(0);
        assertThat(gpt4.get("text")).isEqualTo("Does not fall under");
        assertThat((String) gpt4.get("detail")).doesNotContain("On 2026-12-01");
        assertThat(before.getList("notes", String.class))
                .anySatisfy(n -> assertThat(n).contains("as of 2026-12-01"));

        // a tier defined by an article is headed with its act, like the others
        List<Map<String, Object>> rows = before.getList("rows");
        assertThat(rows.stream()
                        .filter(r -> "tier:kr-ai-basic-act-high-performance".equals(r.get("key")))
                        .findFirst()
                        .orElseThrow()
                        .get("heading")
                        .toString())
                .startsWith("Framework Act on the Development of Artificial Intelligence and Establishment of Trust: ");

        JsonPath after = json("/api/compare/models?ids=grok-3,gpt-4&as-of=2027-02-01");
        Map<String, Object> later = cell(after, "tier:" + RAISE_MODEL, "grok-3").get(0);
        assertThat(later.get("text")).isEqualTo("Falls under");
        assertThat((String) later.get("detail")).endsWith("On 2027-02-01 the tier was applicable since 2027-01-01.");
    }

    @Test
    void onNewYearsDay2025TheGpaiSystemicRiskRulesDidNotYetApplyAndGrok3WasNotYetReleased() {
        JsonPath c = json("/api/compare/models?ids=grok-3,gpt-4&as-of=2025-01-01");
        Map<String, Object> gpt4 = cell(c, "tier:" + EU_SYSTEMIC, "gpt-4").get(0);
        assertThat(gpt4.get("text")).isEqualTo("Falls under (not yet applicable on 2025-01-01)");
        assertThat((String) gpt4.get("detail"))
                .contains("On 2025-01-01 the tier was not yet applicable, applies from 2025-08-02.");
        assertThat(cell(c, "released", "grok-3").get(0).get("detail")).isEqualTo("not yet released on 2025-01-01");
        assertThat(cell(c, "released", "gpt-4").get(0).get("detail")).isNull();
        // the same day as a page, and kept in its links
        String html = given().when()
                .get("/compare/models?ids=grok-3,gpt-4&as-of=2025-01-01")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(html)
                .contains("Falls under (not yet applicable on 2025-01-01)")
                .contains("id=\"compare-as-of\" name=\"as-of\" type=\"date\" value=\"2025-01-01\"")
                .contains("&amp;as-of=2025-01-01&amp;format=csv");
    }

    @Test
    void anOrganisationsReachSaysWhetherEachRuleAppliedThatDay() {
        JsonPath before = json("/api/compare/organisations?ids=openai,meta&as-of=2026-12-01");
        Map<String, Object> raise = entryFor(cell(before, "reach", "openai"), RAISE_DEVELOPER);
        assertThat((String) raise.get("text")).startsWith("Unknown").endsWith("(not yet applicable on 2026-12-01)");
        assertThat((String) raise.get("detail"))
                .contains("annual revenue is not in the data")
                .endsWith("On 2026-12-01 the tier was not yet applicable, applies from 2027-01-01.");
        Map<String, Object> after = entryFor(
                cell(json("/api/compare/organisations?ids=openai,meta&as-of=2027-06-01"), "reach", "openai"),
                RAISE_DEVELOPER);
        assertThat((String) after.get("text")).doesNotContain("not yet applicable");
        assertThat((String) after.get("detail")).endsWith("On 2027-06-01 the tier was applicable since 2027-01-01.");
        // the newest model is the newest released by the day asked
        String newest =
                (String) cell(json("/api/compare/organisations?ids=openai&as-of=2023-01-01"), "newest", "openai")
                        .get(0)
                        .get("detail");
        assertThat(newest).startsWith("released ");
        assertThat(newest.substring("released ".length())).isLessThanOrEqualTo("2023-01-01");
        String html = given().when()
                .get("/compare/organisations?ids=openai,meta&as-of=2026-11-15")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(html).contains("(not yet applicable on 2026-11-15)").contains("value=\"2026-11-15\"");
    }

    @Test
    void sb942sUserThresholdGivesLikelyForARecordedCountAndUnknownWithoutOne() {
        JsonPath c = json("/api/compare/organisations?ids=openai,meta,mistral-ai&as-of=2026-07-01");
        Map<String, Object> meta = entryFor(cell(c, "reach", "meta"), SB_942);
        assertThat((String) meta.get("text"))
                .startsWith("Likely falls under")
                .endsWith("(not yet applicable on 2026-07-01)");
        assertThat((String) meta.get("detail"))
                .contains("its recorded 1,000,000,000 monthly users are more than 1,000,000")
                .contains("Business and Professions Code 22757.1(d)")
                .contains("not yet applicable, applies from 2026-08-02");
        assertThat(meta.get("sources").toString())
                .contains("hmjournal-meta-ai-billion-users")
                .contains("one billion monthly active users")
                .contains("lexace-ca-bpc-22757-1");
        // OpenAI: monthly users of the ChatGPT app in May 2026 (Sensor Tower's estimate, a press report)
        Map<String, Object> openai = entryFor(cell(c, "reach", "openai"), SB_942);
        assertThat((String) openai.get("text")).startsWith("Likely falls under");
        assertThat((String) openai.get("detail"))
                .contains("its recorded 1,000,000,000 monthly users are more than 1,000,000");
        assertThat(openai.get("sources").toString())
                .contains("techtimes-chatgpt-1-billion-app-users-2026-06")
                .contains("1 billion monthly active users, crossing that mark in May 2026");
        Map<String, Object> mistral = entryFor(cell(c, "reach", "mistral-ai"), SB_942);
        assertThat((String) mistral.get("text")).startsWith("Unknown");
        assertThat((String) mistral.get("detail"))
                .contains("no count of the monthly visitors or users of its generative AI "
                        + "systems is recorded, so whether it has more than 1,000,000");
    }

    @Test
    void badDatesAreRefusedOnTheOrganisationAndModelComparisons() {
        given().when()
                .get("/api/compare/organisations?as-of=2026-02-30")
                .then()
                .statusCode(400)
                .body("detail", containsString("is not a day of the calendar"));
        given().when()
                .get("/api/compare/models?as-of=2026/01/01")
                .then()
                .statusCode(400)
                .body("detail", containsString("must be a date written YYYY-MM-DD"));
        given().when()
                .get("/compare/organisations?as-of=tomorrow")
                .then()
                .statusCode(400)
                .body(containsString("must be a date written YYYY-MM-DD"));
    }

    @Test
    void theIncidentReportingRowShowsRaises72HoursSb53s15DaysAndTheEusDeadlinesWithTheirSources() {
        JsonPath c = json("/api/compare/regulations?ids=ny-raise-act,ca-sb-53,eu-ai-act");
        Map<String, Object> raise = entryFor(
                cell(c, "incident-reporting", "ny-raise-act"), "ny-raise-act-critical-safety-incident-reporting");
        assertThat((String) raise.get("detail"))
                .contains("deadline: 72 hours")
                .contains("Office of Responsible AI Safety and Education");
        assertThat(raise.get("sources").toString())
                .contains("nysenate-gbs-1422")
                .contains("§ 1422(3)(a)")
                .contains("within seventy-two hours");
        assertThat(cell(c, "incident-reporting", "ca-sb-53")).anySatisfy(e -> {
            assertThat((String) e.get("detail")).contains("within 15 days").contains("Office of Emergency Services");
            assertThat(e.get("sources").toString()).contains("ca-leginfo-sb-53");
        });
        Map<String, Object> eu =
                entryFor(cell(c, "incident-reporting", "eu-ai-act"), "eu-ai-act-serious-incident-reporting");
        assertThat((String) eu.get("detail"))
                .contains("not later than 15 days")
                .contains("not later than 2 days")
                .contains("not later than 10 days in the event of a death");
        assertThat(eu.get("sources").toString()).contains("eur-lex-ai-act").contains("Article 73");
        String html = given().when()
                .get("/compare/regulations?ids=ny-raise-act,ca-sb-53,eu-ai-act")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(html)
                .contains("deadline: 72 hours")
                .contains("within 15 days")
                .contains("not later than 10 days");
    }

    @Test
    void theScopeRowAcrossTheNewLawsHasRaisesComputeSb942sUsersAndKoreasTierDefinedByAnArticle() {
        JsonPath c = json("/api/compare/regulations?ids=ny-raise-act,ca-sb-942,kr-ai-basic-act");
        assertThat(cell(c, "scope", "ny-raise-act"))
                .anySatisfy(e -> assertThat((String) e.get("detail")).contains("training compute more than 1e26 FLOP"));
        Map<String, Object> sb942 = entryFor(cell(c, "scope", "ca-sb-942"), SB_942);
        assertThat((String) sb942.get("detail")).isEqualTo("more than 1,000,000 monthly visitors or users");
        assertThat(sb942.get("sources").toString()).contains("Business and Professions Code 22757.1(d)");
        // Korea's high-performance tier is defined by an article (a provision), not by the act itself
        Map<String, Object> korea = entryFor(cell(c, "scope", "kr-ai-basic-act"), "kr-ai-basic-act-high-performance");
        assertThat((String) korea.get("detail")).contains("training compute more than 1e26 FLOP");
    }

    @Test
    void aLabIsOnePathFromTheFrameworksAgoraFilesUnderPrivateSectorCompanies() {
        given().queryParam("from", "google-deepmind")
                .queryParam("to", "agora-987")
                .when()
                .get("/api/paths")
                .then()
                .statusCode(200)
                .body("paths[0].hops.size()", equalTo(1))
                .body("paths[0].hops[0].type", equalTo("ISSUED_BY"))
                .body("paths[0].hops[0].subject.id", equalTo("agora-987"))
                .body("paths[0].hops[0].sources[0].source", equalTo("agora"))
                .body("paths[0].hops[0].sources[0].locator", containsString("Official name"))
                .body(
                        "paths[0].hops[0].sources[0].quote",
                        equalTo("Google DeepMind Frontier Safety Framework Version 1.0"));
        given().queryParam("from", "meta")
                .queryParam("to", "agora-763")
                .when()
                .get("/api/paths")
                .then()
                .statusCode(200)
                .body("paths[0].hops[0].type", equalTo("ISSUED_BY"));
    }

    @Test
    void theOrganisationComparisonListsEachLabsFrameworksCuratedAndFromAgora() {
        JsonPath c = json("/api/compare/organisations?ids=anthropic,openai,google-deepmind,meta");
        assertThat(c.getList("rows.key")).containsSubsequence("signatures", "issued", "fmti");
        entryFor(cell(c, "issued", "anthropic"), "anthropic-responsible-scaling-policy");
        entryFor(cell(c, "issued", "openai"), "openai-preparedness-framework");
        Map<String, Object> charter = entryFor(cell(c, "issued", "openai"), "agora-767");
        assertThat(charter.get("text")).isEqualTo("OpenAI Charter");
        assertThat(charter.get("sources").toString()).contains("source=agora");
        entryFor(cell(c, "issued", "google-deepmind"), "google-deepmind-frontier-safety-framework");
        entryFor(cell(c, "issued", "google-deepmind"), "agora-987");
        entryFor(cell(c, "issued", "meta"), "meta-frontier-ai-framework");
        entryFor(cell(c, "issued", "meta"), "agora-763");
    }

    @Test
    void openAisPositionAndSignatureOnTheGpaiCodeAppearOnlyFromTheirDates() {
        String code = "eu-gpai-code-of-practice";
        // OpenAI announced its intention to sign on 2025-07-11 (ENDORSED) and signed on 2025-08-01 (SIGNED)
        JsonPath after = json("/api/compare/organisations?ids=openai,anthropic&as-of=2025-08-01");
        assertThat(entryFor(cell(after, "positions", "openai"), code))
                .satisfies(e -> assertThat(e.get("text")).isEqualTo("Endorsed General-Purpose AI Code of Practice"))
                .satisfies(e -> assertThat((String) e.get("detail")).contains("on 2025-07-11"));
        assertThat(entryFor(cell(after, "signatures", "openai"), code).get("detail"))
                .asString()
                .contains("on 2025-08-01");
        // the day before the signature: the endorsement is there, the signature is not yet
        JsonPath between = json("/api/compare/organisations?ids=openai,anthropic&as-of=2025-07-31");
        assertThat(entryFor(cell(between, "positions", "openai"), code)).isNotNull();
        assertThat(cell(between, "signatures", "openai"))
                .noneSatisfy(
                        e -> assertThat(((Map<?, ?>) e.get("ref")).get("id")).isEqualTo(code));
        // before 2025-07-11 neither is; Anthropic's endorsement of 2025-07-21 is not there on 2025-07-15 either
        JsonPath before = json("/api/compare/organisations?ids=openai,anthropic&as-of=2025-07-10");
        assertThat(cell(before, "positions", "openai"))
                .noneSatisfy(
                        e -> assertThat(((Map<?, ?>) e.get("ref")).get("id")).isEqualTo(code));
        assertThat(cell(
                        json("/api/compare/organisations?ids=openai,anthropic&as-of=2025-07-15"),
                        "positions",
                        "anthropic"))
                .noneSatisfy(
                        e -> assertThat(((Map<?, ?>) e.get("ref")).get("id")).isEqualTo(code));
        assertThat(entryFor(cell(after, "positions", "anthropic"), code)).isNotNull();
        given().when()
                .get("/compare/organisations?ids=openai,anthropic&as-of=2025-07-10")
                .then()
                .statusCode(200)
                .body(containsString("positions and signatures dated after it are left out"));
    }
}
