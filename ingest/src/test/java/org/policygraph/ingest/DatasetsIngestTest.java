package org.policygraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policygraph.ingest.read.DataFile;
import org.policygraph.ingest.read.DataFiles;
import org.policygraph.ingest.read.GraphBatch;
import org.policygraph.model.Kind;
import org.policygraph.model.NodeRecord;
import org.policygraph.model.RelType;
import org.policygraph.model.RelationshipRecord;
import org.policygraph.model.SourceRef;

/**
 * The dataset readers on the real files shipped in neo4j-data (not excerpts), with the fixture's Source records:
 * every record validates in a dry run of the whole pipeline, and specific facts come out as the files say.
 */
class DatasetsIngestTest {

    /** The default data folder, as shipped. */
    static final Path DATA = Path.of("../neo4j-data/src/main/resources/policygraph/data");
    /** Stands in for the curated Source records of the three datasets. */
    static final Path FIXTURE = Path.of("src/test/resources/fixtures/datasets");

    static final Set<String> DATASET_FOLDERS = Set.of("epoch", "fmti", "osai-index", "resolution");

    static GraphBatch batch;
    static Map<String, NodeRecord> nodes;

    @BeforeAll
    static void read() {
        batch = Ingest.defaults().read(files());
        assertThat(batch.errors()).isEmpty();
        nodes = new HashMap<>();
        batch.nodes().forEach(n -> nodes.put(n.id(), n));
    }

    static List<DataFile> files() {
        List<DataFile> files = new ArrayList<>(DataFiles.folder(FIXTURE));
        DataFiles.folder(DATA).stream()
                .filter(f -> DATASET_FOLDERS.contains(f.folder()))
                .forEach(files::add);
        return files;
    }

    @Test
    void everyRecordOfTheDatasetsValidatesInADryRun() {
        Ingest.Result result = Ingest.defaults().run(files(), null, true);
        assertThat(result.nodesRead()).isEqualTo(batch.nodes().size()).isGreaterThan(952 + 13);
        assertThat(result.relationshipsRead()).isEqualTo(batch.relationships().size());
        assertThat(result.written().describe()).contains("0 created");
    }

    @Test
    void loadsEveryEpochModel() {
        assertThat(batch.nodes().stream().filter(n -> n.kind() == Kind.MODEL && cites(n.sources(), "epoch-ai-models")))
                .hasSize(952);
    }

    @Test
    void readsGpt4sComputeAndDeveloper() {
        NodeRecord gpt4 = nodes.get("gpt-4");
        assertThat(gpt4.name()).isEqualTo("GPT-4");
        assertThat(gpt4.properties())
                .contains(
                        entry("training_compute_flop", 2.1e25),
                        entry("parameters", 1.8e12),
                        entry("released", "2023-03-15"),
                        entry("compute_confidence", "Likely"),
                        entry("accessibility", "API access"),
                        entry("domain", "Multimodal, Language, Vision"),
                        entry("url", "https://arxiv.org/abs/2303.08774"));
        assertThat(gpt4.sources()).containsExactly(new SourceRef("epoch-ai-models", "model \"GPT-4\"", null));
        assertThat(gpt4.origin().toString()).isEqualTo("epoch/notable_ai_models.csv:2609");
        assertThat(developersOf("gpt-4")).containsExactly("openai");
        RelationshipRecord develops = relationship("openai", RelType.DEVELOPS, "gpt-4");
        assertThat(develops.sources())
                .containsExactly(new SourceRef("epoch-ai-models", "model \"GPT-4\", column Organization", null));
    }

    @Test
    void readsNumbersInENotationAndLeavesEmptyCellsOut() {
        assertThat(nodes.get("alphago-zero").properties()).containsEntry("training_compute_flop", 6.49439910290227e20);
        assertThat(nodes.get("kimi-k2-thinking").properties())
                .containsEntry("parameters", 1.0e12)
                .doesNotContainKey("training_compute_flop");
    }

    @Test
    void givesEveryDeveloperOfAMultiOrganisationCellItsOwnRelationship() {
        assertThat(developersOf("gemini-2-5-deep-think")).containsExactlyInAnyOrder("google", "google-deepmind");
        // "Google,Google Brain": both spellings are Google, so one relationship
        assertThat(developersOf("efficientnetv2-xl")).containsExactly("google");
    }

