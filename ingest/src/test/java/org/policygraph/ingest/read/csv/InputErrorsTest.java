package org.policygraph.ingest.read.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.policygraph.ingest.read.DataFile;
import org.policygraph.ingest.read.GraphBatch;
import org.policygraph.ingest.read.Locators;
import org.policygraph.ingest.read.epoch.EpochReader;
import org.policygraph.ingest.read.resolution.Resolution;
import org.policygraph.model.Kind;
import org.policygraph.model.NodeRecord;

/**
 * Errors a person can act on, for the damaged CSV files people meet: a spreadsheet or other binary file saved
 * under a .csv name, a file saved as Latin-1 or Windows-1252, ragged rows, a bad number and a bad date (each
 * naming the file, line, row, column header and column number), blank rows, a header-only file; and one form for
 * locators.
 */
class InputErrorsTest {

    static final Resolution RESOLUTION = Resolution.builtIn();
    static final String FILE = "epoch/notable_ai_models.csv";

    GraphBatch batch = new GraphBatch();

    @Test
    void saysASpreadsheetOrOtherBinaryFileIsNotACsv() {
        read(new byte[] {'P', 'K', 3, 4, 20, 0, 6, 0});
        read(new byte[] {'M', 'o', 'd', 'e', 'l', 0, 0, 1, 2});
        assertThat(batch.errors())
                .extracting(Object::toString)
                .containsExactly(
                        FILE
                                + ": is not a CSV: it is a zip archive (a spreadsheet saved as .xlsx is one); export the data "
                                + "as CSV in UTF-8",
                        FILE
                                + ": is not a CSV: it is binary (byte 5 is NUL, which no text file holds); export the data as "
                                + "CSV in UTF-8");
    }

    @Test
    void saysAFileSavedAsLatin1OrWindows1252IsNotUtf8AndWhatItLooksLike() {
        read("Model,Organization\nGPT-4,OpenAI\nCaf\u00e9,Mistral AI\n".getBytes(StandardCharsets.ISO_8859_1));
        read("Model,Organization\nIt\u2019s,OpenAI\n".getBytes(java.nio.charset.Charset.forName("windows-1252")));
        assertThat(batch.errors())
                .extracting(Object::toString)
                .containsExactly(
                        FILE
                                + ":3: is not UTF-8 (looks like Latin-1): byte 0xE9 at offset 35 cannot be decoded (in Latin-1 "
                                + "it is '\u00e9'); save the file as UTF-8",
                        FILE
                                + ":2: is not UTF-8 (looks like Windows-1252, Latin-1 with curly quotes and dashes): byte 0x92 "
                                + "at offset 21 cannot be decoded (in Windows-1252 it is '\u2019'); save the file as UTF-8");
    }

    @Test
    void namesTheLineAndTheCountsOfARaggedRow() {
        read("Model,Organization,Parameters\nGPT-4,OpenAI\nGPT-3,OpenAI,1.75e11,extra\nBERT,Google,3.4e8\n");
        assertThat(batch.errors())
                .extracting(Object::toString)
                .containsExactly(
                        FILE
                                + ":2 record row 1: has 2 values, but the header has 3 columns; a value may hold an unquoted "
                                + "comma, or a quote may be missing",
                        FILE
                                + ":3 record row 2: has 4 values, but the header has 3 columns; a value may hold an unquoted "
                                + "comma, or a quote may be missing");
    }

    @Test
    void namesTheFileLineRowHeaderAndColumnNumberOfABadNumberAndABadDate() {
        read("Model,Organization,Publication date,Parameters\nGPT-4,OpenAI,2023-13-45,1.8e12\nBERT,Google,2018-10-11,"
                + "340 million\n");
        assertThat(batch.errors())
                .extracting(Object::toString)
                .hasSize(2)
                .anySatisfy(
                        e -> assertThat(e).startsWith(FILE + ":2 record row 1 field 'Publication date' (column 3): "))
                .contains(FILE + ":3 record row 2 field 'Parameters' (column 4): must be a number, written plain "
                        + "(1500000) or in e-notation (1.326e+24), but is \"340 million\"");
    }

    @Test
    void skipsARowWhoseEveryCellIsBlankAndKeepsTheRowNumbersOfTheFile() {
        read("Model,Organization,Parameters\n,,\nGPT-4,OpenAI,x\n , ,\n");
        assertThat(batch.errors())
                .extracting(Object::toString)
                .containsExactly(FILE + ":3 record row 2 field "
                        + "'Parameters' (column 3): must be a number, written plain (1500000) or in e-notation (1.326e+24), "
                        + "but is \"x\"");
        assertThat(batch.emptyDatasets()).isEmpty();
        GraphBatch blank = new GraphBatch();
        new EpochReader(RESOLUTION).read(file("Model,Organization\n,\n".getBytes(StandardCharsets.UTF_8)), blank);
        assertThat(blank.errors()).isEmpty();
        assertThat(blank.emptyDatasets())
                .extracting(Object::toString)
                .containsExactly(FILE + ":1 record header: "
                        + "has a header but no rows: it gives nothing, so loading it would take away what its source gave "
                        + "before");
        assertThat(blank.nodes()).extracting(NodeRecord::kind).doesNotContain(Kind.MODEL);
    }

    @Test
    void writesEveryLocatorInOneForm() {
        assertThat(Locators.normal("row 267, column 'Organization'")).isEqualTo("row 267, column Organization");
        assertThat(Locators.normal("row 267,  column Organization ")).isEqualTo("row 267, column Organization");
        assertThat(Locators.normal("rows 72 and 68, columns 'Training compute (FLOP)' and 'Frontier model'"))
                .isEqualTo("rows 72 and 68, columns Training compute (FLOP) and Frontier model");
        assertThat(Locators.normal("row 798, columns 'Authors', 'Training dataset' and 'Training hardware'"))
                .isEqualTo("row 798, columns Authors, Training dataset and Training hardware");
        assertThat(Locators.normal("Article 3(63), 'general-purpose AI model'"))
                .isEqualTo("Article 3(63), 'general-purpose AI model'");
    }

    private void read(String csv) {
        read(csv.getBytes(StandardCharsets.UTF_8));
    }

    private void read(byte[] bytes) {
        new EpochReader(RESOLUTION).read(file(bytes), batch);
    }

    private static DataFile file(byte[] bytes) {
        return new DataFile(FILE, () -> bytes);
    }
}
