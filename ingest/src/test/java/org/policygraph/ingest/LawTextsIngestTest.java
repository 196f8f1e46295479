package org.policygraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.policygraph.ingest.read.DataFile;
import org.policygraph.ingest.read.DataFiles;
import org.policygraph.ingest.read.GraphBatch;
import org.policygraph.model.Kind;
import org.policygraph.model.NodeRecord;

/**
 * The law texts shipped in neo4j-data, read by the default readers and validated as a whole, with the two Source
 * records they cite taken from a fixture (the default data curates those elsewhere).
 */
class LawTextsIngestTest {

    static final Path DATA = Path.of("../neo4j-data/src/main/resources/policygraph/data");
    static final Path SOURCES = Path.of("src/test/resources/fixtures/lawtexts");
    static final Set<String> LAW_TEXT_FOLDERS = Set.of("eu-ai-act-formex", "ca-sb-53");

    @Test
    void theDefaultReadersReadTheLawTextsAndEveryRecordValidates() {
        List<DataFile> files = new ArrayList<>(DataFiles.folder(SOURCES));
        DataFiles.folder(DATA).stream()
                .filter(f -> LAW_TEXT_FOLDERS.contains(f.folder()))
                .forEach(files::add);
        assertThat(files).hasSize(1 + 16 + 1);

        GraphBatch batch = Ingest.defaults().read(files);
        assertThat(batch.errors()).isEmpty();
        assertThat(batch.nodes().stream().filter(n -> n.kind() == Kind.PROVISION))
                .hasSize(180 + 113 + 13 + 14);
        assertThat(batch.nodes().stream()
                        .filter(n -> n.kind() == Kind.REGULATION)
                        .map(NodeRecord::id))
                .containsExactlyInAnyOrder("eu-ai-act", "ca-sb-53");

        // a dry run without a database: every reference must resolve inside the files, and nothing is written
        Ingest.Result result = Ingest.defaults().run(files, null, true);
        assertThat(result.nodesRead()).isEqualTo(2 + 307 + 15);
        assertThat(result.relationshipsRead()).isEqualTo(306 + 14);
        assertThat(result.written().nodes()).isEmpty();
    }

    @Test
    void withoutTheirSourcesTheLawTextsAreRefused() {
        List<DataFile> files = DataFiles.folder(DATA).stream()
                .filter(f -> f.folder().equals("ca-sb-53"))
                .toList();

        ValidationFailedException refused =
                catchThrowableOfType(() -> Ingest.defaults().run(files, null, true), ValidationFailedException.class);

        assertThat(refused).isNotNull();
        assertThat(refused.errors()).hasSize(15 + 14).allSatisfy(error -> {
            assertThat(error.file()).isEqualTo("ca-sb-53/SB-53.md");
            assertThat(error.line()).isPositive();
            assertThat(error.message()).isEqualTo("'ca-leginfo-sb-53' is not the id of any source record");
        });
    }
}