    @Test
    void resolvesEachOrganisationToOneNode() {
        List<NodeRecord> organisations = batch.nodes().stream()
                .filter(n -> n.kind() == Kind.ORGANISATION)
                .toList();
        Map<String, String> byFoldedName = new HashMap<>();
        for (NodeRecord o : organisations) {
            for (String name :
                    Stream.concat(Stream.of(o.name()), o.aliases().stream()).toList()) {
                String before = byFoldedName.putIfAbsent(fold(name), o.id());
                assertThat(before)
                        .as("'%s' names both %s and %s", name, before, o.id())
                        .isIn(null, o.id());
            }
        }
        assertThat(organisations.stream().map(NodeRecord::id))
                .doesNotHaveDuplicates()
                .contains("openai", "google", "google-deepmind", "meta", "mistral-ai", "deepseek", "anthropic")
                .doesNotContain(
                        "open-ai",
                        "deepmind",
                        "google-brain",
                        "google-research",
                        "meta-ai",
                        "facebook-ai-research",
                        "mistral",
                        "facebook");
        assertThat(nodes.get("google-deepmind").aliases()).contains("DeepMind");
        assertThat(nodes.get("google").aliases()).contains("Google Brain", "Google Research");
        assertThat(developersOf("alphago-zero")).containsExactly("google-deepmind");
        assertThat(developersOf("gemini-1-0-ultra")).containsExactly("google-deepmind");
        assertThat(developersOf("llama-2-70b")).containsExactly("meta");
        assertThat(developersOf("palm-540b")).containsExactly("google");
        assertThat(nodes.get("openai").sources())
                .extracting(SourceRef::source)
                .contains("epoch-ai-models", "fmti-dec-2025", "osai-index");
    }

    @Test
    void givesTwoModelsWhoseNamesSlugAlikeDistinctIds() {
        assertThat(nodes.get("deeplabv3").name()).isEqualTo("DeepLabV3");
        assertThat(nodes.get("deeplabv3-plus").name()).isEqualTo("DeepLabV3+");
        assertThat(nodes.get("pointnet").name()).isEqualTo("PointNet");
        assertThat(nodes.get("pointnet-plus-plus").name()).isEqualTo("PointNet++");
    }

    @Test
    void headquartersAnOrganisationOnlyWhereEveryRowAgrees() {
        assertThat(headquarters("openai")).containsExactly("us");
        assertThat(headquarters("deepseek")).containsExactly("cn");
        assertThat(headquarters("mistral-ai")).containsExactly("fr");
        // DeepMind rows say UK; Google DeepMind rows give two countries for one organisation and are not paired
        assertThat(headquarters("google-deepmind")).containsExactly("uk");
        NodeRecord uk = nodes.get("uk");
        assertThat(uk.kind()).isEqualTo(Kind.JURISDICTION);
        assertThat(uk.properties()).containsEntry("iso_code", "GB").containsEntry("jurisdiction_type", "country");
        assertThat(uk.aliases()).contains("United Kingdom of Great Britain and Northern Ireland");
    }

    @Test
    void attachesFmtiScoresToOrganisations() {
        assertThat(nodes.get("openai").properties())
                .contains(
                        entry("fmti_score", 35.0),
                        entry("fmti_upstream", 1.0),
                        entry("fmti_model", 13.0),
                        entry("fmti_downstream", 21.0));
        assertThat(nodes.get("ibm").properties()).containsEntry("fmti_score", 95.0);
        // FMTI's "Google" is Google, not Google DeepMind; "Mistral" is Mistral AI
        assertThat(nodes.get("google").properties()).containsEntry("fmti_score", 41.0);
        assertThat(nodes.get("google-deepmind").properties()).doesNotContainKey("fmti_score");
        assertThat(nodes.get("mistral-ai").properties()).containsEntry("fmti_score", 18.0);
        @SuppressWarnings("unchecked")
        List<String> met = (List<String>) nodes.get("openai").properties().get("fmti_indicators_met");
        assertThat(met)
                .hasSize(35)
                .contains("Crawling", "Terms of use")
                .doesNotContain("Compute provider", "Open weights");
        assertThat(nodes.get("openai").sources())
                .contains(
                        new SourceRef(
                                "fmti-dec-2025",
                                "Dec2025_scores.csv, column OpenAI: 0 or 1 for each of its 100 "
                                        + "indicators, one a row",
                                null),
                        new SourceRef(
                                "fmti-dec-2025",
                                "reports/OpenAI_fmtransparencyreport_Dec2025.csv: the disclosure, "
                                        + "justification and score for each indicator, one a row",
                                null));
    }

