package org.policygraph.web.incidents;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.policygraph.model.Kind;
import org.policygraph.web.incidents.ReportingClocks.Clock;
import org.policygraph.web.incidents.ReportingClocks.Status;
import org.policygraph.web.ref.EntityRef;

/**
 * Incidents of the AI Incident Database on the real default data: their pages, the timeline, organisation pages
 * with incidents by risk domain, reporting clocks, and the ShareAlike licence on the about page and in exports.
 */
@QuarkusTest
class IncidentsTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ReportingClocks clocks;

    private String page(String path) {
        return given().when().get(path).then().statusCode(200).extract().asString();
    }

    private static Clock clock(List<Clock> clocks, String org, String role, String obligation) {
        return clocks.stream()
                .filter(c -> c.org().id().equals(org)
                        && c.role().equals(role)
                        && c.obligation().id().equals(obligation))
                .findFirst()
                .orElseThrow(
                        () -> new AssertionError("no clock " + org + "/" + role + "/" + obligation + " in " + clocks));
    }

    @Test
    void anIncidentPageShowsItsDeveloperDeployerHarmedPartiesAndRiskDomain() {
        String html = page("/incidents/aiid-incident-4");
        assertThat(html)
                .contains("Uber AV Killed Pedestrian in Arizona")
                .contains("https://incidentdatabase.ai/cite/4")
                .contains("href=\"/organisations/uber\"")
                .contains("href=\"/people/elaine-herzberg\"")
                .contains("href=\"/groups/pedestrians\"")
                .contains("href=\"/concepts/mit-risk-7-ai-system-safety-failures-and-limitations\"")
                .contains("alleged-developer-outgoing")
                .contains("alleged-deployer-outgoing")
                .contains("harmed-outgoing");
        assertThat(page("/incidents")).contains("href=\"/incidents/aiid-incident-");
        assertThat(page("/groups/unknown-deepfake-technology-developers")).contains("class of developers");
    }

    @Test
    void aRecentOpenAiIncidentStartsSb53sFifteenDayClockThroughGpt45() {
        // AIID incident 1375 (2026-02-10): developer and deployer openai; SB 53 applies from 2026-01-01
        List<Clock> all = clocks.forIncident("aiid-incident-1375").clocks();
        Clock sb53 = clock(all, "openai", "developer", "ca-sb-53-critical-safety-incident-reporting");
        assertThat(sb53.status()).isEqualTo(Status.COULD_APPLY);
        assertThat(sb53.deadline()).isEqualTo("within 15 days of discovering the incident");
        assertThat(sb53.recipient()).isEqualTo("California Office of Emergency Services");
        assertThat(sb53.from()).isEqualTo("2026-01-01");
        assertThat(sb53.regulation().id()).isEqualTo("ca-sb-53");
        // the path: OpenAI develops a model above SB 53's 10^26 FLOP threshold (Epoch: GPT-4.5, 3.8e26)
        assertThat(sb53.path())
                .startsWith("OpenAI develops ")
                .contains("which falls under")
                .contains("applies to");
        Clock art55 = clock(all, "openai", "developer", "eu-ai-act-gpai-systemic-risk-incident-reporting");
        assertThat(art55.status()).isEqualTo(Status.COULD_APPLY);
        assertThat(art55.recipient()).isEqualTo("AI Office and, as appropriate, national competent authorities");
        // Article 73 (serious incidents of high-risk systems) applies from a date after the incident: as amended by
        // Regulation (EU) 2026/1744, Annex III high-risk obligations apply from 2 December 2027
        Clock art73 = clock(all, "openai", "developer", "eu-ai-act-serious-incident-reporting");
        assertThat(art73.status()).isEqualTo(Status.NOT_IN_FORCE);
        assertThat(art73.reason()).contains("(2026-02-10) predates the obligation");
        assertThat(art73.path()).contains("under EU AI Act: high-risk AI systems");
        // every incident-reporting obligation gets a clock for the developer: picked up by category
        assertThat(all.stream()
                        .filter(c -> c.role().equals("developer"))
                        .map(c -> c.obligation().id()))
                .contains(
                        "ca-sb-53-critical-safety-incident-reporting",
                        "ca-sb-53-imminent-risk-incident-disclosure",
                        "eu-ai-act-gpai-systemic-risk-incident-reporting",
                        "eu-ai-act-serious-incident-reporting");

        String html = page("/incidents/aiid-incident-1375");
        assertThat(html)
                .contains("id=\"reporting-clocks\"")
                .containsPattern("(?s)<tr class=\"clock\" data-status=\"could-apply\" "
                        + "data-obligation=\"ca-sb-53-critical-safety-incident-reporting\" data-org=\"openai\" "
                        + "data-role=\"developer\">.*?within 15 days of discovering the incident.*?California Office of "
                        + "Emergency Services");
    }

    @Test
    void anOlderIncidentPredatesTheLaws() {
        // AIID incident 118 (2020-08-06): OpenAI's GPT-3
        List<Clock> all = clocks.forIncident("aiid-incident-118").clocks();
        Clock sb53 = clock(all, "openai", "developer", "ca-sb-53-critical-safety-incident-reporting");
        assertThat(sb53.status()).isEqualTo(Status.NOT_IN_FORCE);
        assertThat(sb53.statusWords()).isEqualTo("not in force then");
        assertThat(sb53.reason()).contains("2020-08-06").contains("2026-01-01");
        assertThat(clock(all, "openai", "developer", "eu-ai-act-gpai-systemic-risk-incident-reporting")
                        .status())
                .isEqualTo(Status.NOT_IN_FORCE);
        assertThat(clock(all, "openai", "developer", "eu-ai-act-serious-incident-reporting")
                        .status())
                .isEqualTo(Status.NOT_IN_FORCE);
        assertThat(page("/incidents/aiid-incident-118"))
                .contains("data-status=\"not-in-force\"")
                .contains("not in force then");
    }

    @Test
    void anOrganisationPageCountsItsIncidentsByRiskDomainAndComparesTheirClocks() {
        String html = page("/organisations/openai");
        assertThat(html)
                .contains("id=\"incidents-by-risk-domain\"")
                .containsPattern(
                        "(?s)<tr data-domain=\"mit-risk-4-malicious-actors-misuse\">.*?<td class=\"developer\">\\d+</td>")
                .contains("Reporting clocks across its incidents");
        ReportingClocks.Comparison c = clocks.forOrganisation(new EntityRef("openai", Kind.ORGANISATION, "OpenAI"));
        assertThat(c.rows()).hasSizeGreaterThan(100);
        String sb53 = "ca-sb-53-critical-safety-incident-reporting";
        assertThat(c.total(sb53, "could-apply")).isPositive();
        assertThat(c.total(sb53, "not-in-force")).isGreaterThan(c.total(sb53, "could-apply"));
        assertThat(c.rows().stream()
                        .filter(r -> r.incident().incident().id().equals("aiid-incident-1375"))
                        .findFirst()
                        .orElseThrow()
                        .cell(sb53)
                        .status())
                .isEqualTo(Status.COULD_APPLY);
    }

    @Test
    void incidentsAreOnTheTimelineAndFilterByKind() throws Exception {
        JsonNode events = JSON.readTree(given().queryParam("kind", "incidents")
                .when()
                .get("/api/timeline")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(events.size()).isEqualTo(1365);
        assertThat(events).anySatisfy(e -> {
            assertThat(e.path("date").asText()).isEqualTo("2018-03-18");
            assertThat(e.path("node").path("id").asText()).isEqualTo("aiid-incident-4");
            assertThat(e.path("event").asText()).isEqualTo("occurred");
        });
        assertThat(page("/timeline?kind=incidents")).contains("href=\"/incidents/aiid-incident-4\"");
    }

    @Test
    void theAboutPageAndExportsWithIncidentsSayShareAlike() throws Exception {
        String about = page("/about");
        assertThat(about)
                .contains("data-folder=\"aiid\"")
                .contains("<code>aiid/LICENSE.md</code>, as shipped")
                .containsPattern(
                        "(?s)id=\"dataset-aiid\".*?<dd class=\"licence\">CC BY-SA 4.0</dd>.*?class=\"share-alike\"");
        JsonNode export = JSON.readTree(given().when()
                .get("/api/export?format=json&root=aiid-incident-4")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(export.path("licences").path("statement").asText())
                .contains("ShareAlike: this export contains facts from")
                .contains("CC BY-SA 4.0");
        JsonNode other = JSON.readTree(given().when()
                .get("/api/export?format=json&root=ca-sb-53-bpc-22757-11")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(other.path("licences").path("statement").asText()).doesNotContain("ShareAlike: this export");
        String cypher = given().when()
                .get("/api/export?format=cypher&root=aiid-incident-4")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(cypher).contains("ShareAlike: this export contains facts from");
    }
}
