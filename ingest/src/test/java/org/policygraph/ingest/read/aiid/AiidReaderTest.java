package org.policygraph.ingest.read.aiid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.policygraph.ingest.Ingest;
import org.policygraph.ingest.read.DataFiles;
import org.policygraph.ingest.read.GraphBatch;
import org.policygraph.model.Kind;
import org.policygraph.model.NodeRecord;
import org.policygraph.model.RelType;
import org.policygraph.model.RelationshipRecord;
import org.policygraph.model.SourceRef;

/** The AIID reader on the snapshot shipped in the default data (read with the whole default data, no database). */
class AiidReaderTest {

    static GraphBatch batch;
    static Map<String, NodeRecord> nodes;

    @BeforeAll
    static void read() {
        batch = Ingest.defaults().read(DataFiles.defaults());
        assertThat(batch.errors()).isEmpty();
        nodes = new HashMap<>();
        batch.nodes().forEach(n -> nodes.put(n.id(), n));
    }

    static List<String> ends(String incident, RelType type) {
        return batch.relationships().stream()
                .filter(r -> r.type() == type && r.from().equals(incident))
                .map(RelationshipRecord::to)
                .toList();
    }

    static RelationshipRecord rel(String from, RelType type, String to) {
        return batch.relationships().stream()
                .filter(r -> r.type() == type && r.from().equals(from) && r.to().equals(to))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void everyIncidentOfTheSnapshotIsOneNodeAndDuplicatesAreNone() {
        List<NodeRecord> incidents =
                batch.nodes().stream().filter(n -> n.kind() == Kind.INCIDENT).toList();
        // 1,367 rows, two of them (637 and 88) duplicates of other rows' incidents
        assertThat(incidents).hasSize(1365);
        assertThat(incidents).allSatisfy(i -> assertThat(i.id()).startsWith("aiid-incident-"));
        assertThat(nodes).doesNotContainKeys("aiid-incident-637", "aiid-incident-88", "aiid-incident-237");
        assertThat(nodes.get("aiid-incident-112").aliases()).contains("aiid-incident-637", "AIID incident 637");
        assertThat(nodes.get("aiid-incident-120").aliases()).contains("aiid-incident-237");
        // 342 is a duplicate of 88, which is a duplicate of 1057: both end at 1057
        assertThat(nodes.get("aiid-incident-1057").aliases()).contains("aiid-incident-88", "aiid-incident-342");
    }

    @Test
    void readsAnIncidentsPropertiesAndItsSource() {
        NodeRecord uber = nodes.get("aiid-incident-4");
        assertThat(uber.name()).isEqualTo("Uber AV Killed Pedestrian in Arizona");
        assertThat(uber.properties())
                .contains(
                        entry("date", "2018-03-18"),
                        entry("aiid_id", 4L),
                        entry("url", "https://incidentdatabase.ai/cite/4"),
                        entry("report_count", 25L),
                        entry(
                                "description",
                                "An Uber autonomous vehicle (AV) in autonomous mode struck and killed a "
                                        + "pedestrian in Tempe, Arizona."));
        assertThat(uber.sources()).containsExactly(new SourceRef("ai-incident-database", "incidents.csv, row 3", null));
        assertThat(uber.origin().toString()).isEqualTo("aiid/incidents.csv:4");
    }

    @Test
    void linksAKnownIncidentsDeveloperDeployerAndHarmedParties() {
        // incident 12: deployers microsoft-research and boston-university; developers microsoft-research, google
        // and boston-university; Microsoft Research is Microsoft in the resolution table
        assertThat(ends("aiid-incident-12", RelType.ALLEGED_DEPLOYER))
                .containsExactlyInAnyOrder("microsoft", "boston-university");
        assertThat(ends("aiid-incident-12", RelType.ALLEGED_DEVELOPER))
                .containsExactlyInAnyOrder("microsoft", "google", "boston-university");
        assertThat(ends("aiid-incident-4", RelType.ALLEGED_DEVELOPER)).containsExactly("uber");
        assertThat(ends("aiid-incident-4", RelType.ALLEGED_DEPLOYER)).containsExactly("uber");
        assertThat(ends("aiid-incident-4", RelType.HARMED)).containsExactlyInAnyOrder("elaine-herzberg", "pedestrians");
        assertThat(nodes.get("elaine-herzberg").kind()).isEqualTo(Kind.PERSON);
        assertThat(nodes.get("pedestrians").kind()).isEqualTo(Kind.GROUP);
        assertThat(rel("aiid-incident-4", RelType.ALLEGED_DEVELOPER, "uber").sources())
                .containsExactly(new SourceRef(
                        "ai-incident-database", "incidents.csv, row 3, column Alleged developer of AI system", null));
        assertThat(nodes.get("uber").kind()).isEqualTo(Kind.ORGANISATION);
        assertThat(nodes.get("uber").sources())
                .extracting(SourceRef::source)
                .contains("epoch-ai-models", "ai-incident-database");
    }

    @Test
    void openAiIsLinkedToMoreThanAHundredIncidents() {
        Set<String> incidents = batch.relationships().stream()
                .filter(r -> (r.type() == RelType.ALLEGED_DEVELOPER || r.type() == RelType.ALLEGED_DEPLOYER)
                        && r.to().equals("openai"))
                .map(RelationshipRecord::from)
                .collect(Collectors.toSet());
        assertThat(incidents).hasSizeGreaterThan(100);
    }

    @Test
    void facebookAndMetaAreOneOrganisation() {
        assertThat(nodes).doesNotContainKeys("facebook", "meta-platforms");
        // incident 72's developer cell is ["facebook"], incident 278's is ["meta"]
        assertThat(ends("aiid-incident-72", RelType.ALLEGED_DEVELOPER)).containsExactly("meta");
        assertThat(ends("aiid-incident-278", RelType.ALLEGED_DEVELOPER)).containsExactly("meta");
        Map<String, Long> meta = batch.relationships().stream()
                .filter(r -> r.type() == RelType.ALLEGED_DEVELOPER && r.to().equals("meta"))
                .collect(Collectors.groupingBy(r -> r.from(), Collectors.counting()));
        // AIID: facebook is the developer in 53 incidents, meta in 46 (SOURCE.txt), some name both: 91 here
        assertThat(meta.size()).isEqualTo(91);
        assertThat(nodes.get("meta").kind()).isEqualTo(Kind.ORGANISATION);
        assertThat(nodes.get("meta").name()).isEqualTo("Meta");
    }

    @Test
    void classesOfActorsAreGroupsNotOrganisations() {
        NodeRecord deepfakes = nodes.get("unknown-deepfake-technology-developers");
        assertThat(deepfakes.kind()).isEqualTo(Kind.GROUP);
        assertThat(deepfakes.properties()).containsEntry("group_type", "class of developers");
        assertThat(deepfakes.name()).isEqualTo("Unknown Deepfake Technology Developers");
        assertThat(nodes.get("students").kind()).isEqualTo(Kind.GROUP);
        assertThat(nodes.get("students").properties()).containsEntry("group_type", "people");
        assertThat(nodes.get("black-people").kind()).isEqualTo(Kind.GROUP);
        assertThat(nodes.get("tesla-drivers").properties()).containsEntry("group_type", "people");
        assertThat(nodes.get("epistemic-integrity").properties()).containsEntry("group_type", "societal interest");
        // a country among the harmed parties is its jurisdiction
        assertThat(nodes.get("us").kind()).isEqualTo(Kind.JURISDICTION);
        assertThat(batch.relationships()).anyMatch(r -> r.type() == RelType.HARMED && r.to().equals("us"));
    }

    @Test
    void aSlugNamingAModelIsAnInvolvedModel() {
        // incident 845: deployer gemini, developer google
        assertThat(ends("aiid-incident-845", RelType.INVOLVES)).containsExactly("gemini");
        assertThat(ends("aiid-incident-845", RelType.ALLEGED_DEVELOPER)).containsExactly("google");
        assertThat(nodes.get("gemini").kind()).isEqualTo(Kind.MODEL);
    }

    @Test
    void riskDomainsAreConceptsTheIncidentsAddress() {
        assertThat(ends("aiid-incident-1", RelType.ADDRESSES))
                .containsExactlyInAnyOrder(
                        "mit-risk-1-discrimination-and-toxicity", "mit-risk-1-2-exposure-to-toxic-content");
        NodeRecord domain = nodes.get("mit-risk-7-ai-system-safety-failures-and-limitations");
        assertThat(domain.kind()).isEqualTo(Kind.CONCEPT);
        assertThat(domain.name()).isEqualTo("7. AI system safety, failures, and limitations");
        RelationshipRecord sub = rel("aiid-incident-1", RelType.ADDRESSES, "mit-risk-1-2-exposure-to-toxic-content");
        assertThat(sub.properties())
                .containsEntry("note", "Entity: AI; Timing: Post-deployment; Intent: Unintentional");
        assertThat(sub.sources())
                .containsExactly(new SourceRef(
                        "ai-incident-database", "classifications_MIT.csv, row 1, column Risk Subdomain", null));
        long classified = batch.relationships().stream()
                .filter(r -> r.type() == RelType.ADDRESSES
                        && r.from().startsWith("aiid-incident-")
                        && r.to().matches("mit-risk-\\d-[a-z].*"))
                .count();
        assertThat(classified).isGreaterThan(1200);
        assertThat(batch.nodes().stream()
                        .filter(n -> n.id().startsWith("mit-risk-") && n.id().matches("mit-risk-\\d-[a-z].*")))
                .hasSize(7);
    }

    @Test
    void theShippedEntityTableHasNoProblems() {
        assertThat(AiidEntities.builtIn().problems()).isEmpty();
        assertThat(AiidReader.humanise("keolis-north-america")).isEqualTo("Keolis North America");
    }
}
