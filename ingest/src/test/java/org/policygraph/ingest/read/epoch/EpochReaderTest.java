package org.policygraph.ingest.read.epoch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.policygraph.ingest.read.DataFile;
import org.policygraph.ingest.read.GraphBatch;
import org.policygraph.ingest.read.resolution.Resolution;
import org.policygraph.model.Kind;
import org.policygraph.model.NodeRecord;
import org.policygraph.model.RelType;
import org.policygraph.model.RelationshipRecord;

/** The Epoch reader on small files written for each rule; the real file is read in DatasetsIngestTest. */
class EpochReaderTest {

    static final Resolution RESOLUTION = Resolution.builtIn();

    GraphBatch batch = new GraphBatch();

    @Test
    void readsAnOlderReleaseByItsHeaderNames() {
        read(new EpochReader(RESOLUTION), """
                System,Organization,Publication date,Training compute (FLOP),Country (from Organization),\
                Organization categorization (from Organization)
                AlphaGo Zero,DeepMind,2017-10-18,3.41e+23,United Kingdom of Great Britain and Northern Ireland,Industry
                """);
        assertThat(batch.errors()).isEmpty();
        assertThat(node("alphago-zero").properties())
                .contains(entry("training_compute_flop", 3.41e23), entry("released", "2017-10-18"));
        NodeRecord deepmind = node("google-deepmind");
        assertThat(deepmind.name()).isEqualTo("Google DeepMind");
        assertThat(deepmind.properties()).containsEntry("org_type", "company");
        assertThat(relationships(RelType.HEADQUARTERED_IN))
                .singleElement()
                .satisfies(r -> assertThat(r.to()).isEqualTo("uk"));
    }

    @Test
    void givesEachOrganisationOfACellAndPairsCountriesOnlyWhenTheListsMatch() {
        read(new EpochReader(RESOLUTION), """
                Model,Organization,Country (of organization)
                Gemini,"Google DeepMind,Google","United States of America,United Kingdom of Great Britain and \
                Northern Ireland,United States of America"
                T5,"Google Brain,Open AI","United States of America,United States of America"
                """);
        assertThat(batch.errors()).isEmpty();
        assertThat(relationships(RelType.DEVELOPS))
                .extracting(RelationshipRecord::from, RelationshipRecord::to)
                .containsExactly(
                        tuple("google-deepmind", "gemini"),
                        tuple("google", "gemini"),
                        tuple("google", "t5"),
                        tuple("openai", "t5"));
        // row 1 gives three countries for two organisations: not paired; row 2 pairs Google and OpenAI with the US
        assertThat(relationships(RelType.HEADQUARTERED_IN))
                .extracting(RelationshipRecord::from)
                .containsExactly("google", "openai");
        assertThat(relationships(RelType.HEADQUARTERED_IN)
                        .get(0)
                        .sources()
                        .get(0)
                        .locator())
                .isEqualTo("model \"T5\", columns Organization and Country (of organization)");
    }

    @Test
    void givesNoHeadquartersWhenRowsDisagree() {
        read(new EpochReader(RESOLUTION), """
                Model,Organization,Country (of organization)
                A,Microsoft Research,United States of America
                B,Microsoft Research Asia,China
                C,Anthropic,Multinational
                """);
        assertThat(batch.errors()).isEmpty();
        assertThat(relationships(RelType.HEADQUARTERED_IN)).isEmpty();
        assertThat(batch.nodes()).extracting(NodeRecord::kind).doesNotContain(Kind.JURISDICTION);
    }

    @Test
    void refusesANonNumericComputeNamingRowLineAndColumn() {
        read(new EpochReader(RESOLUTION), """
                Model,Organization,Training compute (FLOP),Parameters
                "Multi
                line",OpenAI,about 1e25,-5
                """);
        assertThat(batch.errors())
                .extracting(Object::toString)
                .containsExactlyInAnyOrder(
                        "epoch/notable_ai_models.csv:2 record row 1 field 'Training compute (FLOP)' (column 3): must be a number, written "
                                + "plain (1500000) or in e-notation (1.326e+24), but is \"about 1e25\"",
                        "epoch/notable_ai_models.csv:2 record row 1 field 'Parameters' (column 4): must not be negative, but is -5");
    }

    @Test
    void refusesAnUnknownCountryAndAnEmptyModelName() {
        read(new EpochReader(RESOLUTION), """
                Model,Organization,Country (of organization)
                ,OpenAI,United States of America
                X,Acme,Atlantis
                """);
        assertThat(batch.errors())
                .extracting(Object::toString)
                .containsExactly(
                        "epoch/notable_ai_models.csv:2 record row 1 field 'Model' (column 1): is empty; every model needs a name",
                        "epoch/notable_ai_models.csv:3 record row 2 field 'Country (of organization)' (column 3): 'Atlantis' is neither a "
                                + "country listed in resolution/countries.yaml nor a name of an ISO 3166-1 country; add it "
                                + "there (or to not_countries if it names no single country)");
    }

    @Test
    void logsAnUnknownColumnButAStrictReaderRefusesIt() {
        String csv = "Model,Organization,Carbon (t)\nGPT-4,OpenAI,12\n";
        read(new EpochReader(RESOLUTION), csv);
        assertThat(batch.errors()).isEmpty();
        assertThat(node("gpt-4").properties()).isEmpty();
        GraphBatch strict = new GraphBatch();
        new EpochReader(RESOLUTION, true).read(file(csv), strict);
        assertThat(strict.errors())
                .singleElement()
                .hasToString("epoch/notable_ai_models.csv:1 record header field "
                        + "'Carbon (t)' (column 3): is not a column the reader knows; add it to the reader's column table, or read the "
                        + "file without strict column checks");
    }

