package org.policygraph.ingest.read.epoch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.policygraph.ingest.Ingest;
import org.policygraph.ingest.read.DataFile;
import org.policygraph.ingest.read.DataFiles;
import org.policygraph.ingest.read.GraphBatch;
import org.policygraph.model.Kind;
import org.policygraph.model.NodeRecord;
import org.policygraph.model.RelType;
import org.policygraph.model.RelationshipRecord;

/**
 * A generated file in the shape of Epoch's other releases (its full "all AI models" export and its subsets): older
 * and unknown headers, countries that resolution/countries.yaml does not list, names that slug alike, a model
 * named like an organisation, new spellings of organisations the table lists, and a blank row. It loads (a dry run
 * of the whole pipeline with the shipped resolution tables) with no error, no duplicate organisation and no id
 * collision.
 */
class EpochReleasesTest {

    static final Path DATA = Path.of("../neo4j-data/src/main/resources/policygraph/data");
    static final Path FIXTURE = Path.of("src/test/resources/fixtures/datasets");

    static final String RELEASE = """
            System,Organization(s),Publication date,Training compute (FLOP),Country (from Organization),\
            Organization categorization (from Organization),Carbon (t),Frontier model
            GPT-X,"OpenAI, Inc.",2025-01-02,3e25,United States of America,Industry,12,True
            Claude X,Anthropic Research,2025-02-03,2e25,United States of America,Industry,,True
            Gemma X,Google LLC,2025-03-04,1e24,United States of America,Industry,,
            R9,DeepSeek Inc,2025-04-05,4e24,China,Industry,,
            Llama X,meta ai,2025-05-06,5e24,United States of America,Industry,,
            Vinallama 7B,VinAI Research,2023-12-01,,Viet Nam,Industry,,
            Sabia-2,Maritaca AI,2024-02-01,,Brazil,Industry,,
            Ameca Chat,Engineered Arts Mexico,2024-03-01,,Mexico,Industry,,
            Kiwi LM,Kiwi Labs NZ,2024-04-01,,New Zealand,Industry,,
            Lusa,Unbabel,2024-05-01,,Portugal,Industry,,
            Andes,Jalasoft,2024-06-01,,Bolivia (Plurinational State of),Industry,,
            ,,,,,,,
            Falcon,Technology Innovation Institute,2023-05-01,,United Arab Emirates,Government,,
            Falcon,Technology Innovation Institute,2023-09-06,,United Arab Emirates,Government,,
            Falcon,Falcon Robotics,2022-01-01,,Germany,Industry,,
            Mistral AI,Mistral AI,2024-01-01,,France,Industry,,
            """;

    @Test
    void loadsAnotherReleaseWithNoDuplicateOrganisationAndNoCollision() {
        List<DataFile> files = new ArrayList<>(DataFiles.folder(FIXTURE));
        DataFiles.folder(DATA).stream()
                .filter(f -> f.folder().equals("resolution"))
                .forEach(files::add);
        byte[] csv = RELEASE.getBytes(StandardCharsets.UTF_8);
        files.add(new DataFile("epoch/all_ai_models.csv", () -> csv));

        GraphBatch batch = Ingest.defaults().read(files);
        assertThat(batch.errors()).isEmpty();
        Ingest.Result dryRun = Ingest.defaults().run(files, null, true);
        assertThat(dryRun.nodesRead()).isEqualTo(batch.nodes().size());

        Map<String, NodeRecord> nodes = new HashMap<>();
        batch.nodes()
                .forEach(n -> assertThat(nodes.put(n.id(), n))
                        .as("id %s given twice", n.id())
                        .isNull());
        // new spellings of organisations the table lists resolve to them
        assertThat(developers(batch))
                .contains(
                        tuple("openai", "gpt-x"),
                        tuple("anthropic", "claude-x"),
                        tuple("google", "gemma-x"),
                        tuple("deepseek", "r9"),
                        tuple("meta", "llama-x"));
        List<NodeRecord> organisations = batch.nodes().stream()
                .filter(n -> n.kind() == Kind.ORGANISATION)
                .toList();
        assertThat(organisations)
                .extracting(NodeRecord::id)
                .doesNotHaveDuplicates()
                .doesNotContain("openai-inc", "anthropic-research", "google-llc", "deepseek-inc", "inc");
        Map<String, String> byName = new HashMap<>();
        for (NodeRecord o : organisations) {
            for (String name :
                    Stream.concat(Stream.of(o.name()), o.aliases().stream()).toList()) {
                String before = byName.putIfAbsent(fold(name), o.id());
                assertThat(before)
                        .as("'%s' names both %s and %s", name, before, o.id())
                        .isIn(null, o.id());
            }
        }
        // countries the table does not list resolve through ISO 3166-1
        assertThat(headquarters(batch))
                .contains(
                        entry("vinai-research", "vn"),
                        entry("maritaca-ai", "br"),
                        entry("engineered-arts-mexico", "mx"),
                        entry("kiwi-labs-nz", "nz"),
                        entry("unbabel", "pt"),
                        entry("jalasoft", "bo"));
        assertThat(nodes.get("vn").kind()).isEqualTo(Kind.JURISDICTION);
        assertThat(nodes.get("vn").properties()).containsEntry("iso_code", "VN");
        assertThat(nodes.get("bo").properties()).containsEntry("iso_code", "BO");
        // names that slug alike get ids from name, organisation and date; a model named like an organisation
        // is not that organisation
        assertThat(batch.nodes())
                .filteredOn(n -> n.kind() == Kind.MODEL && n.name().startsWith("Falcon"))
                .extracting(NodeRecord::id)
                .containsExactlyInAnyOrder(
                        "falcon-technology-innovation-institute-2023-05-01",
                        "falcon-technology-innovation-institute-2023-09-06",
                        "falcon-falcon-robotics");
        assertThat(nodes.get("mistral-ai").kind()).isEqualTo(Kind.ORGANISATION);
        assertThat(nodes.get("mistral-ai-model").kind()).isEqualTo(Kind.MODEL);
        assertThat(developers(batch)).contains(tuple("mistral-ai", "mistral-ai-model"));
        assertThat(batch.nodes()).filteredOn(n -> n.kind() == Kind.MODEL).hasSize(15);
    }

    private static List<org.assertj.core.groups.Tuple> developers(GraphBatch batch) {
        return batch.relationships().stream()
                .filter(r -> r.type() == RelType.DEVELOPS)
                .map(r -> tuple(r.from(), r.to()))
                .toList();
    }

    private static Map<String, String> headquarters(GraphBatch batch) {
        Map<String, String> out = new HashMap<>();
        for (RelationshipRecord r : batch.relationships()) {
            if (r.type() == RelType.HEADQUARTERED_IN) {
                out.put(r.from(), r.to());
            }
        }
        return out;
    }

    private static String fold(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "");
    }
}
