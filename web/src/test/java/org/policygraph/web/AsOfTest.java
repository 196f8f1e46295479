package org.policygraph.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pages answer "as of" a day on the default data: the EU AI Act's dates as Regulation (EU) 2026/1744 changed them,
 * the 2024 dates kept as superseded with their source, the timeline's staged dates, the comparison's current dates,
 * the same for a law without dated statements (SB 53's applies_from), and bad dates refused with a reason.
 */
@QuarkusTest
class AsOfTest {

    private static String page(String path) {
        return given().when().get(path).then().statusCode(200).extract().asString();
    }

    private static JsonPath json(String path) {
        return given().when().get(path).then().statusCode(200).extract().jsonPath();
    }

    /** The list item of one dated statement on a page, up to the next one. */
    private static String statement(String html, String eventId) {
        int marker = html.indexOf("data-event=\"" + eventId + "\"");
        assertThat(marker).as("the statement " + eventId + " is on the page").isPositive();
        int start = html.lastIndexOf("<li", marker);
        int next = html.indexOf("class=\"as-of-date\"", marker);
        int end = html.indexOf("</section>", start);
        return html.substring(start, next > 0 && next < end ? next : end);
    }

    @Test
    void annexIiiHighRiskObligationsWereNotYetApplicableOn20260901AndApplyFrom20271202() {
        String html = page("/obligations/eu-ai-act-high-risk-risk-management?as-of=2026-09-01");
        assertThat(html)
                .contains("As it stood on 2026-09-01")
                .contains("On 2026-09-01 this obligation was <strong>not yet applicable, applies from 2027-12-02");
        String current = statement(html, "eu-ai-act-omnibus-high-risk-annex-iii-applies-2027-12-02");
        assertThat(current)
                .contains("data-state=\"not-yet-applicable\"")
                .contains("not yet applicable, applies from 2027-12-02")
                .contains("(secondary source)")
                .contains("Artificial Intelligence: Council gives final green light to simplify and streamline rules")
                .contains("2 December 2027 for stand-alone high-risk AI systems");
        JsonPath api = json("/api/obligations/eu-ai-act-high-risk-risk-management?as-of=2026-09-01");
        assertThat(api.getString("pointInTime.status")).startsWith("not yet applicable, applies from 2027-12-02");
        assertThat(api.getBoolean("pointInTime.applicable")).isFalse();
        assertThat(api.getList("pointInTime.dates.findAll { it.state == 'not-yet-applicable' }.date", String.class))
                .contains("2027-12-02", "2028-08-02");
    }

    @Test
    void beforeTheAmendmentTookEffectThe2024DatesWereInForce() {
        JsonPath api = json("/api/risk-tiers/eu-ai-act-high-risk?as-of=2026-07-01");
        assertThat(api.getString("pointInTime.status"))
                .isEqualTo("not yet applicable, applies from 2026-08-02 (parts from 2027-08-02)");
        assertThat(
                        api.getString(
                                "pointInTime.dates.find { it.event.id == 'eu-ai-act-omnibus-high-risk-annex-iii-applies-2027-12-02' }.state"))
                .isEqualTo("not-yet-made");
        assertThat(api.getBoolean("pointInTime.amendments.find { it.act.id == 'eu-ai-act-omnibus' }.made"))
                .isFalse();
        assertThat(json("/api/risk-tiers/eu-ai-act-high-risk?as-of=2026-09-01")
                        .getBoolean("pointInTime.amendments.find { it.act.id == 'eu-ai-act-omnibus' }.made"))
                .isTrue();
    }

    @Test
    void theOmnibusTookEffectOn20260727AfterItsPublicationOn20260724() {
        JsonPath omnibus = json("/api/regulations/eu-ai-act-omnibus");
        assertThat(omnibus.getString("properties.adopted")).isEqualTo("2026-07-08");
        assertThat(omnibus.getString("properties.in_force")).isEqualTo("2026-07-27");
        assertThat(omnibus.getList("sources.source", String.class))
                .contains("thomasmoreai-ai-act-timeline-2026-08", "ai-governance-watch-eu-ai-act-2026-09");
        assertThat(omnibus.getString("sources.find { it.source == 'thomasmoreai-ai-act-timeline-2026-08' }.quote"))
                .contains("OJ L, 2026/1744, 24.7.2026, in force 27 July 2026");
        assertThat(json("/api/events/eu-ai-act-omnibus-published-2026-07-24").getString("properties.date"))
                .isEqualTo("2026-07-24");
        // the amendment was not yet made the day before it entered into force, and made on that day
        String made = "pointInTime.amendments.find { it.act.id == 'eu-ai-act-omnibus' }.made";
        assertThat(json("/api/risk-tiers/eu-ai-act-high-risk?as-of=2026-07-26").getBoolean(made))
                .isFalse();
        assertThat(json("/api/risk-tiers/eu-ai-act-high-risk?as-of=2026-07-27").getBoolean(made))
                .isTrue();
        assertThat(json("/api/risk-tiers/eu-ai-act-high-risk?as-of=2026-07-27")
                        .getString("pointInTime.amendments.find { it.act.id == 'eu-ai-act-omnibus' }.effective"))
                .isEqualTo("2026-07-27");
    }

    @Test
    void theSuperseded2024DateIsShownAsSupersededWithItsSource() {
        String html = page("/risk-tiers/eu-ai-act-high-risk");
        String old = statement(html, "eu-ai-act-2024-high-risk-annex-iii-applies-2026-08-02");
        assertThat(old)
                .contains("data-state=\"superseded\"")
                .contains("superseded in 2026-07-27 by a later date, 2027-12-02")
                .contains("Regulation (EU) 2024/1689 of the European Parliament and of the Council")
                .contains("Article 113, second paragraph")
                .contains("It shall apply from 2 August 2026.");
        assertThat(statement(html, "eu-ai-act-2024-high-risk-annex-i-applies-2027-08-02"))
                .contains("data-state=\"superseded\"")
                .contains("Article 113(c)");
        assertThat(html)
                .contains(
                        "this risk tier was <strong>not yet applicable, applies from 2027-12-02 (parts from 2028-08-02)");
    }

    @Test
    void generalPurposeAiObligationsWereNotYetApplicableOn20250101() {
        assertThat(json("/api/risk-tiers/eu-ai-act-gpai?as-of=2025-01-01").getString("pointInTime.status"))
                .isEqualTo("not yet applicable, applies from 2025-08-02");
        assertThat(json("/api/obligations/eu-ai-act-gpai-copyright-policy?as-of=2025-01-01")
                        .getString("pointInTime.status"))
                .isEqualTo("not yet applicable, applies from 2025-08-02");
        assertThat(page("/obligations/eu-ai-act-gpai-copyright-policy?as-of=2025-01-01"))
                .contains("this obligation was <strong>not yet applicable, applies from 2025-08-02</strong>");
        assertThat(json("/api/obligations/eu-ai-act-gpai-copyright-policy?as-of=2025-09-01")
                        .getString("pointInTime.status"))
                .isEqualTo("applicable since 2025-08-02");
        // Article 101's fines are excepted from 2 August 2025: the obligation's own date wins over its tiers'
        assertThat(json("/api/obligations/eu-ai-act-gpai-fines?as-of=2025-09-01")
                        .getString("pointInTime.status"))
                .isEqualTo("not yet applicable, applies from 2026-08-02");
    }

    @Test
    void theRegulationShowsItsObligationsOnTheDayAndWhatChangedSince() {
        String html = page("/regulations/eu-ai-act?as-of=2027-12-31&since=2026-06-01");
        assertThat(html)
                .contains("Changes between 2026-06-01 and 2027-12-31")
                .contains(
                        "2026-07-27: AI Act as amended in 2026: high-risk AI systems of Annex III apply from 2 December 2027"
                                + " (set by an amendment, replacing 2026-08-02)")
                .contains(
                        "2027-12-02: became applicable: AI Act as amended in 2026: high-risk AI systems of Annex III apply"
                                + " from 2 December 2027")
                .contains("2026-12-02: became applicable: AI Act as amended in 2026: the ban on AI generating");
        JsonPath api = json("/api/regulations/eu-ai-act?as-of=2026-09-01");
        assertThat(api.getString("pointInTime.status")).isEqualTo("applicable since 2026-08-02");
        assertThat(api.getString(
                        "pointInTime.obligations.find { it.ref.id == 'eu-ai-act-high-risk-risk-management' }.status"))
                .startsWith("not yet applicable, applies from 2027-12-02");
        assertThat(
                        api.getString(
                                "pointInTime.obligations.find { it.ref.id == 'eu-ai-act-ban-non-consensual-intimate-content' }.status"))
                .isEqualTo("not yet applicable, applies from 2026-12-02");
        assertThat(api.getString(
                        "pointInTime.obligations.find { it.ref.id == 'eu-ai-act-prohibited-practices-ban' }.status"))
                .isEqualTo("applicable since 2025-02-02");
    }

    @Test
    void theTimelineHoldsEveryStagedDateAndMarksSupersededOnes() {
        JsonPath api = json("/api/timeline?jurisdiction=eu");
        assertThat(api.getList("date", String.class))
                .contains("2025-02-02", "2025-08-02", "2026-08-02", "2027-08-02", "2027-12-02", "2028-08-02");
        assertThat(api.getString(
                        "find { it.node.id == 'eu-ai-act-2024-high-risk-annex-iii-applies-2026-08-02' }.state"))
                .isEqualTo("superseded");
        assertThat(api.getString(
                        "find { it.node.id == 'eu-ai-act-omnibus-high-risk-annex-i-applies-2028-08-02' }.state"))
                .isEqualTo("to-come");
        JsonPath before = json("/api/timeline?jurisdiction=eu&as-of=2026-07-01");
        assertThat(before.getString(
                        "find { it.node.id == 'eu-ai-act-2024-high-risk-annex-iii-applies-2026-08-02' }.state"))
                .isEqualTo("to-come");
        assertThat(before.getString(
                        "find { it.node.id == 'eu-ai-act-omnibus-high-risk-annex-iii-applies-2027-12-02' }.state"))
                .isEqualTo("not-yet-made");
        assertThat(page("/timeline"))
                .contains("data-date=\"2027-12-02\"")
                .contains("data-date=\"2028-08-02\"")
                .contains("<span class=\"state superseded\">(superseded in 2026-07-27)</span>");
    }

    @Test
    void theComparisonShowsTheCurrentDatesAndTheSupersededOnesAsSuperseded() {
        JsonPath today = json("/api/compare/regulations?ids=eu-ai-act");
        List<String> dates = today.getList("rows.find { it.key == 'key-dates' }.cells.'eu-ai-act'.text", String.class);
        assertThat(dates)
                .contains(
                        "2027-12-02: AI Act as amended in 2026: high-risk AI systems of Annex III apply from 2 December 2027",
                        "2028-08-02: AI Act as amended in 2026: high-risk AI systems embedded in products (Annex I) apply from 2 August 2028",
                        "2026-08-02 (superseded): AI Act (2024 text): high-risk AI systems of Annex III to apply from 2 August 2026")
                .noneMatch(t -> t.startsWith("2026-08-02: AI Act (2024 text)")
                        || t.startsWith("2027-08-02: AI Act (2024 text)"));
        List<String> before = json("/api/compare/regulations?ids=eu-ai-act&as-of=2026-07-01")
                .getList("rows.find { it.key == 'key-dates' }.cells.'eu-ai-act'.text", String.class);
        assertThat(before)
                .contains(
                        "2026-08-02: AI Act (2024 text): high-risk AI systems of Annex III to apply from 2 August 2026")
                .noneMatch(t -> t.startsWith("2027-12-02"));
        assertThat(page("/compare/regulations?ids=eu-ai-act,ca-sb-53"))
                .contains("2026-08-02 (superseded): AI Act (2024 text): high-risk AI systems of Annex III")
                .contains("Key dates as they stood on");
    }

    @Test
    void aLawWithoutDatedStatementsAnswersFromItsAppliesFrom() {
        assertThat(json("/api/obligations/ca-sb-53-frontier-ai-framework?as-of=2025-12-31")
                        .getString("pointInTime.status"))
                .isEqualTo("not yet applicable, applies from 2026-01-01");
        assertThat(json("/api/obligations/ca-sb-53-frontier-ai-framework?as-of=2026-01-01")
                        .getString("pointInTime.status"))
                .isEqualTo("applicable since 2026-01-01");
        assertThat(
                        json("/api/regulations/ca-sb-53?as-of=2025-12-31")
                                .getString(
                                        "pointInTime.obligations.find { it.ref.id == 'ca-sb-53-frontier-ai-framework' }.status"))
                .isEqualTo("not yet applicable, applies from 2026-01-01");
    }

    @Test
    void badDatesAreRefusedWithTheReason() {
        given().when()
                .get("/regulations/eu-ai-act?as-of=2026-13-01")
                .then()
                .statusCode(400)
                .body(containsString("is not a day of the calendar"));
        given().when()
                .get("/api/obligations/eu-ai-act-penalties?as-of=yesterday")
                .then()
                .statusCode(400)
                .body(
                        "detail",
                        containsString("must be a date written YYYY-MM-DD, such as 2026-09-01, not 'yesterday'"));
        given().when()
                .get("/api/regulations/eu-ai-act?as-of=2026-01-01&since=2026-06-01")
                .then()
                .statusCode(400)
                .body("detail", containsString("must not be after the as-of date"));
        given().when().get("/timeline?as-of=2026/09/01").then().statusCode(400);
        given().when().get("/compare/models?as-of=soon").then().statusCode(400);
        given().when()
                .get("/api/compare/regulations?as-of=2026-02-30")
                .then()
                .statusCode(400)
                .body("detail", containsString("is not a day of the calendar"));
    }

    @Test
    void searchFindsTheDigitalOmnibusUnderRegulations() {
        List<Map<String, Object>> hits = json("/api/search?q=Digital Omnibus").getList("$");
        assertThat(hits).isNotEmpty();
        assertThat(hits.get(0)).containsEntry("id", "eu-ai-act-omnibus").containsEntry("kind", "Regulation");
    }
}