    static final String ALIKE = """
            Model,Organization,Publication date
            GPT 4,Acme,2023-01-01
            GPT-4,OpenAI,2023-03-15
            DeepLabV3+,Google,2018-02-07
            DeepLabV3,Google,2017-06-17
            Twin,Google,2020-01-01
            Twin,Google,2021-06-30
            Twin,OpenAI,2021-06-30
            """;

    @Test
    void givesIdsFromEachModelsIdentityNameThenOrganisationThenDate() {
        read(new EpochReader(RESOLUTION), ALIKE);
        assertThat(batch.errors()).isEmpty();
        assertThat(batch.nodes())
                .filteredOn(n -> n.kind() == Kind.MODEL)
                .extracting(
                        NodeRecord::id,
                        NodeRecord::name,
                        n -> n.sources().get(0).locator())
                .containsExactlyInAnyOrder(
                        tuple("gpt-4-acme", "GPT 4", "model \"GPT 4\" (Acme)"),
                        tuple("gpt-4-openai", "GPT-4", "model \"GPT-4\" (OpenAI)"),
                        tuple("deeplabv3-plus", "DeepLabV3+", "model \"DeepLabV3+\""),
                        tuple("deeplabv3", "DeepLabV3", "model \"DeepLabV3\""),
                        tuple("twin-google-2020-01-01", "Twin", "model \"Twin\" (Google, 2020-01-01)"),
                        tuple("twin-google-2021-06-30", "Twin", "model \"Twin\" (Google, 2021-06-30)"),
                        tuple("twin-openai", "Twin", "model \"Twin\" (OpenAI)"));
        assertThat(relationships(RelType.DEVELOPS))
                .extracting(
                        r -> r.from() + " " + r.to() + " " + r.sources().get(0).locator())
                .contains("openai twin-openai model \"Twin\" (OpenAI), column Organization");
    }

    @Test
    void readsARowOrderedCopyIntoExactlyTheSameRecords() {
        String csv = """
                Model,Organization,Publication date,Country (of organization),Organization categorization
                GPT-4,OpenAI,2023-03-15,United States of America,Industry
                Gemini,"Google DeepMind,Google",,"United Kingdom of Great Britain and Northern Ireland,\
                United States of America",Industry
                Claude,Anthropic,2023-03-14,United States of America,Industry
                GPT-3,OpenAI,2020-05-28,United States of America,Industry
                Twin,Google,2020-01-01,United States of America,Industry
                Twin,Google,2021-06-30,United States of America,Industry
                """;
        List<String> lines = new ArrayList<>(csv.lines().toList());
        List<String> reordered = new ArrayList<>(lines.subList(1, lines.size()));
        Collections.reverse(reordered);
        reordered.add(0, lines.get(0));
        GraphBatch other = new GraphBatch();
        new EpochReader(RESOLUTION).read(file(String.join("\n", reordered) + "\n"), other);
        read(new EpochReader(RESOLUTION), csv);

        assertThat(batch.errors()).isEmpty();
        assertThat(other.errors()).isEmpty();
        assertThat(content(other)).isEqualTo(content(batch)).hasSizeGreaterThan(15);
    }

    @Test
    void refusesAModelListedTwiceNamingBothLines() {
        read(new EpochReader(RESOLUTION), """
                Model,Organization,Publication date
                Veo 3.1,Google DeepMind,2025-10-15
                GPT-4,OpenAI,2023-03-15
                Veo 3.1,Google DeepMind,2025-10-15
                """);
        assertThat(batch.errors())
                .extracting(Object::toString)
                .containsExactly(
                        "epoch/notable_ai_models.csv:4 record row 3 field 'Model' (column 1): repeats the model of line 2 (row 1): the "
                                + "same name, organisation and publication date (\"Veo 3.1\", Google DeepMind, 2025-10-15); "
                                + "list each model once");
        assertThat(batch.nodes())
                .extracting(NodeRecord::id)
                .doesNotContain("veo-3-1-row-3")
                .filteredOn(id -> id.startsWith("veo"))
                .isEmpty();
    }

    /** Every record as text, sorted: what the store would hold. */
    private static List<String> content(GraphBatch batch) {
        List<String> out = new ArrayList<>();
        batch.nodes()
                .forEach(n -> out.add(n.kind() + " " + n.id() + " " + n.name() + " " + n.aliases() + " "
                        + new TreeMap<>(n.properties()) + " " + n.sources()));
        batch.relationships()
                .forEach(r -> out.add(r.type() + " " + r.from() + " " + r.to() + " " + new TreeMap<>(r.properties())
                        + " " + r.sources()));
        Collections.sort(out);
        return out;
    }

    @Test
    void takesTheFirstWebAddressOfTheLinkCell() {
        assertThat(EpochReader.link("https://a.example/x\n\nhttps://b.example/y"))
                .isEqualTo("https://a.example/x");
        assertThat(EpochReader.link("see the paper")).isNull();
        assertThat(EpochReader.split(" Google DeepMind,Google ,,")).containsExactly("Google DeepMind", "Google");
    }

    private void read(EpochReader reader, String csv) {
        reader.read(file(csv), batch);
    }

    private static DataFile file(String csv) {
        return new DataFile("epoch/notable_ai_models.csv", () -> csv.getBytes(StandardCharsets.UTF_8));
    }

    private NodeRecord node(String id) {
        return batch.nodes().stream().filter(n -> n.id().equals(id)).findFirst().orElseThrow();
    }

    private List<RelationshipRecord> relationships(RelType type) {
        return batch.relationships().stream().filter(r -> r.type() == type).toList();
    }
}
