package org.policygraph.ingest.read.osai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.policygraph.ingest.read.DataFile;
import org.policygraph.ingest.read.GraphBatch;
import org.policygraph.ingest.read.resolution.Resolution;
import org.policygraph.model.Kind;
import org.policygraph.model.NodeRecord;
import org.policygraph.model.RelationshipRecord;
import org.policygraph.model.SourceRef;

class OsaiIndexReaderTest {

    static final Path YAML = Path.of("../neo4j-data/src/main/resources/policygraph/data/osai-index/yaml");

    OsaiIndexReader reader = new OsaiIndexReader(Resolution.builtIn());
    GraphBatch batch = new GraphBatch();

    @Test
    void readsAFamilyWithItsRatingsAndItsJointDevelopers() throws IOException {
        read("mistral-nemo.yaml", Files.readString(YAML.resolve("mistral-nemo.yaml")));
        assertThat(batch.errors()).isEmpty();
        NodeRecord model = batch.nodes().get(0);
        assertThat(model.kind()).isEqualTo(Kind.MODEL);
        assertThat(model.id()).isEqualTo("mistral-nemo");
        assertThat(model.name()).isEqualTo("Mistral NeMo");
        assertThat(model.sources()).containsExactly(new SourceRef("osai-index", "yaml/mistral-nemo.yaml", null));
        long open = (Long) model.properties().get("openness_open");
        long partial = (Long) model.properties().get("openness_partial");
        long closed = (Long) model.properties().get("openness_closed");
        assertThat(open + partial + closed).isEqualTo(12);
        assertThat(model.properties().get("openness_ratings"))
                .asList()
                .hasSize(12)
                .first()
                .asString()
                .startsWith("datasources_basemodel=");
        assertThat(batch.relationships()).extracting(RelationshipRecord::from).containsExactly("mistral-ai", "nvidia");
    }

    @Test
    void givesAnIndividualDevelopersModelNoOrganisation() throws IOException {
        read("airoboros.yaml", Files.readString(YAML.resolve("airoboros.yaml")));
        assertThat(batch.errors()).isEmpty();
        assertThat(batch.nodes()).extracting(NodeRecord::id).containsExactly("airoboros");
        assertThat(batch.relationships()).isEmpty();
    }

    @Test
    void refusesARatingThatIsNotOpenPartialOrClosedNamingLineAndField() throws IOException {
        String text = Files.readString(YAML.resolve("AMD OLMo.yaml"))
                .replace("weights_basemodel:\n    class: open", "weights_basemodel:\n    class: mostly");
        read("AMD OLMo.yaml", text);
        assertThat(batch.errors())
                .singleElement()
                .hasToString("osai-index/yaml/AMD OLMo.yaml:47 record amd-olmo "
                        + "field 'weights_basemodel.class': must be open, partial or closed (or empty when not rated), but is "
                        + "\"mostly\"");
    }

    @Test
    void countsNothingForAnEmptyRatingAndRefusesAFileWithoutAName() {
        read("x.yaml", """
                system:
                    name: X-1
                org:
                    name: OpenAI
                paper:
                    class:
                licenses:
                    class: Open
                """);
        assertThat(batch.errors()).isEmpty();
        assertThat(batch.nodes().get(0).properties())
                .contains(entry("openness_open", 1L), entry("openness_closed", 0L));
        assertThat(batch.nodes().get(0).properties().get("openness_ratings"))
                .asList()
                .containsExactly("licenses=open");
        read("template.yaml", "system:\n    name:\norg:\n    name:\n");
        assertThat(batch.errors())
                .singleElement()
                .hasToString(
                        "osai-index/yaml/template.yaml:1 field "
                                + "'system.name': is missing; every file of the index describes one model family and needs its name");
    }

    @Test
    void refusesTwoFilesForOneModel() {
        read("a.yaml", "system:\n    name: Foo LM\n");
        read("b.yaml", "system:\n    name: foo-lm\n");
        assertThat(batch.errors())
                .singleElement()
                .hasToString("osai-index/yaml/b.yaml:1 record foo-lm field "
                        + "'system.name': 'foo-lm' gives the model id foo-lm, as does osai-index/yaml/a.yaml; each model "
                        + "family must have its own file");
    }

    private void read(String name, String text) {
        reader.read(new DataFile("osai-index/yaml/" + name, () -> text.getBytes(StandardCharsets.UTF_8)), batch);
    }
}
