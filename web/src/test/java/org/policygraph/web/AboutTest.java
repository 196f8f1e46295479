package org.policygraph.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.policygraph.data.DefaultData;
import org.policygraph.web.about.ShippedDataset;

/** The about page on the default data: every source with its licence, its credit and the facts that cite it. */
@QuarkusTest
class AboutTest {

    @Inject
    Driver driver;

    private long count(String cypher, Map<String, Object> parameters) {
        try (var session = driver.session()) {
            return session.executeRead(
                    tx -> tx.run(cypher, parameters).single().get(0).asLong());
        }
    }

    @Test
    void listsEverySourceWithItsLicenceAndHowManyFactsCiteIt() {
        String html =
                given().when().get("/about").then().statusCode(200).extract().asString();
        List<String> sources;
        try (var session = driver.session()) {
            sources = session.executeRead(tx -> tx.run("MATCH (s:Source) RETURN s.id AS id")
                    .list(r -> r.get("id").asString()));
        }
        assertThat(sources).hasSizeGreaterThan(20);
        for (String id : sources) {
            long facts =
                    count("MATCH (n:Entity) WHERE $id IN n.sources AND n.id <> $id RETURN count(n)", Map.of("id", id))
                            + count("MATCH ()-[r]->() WHERE $id IN r.sources RETURN count(r)", Map.of("id", id));
            assertThat(html)
                    .as(id)
                    .contains("<tr data-source=\"" + id + "\">")
                    .containsPattern(
                            "(?s)<tr data-source=\"" + id + "\">.*?<td class=\"facts\" data-facts=\"" + facts + "\">");
        }
        assertThat(html)
                .containsPattern("(?s)<tr data-source=\"epoch-ai-models\">.*?<td class=\"licence\">CC BY 4.0</td>")
                .containsPattern(
                        "(?s)<tr data-source=\"essay-ai-alignment-and-regulation\">.*?<td class=\"licence\">not recorded</td>");
    }

    @Test
    void showsEachShippedDatasetWithTheCreditItAsksForAndItsLicenceFile() {
        String html =
                given().when().get("/about").then().statusCode(200).extract().asString();
        assertThat(html)
                .contains("<section class=\"dataset\" id=\"dataset-epoch\" data-folder=\"epoch\">")
                .contains("<dd class=\"attribution\">Epoch AI, “Data on AI Models: Notable AI Models (Epoch AI)”, "
                        + "https://epoch.ai/data/ai-models (CC BY 4.0).</dd>")
                .contains("<code>epoch/LICENSE.md</code>, as shipped")
                .contains("Credit: Epoch AI, &quot;Data on AI Models&quot;, epoch.ai/data/ai-models")
                .contains("<code>eu-ai-act-formex/LICENSE.md</code>, as shipped")
                .contains("Commission Decision 2011/833/EU")
                .contains("<code>fmti/README.md</code>, as shipped")
                .contains("<code>ca-sb-53/LICENSE.md</code>, as shipped")
                .contains("<code>osai-index/LICENSE.md</code>, as shipped");
    }

    @Test
    void everyDataFolderShippedWithALicenceIsListed() {
        TreeSet<String> withLicence = new TreeSet<>();
        for (String file : DefaultData.files()) {
            String folder = file.substring(0, file.indexOf('/'));
            if (DefaultData.class.getClassLoader().getResource(DefaultData.ROOT + folder + "/LICENSE.md") != null) {
                withLicence.add(folder);
            }
        }
        assertThat(ShippedDataset.ALL)
                .extracting(ShippedDataset::folder)
                .containsExactlyInAnyOrderElementsOf(withLicence);
        for (ShippedDataset dataset : ShippedDataset.ALL) {
            assertThat(count("MATCH (s:Source {id: $id}) RETURN count(s)", Map.of("id", dataset.source())))
                    .as("the Source of %s", dataset.folder())
                    .isOne();
        }
    }

    @Test
    void everyPageLinksToTheAboutPageFromItsFooter() {
        for (String page : List.of("/", "/regulations/eu-ai-act", "/quality")) {
            assertThat(given().when().get(page).then().statusCode(200).extract().asString())
                    .containsPattern("(?s)<footer class=\"site-footer\">.*<a href=\"/about\">About the data</a>");
        }
    }
}