    @Test
    void addsOpennessRatingsToModels() {
        NodeRecord r1 = nodes.get("deepseek-r1");
        assertThat(r1.sources()).extracting(SourceRef::source).containsExactly("epoch-ai-models", "osai-index");
        assertThat(r1.properties())
                .containsEntry("training_compute_flop", 4.020010000000001e24)
                .containsKeys("openness_open", "openness_partial", "openness_closed", "openness_ratings");
        NodeRecord olmo = nodes.get("amd-olmo");
        assertThat(olmo.properties())
                .contains(entry("openness_open", 10L), entry("openness_partial", 0L), entry("openness_closed", 2L));
        assertThat(olmo.properties().get("openness_ratings"))
                .asList()
                .hasSize(12)
                .contains("weights_basemodel=open", "paper=closed");
        assertThat(developersOf("amd-olmo")).containsExactly("amd");
        assertThat(developersOf("mistral-nemo")).containsExactlyInAnyOrder("mistral-ai", "nvidia");
        assertThat(developersOf("airoboros")).isEmpty();
        assertThat(batch.nodes().stream().filter(n -> cites(n.sources(), "osai-index") && n.kind() == Kind.MODEL))
                .hasSize(193);
    }

    @Test
    void refusesACopyWithoutTheModelColumn(@TempDir Path temp) throws IOException {
        Path folder = copyWithEpoch(temp, csv -> "Name" + csv.substring("Model".length()));
        assertRefused(
                folder,
                "epoch/notable_ai_models.csv:1 record header field 'Model': is missing: the header "
                        + "has no column 'Model' (nor 'System', as older releases call it), and the reader needs it");
    }

    @Test
    void refusesACopyCutShortInsideAQuotedValue(@TempDir Path temp) throws IOException {
        Path folder = copyWithEpoch(temp, csv -> csv.substring(0, csv.indexOf("Activated Parameters")));
        assertRefused(
                folder,
                "epoch/notable_ai_models.csv:3 record row 2 field 'Parameters notes' (column 7): has a quoted "
                        + "value that is never closed: the file ends inside it; the file may be cut short, or a closing "
                        + "quote is missing");
    }

    @Test
    void refusesACopyWithANonNumericCompute(@TempDir Path temp) throws IOException {
        Path folder = copyWithEpoch(temp, csv -> {
            int gpt4 = csv.indexOf("\nGPT-4,OpenAI,2023-03-15,");
            int compute = csv.indexOf("2.1e+25", gpt4);
            return csv.substring(0, compute) + "2.1e+25 FLOP" + csv.substring(compute + "2.1e+25".length());
        });
        assertRefused(
                folder,
                "epoch/notable_ai_models.csv:2609 record row 265 field 'Training compute (FLOP)' (column 8): "
                        + "must be a number, written plain (1500000) or in e-notation (1.326e+24), but is \"2.1e+25 FLOP\"");
    }

    /** A data folder with the fixture's sources, the resolution tables and a changed copy of the Epoch file. */
    private static Path copyWithEpoch(Path temp, UnaryOperator<String> change) throws IOException {
        for (String file : List.of("resolution/organisations.yaml", "resolution/countries.yaml")) {
            Files.createDirectories(temp.resolve(file).getParent());
            Files.copy(DATA.resolve(file), temp.resolve(file));
        }
        Files.createDirectories(temp.resolve("sources"));
        Files.copy(FIXTURE.resolve("sources/sources.yaml"), temp.resolve("sources/sources.yaml"));
        Path epoch = temp.resolve("epoch/notable_ai_models.csv");
        Files.createDirectories(epoch.getParent());
        Files.writeString(epoch, change.apply(Files.readString(DATA.resolve("epoch/notable_ai_models.csv"))));
        return temp;
    }

    private static void assertRefused(Path folder, String error) {
        assertThatThrownBy(() -> Ingest.defaults().run(DataFiles.folder(folder), null, true))
                .isInstanceOf(ValidationFailedException.class)
                .hasMessageContaining("nothing was written")
                .satisfies(e -> assertThat(((ValidationFailedException) e).errors())
                        .extracting(Object::toString)
                        .containsExactly(error));
    }

    private static List<String> developersOf(String model) {
        return batch.relationships().stream()
                .filter(r -> r.type() == RelType.DEVELOPS && r.to().equals(model))
                .map(RelationshipRecord::from)
                .toList();
    }

    private static List<String> headquarters(String organisation) {
        return batch.relationships().stream()
                .filter(r -> r.type() == RelType.HEADQUARTERED_IN && r.from().equals(organisation))
                .map(RelationshipRecord::to)
                .toList();
    }

    private static RelationshipRecord relationship(String from, RelType type, String to) {
        Predicate<RelationshipRecord> match = r -> r.from().equals(from) && r.type() == type && r.to().equals(to);
        return batch.relationships().stream().filter(match).findFirst().orElseThrow();
    }

    private static boolean cites(List<SourceRef> refs, String source) {
        return refs.stream().anyMatch(r -> r.source().equals(source));
    }

    private static String fold(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "");
    }
}
