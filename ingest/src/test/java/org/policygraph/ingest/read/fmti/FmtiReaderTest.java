package org.policygraph.ingest.read.fmti;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.policygraph.ingest.read.DataFile;
import org.policygraph.ingest.read.DataFiles;
import org.policygraph.ingest.read.GraphBatch;
import org.policygraph.ingest.read.resolution.Resolution;
import org.policygraph.model.NodeRecord;

/** The FMTI reader on the real December 2025 files, as shipped, and on copies with one thing wrong. */
class FmtiReaderTest {

    static final Path DATA = Path.of("../neo4j-data/src/main/resources/policygraph/data");
    static final Resolution RESOLUTION = Resolution.builtIn();

    @Test
    void addsTheSameScoresWhateverTheOrderTheFilesComeIn() {
        List<DataFile> files = fmtiFiles();
        GraphBatch forward = read(files);
        List<DataFile> reversed = new ArrayList<>(files);
        reversed.sort(Comparator.comparing(DataFile::path).reversed());
        GraphBatch backward = read(reversed);
        assertThat(forward.errors()).isEmpty();
        assertThat(backward.errors()).isEmpty();
        Map<String, Object> openai = organisation(forward, "openai").properties();
        assertThat(openai)
                .containsEntry("fmti_score", 35.0)
                .containsEntry("fmti_upstream", 1.0)
                .containsEntry("fmti_model", 13.0)
                .containsEntry("fmti_downstream", 21.0);
        assertThat(organisation(backward, "openai").properties()).isEqualTo(openai);
        assertThat(organisation(forward, "meta").properties()).containsEntry("fmti_score", 31.0);
        assertThat(organisation(forward, "ai21-labs").name()).isEqualTo("AI21 Labs");
        assertThat(forward.nodes()).hasSize(13);
        assertThat(forward.relationships()).isEmpty();
    }

    @Test
    void refusesAReportThatDisagreesWithTheScores() {
        List<DataFile> files = replace(
                fmtiFiles(),
                "fmti/Dec2025/reports/OpenAI_fmtransparencyreport_Dec2025.csv",
                csv -> setCell(csv, 1, "Score", "1"));
        assertThat(read(files).errors())
                .singleElement()
                .hasToString(
                        "fmti/Dec2025/reports/OpenAI_fmtransparencyreport_Dec2025.csv:2 record row 1 field 'Score' (column 7): is 1 "
                                + "here but 0 in Dec2025_scores.csv (row 1, column OpenAI); the two files must agree");
    }

    @Test
    void refusesAScoreThatIsNeitherZeroNorOne() {
        List<DataFile> files =
                replace(fmtiFiles(), "fmti/Dec2025/Dec2025_scores.csv", csv -> setCell(csv, 3, "Amazon", "yes"));
        assertThat(read(files).errors())
                .singleElement()
                .hasToString("fmti/Dec2025/Dec2025_scores.csv:4 record "
                        + "row 3 field 'Amazon' (column 4): must be 0 or 1 (indicator not met or met), but is \"yes\"");
    }

    @Test
    void refusesADomainTheOrganisationKindHasNoPropertyFor() {
        List<DataFile> files = replace(
                fmtiFiles(), "fmti/Dec2025/Dec2025_indicators.csv", csv -> setCell(csv, 1, "Domain", "Midstream"));
        assertThat(read(files).errors())
                .singleElement()
                .hasToString("fmti/Dec2025/Dec2025_indicators.csv:2 "
                        + "record row 1 field 'Domain' (column 1): 'Midstream' is a domain the Organisation kind has no property for "
                        + "(fmti_midstream); add it to Kind.ORGANISATION and DATA-FORMAT.md");
    }

    @Test
    void refusesAFileThatIsNotPartOfARelease() {
        GraphBatch batch = new GraphBatch();
        new FmtiReader(RESOLUTION).read(new DataFile("fmti/Dec2025/notes.csv", () -> new byte[0]), batch);
        assertThat(batch.errors())
                .singleElement()
                .asString()
                .startsWith("fmti/Dec2025/notes.csv: is not a file of " + "an FMTI release");
    }

    static List<DataFile> fmtiFiles() {
        return DataFiles.folder(DATA).stream()
                .filter(f -> f.folder().equals("fmti"))
                .toList();
    }

    private static GraphBatch read(List<DataFile> files) {
        FmtiReader reader = new FmtiReader(RESOLUTION);
        GraphBatch batch = new GraphBatch();
        files.stream().filter(reader::accepts).forEach(f -> reader.read(f, batch));
        return batch;
    }

    private static NodeRecord organisation(GraphBatch batch, String id) {
        return batch.nodes().stream().filter(n -> n.id().equals(id)).findFirst().orElseThrow();
    }

    private static List<DataFile> replace(List<DataFile> files, String path, UnaryOperator<String> change) {
        return files.stream()
                .map(f -> !f.path().equals(path)
                        ? f
                        : new DataFile(
                                path,
                                () -> change.apply(new String(f.bytes().get(), StandardCharsets.UTF_8))
                                        .getBytes(StandardCharsets.UTF_8)))
                .toList();
    }

    /** The CSV with one cell changed (data row n, 1-based; the column by name), written back as CSV. */
    private static String setCell(String csv, int row, String column, String value) {
        try {
            List<CSVRecord> records =
                    CSVFormat.RFC4180.parse(new StringReader(csv)).getRecords();
            int index = records.get(0).toList().indexOf(column);
            StringWriter out = new StringWriter();
            try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
                for (int i = 0; i < records.size(); i++) {
                    List<String> values = new ArrayList<>(records.get(i).toList());
                    if (i == row) {
                        values.set(index, value);
                    }
                    printer.printRecord(values);
                }
            }
            return out.toString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
