package org.policygraph.ingest.read.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.policygraph.ingest.read.GraphBatch;
import org.policygraph.ingest.read.csv.CsvTable.Column;
import org.policygraph.ingest.read.csv.CsvTable.UnknownColumns;

class CsvTableTest {

    static final Column NAME = Column.required("Model", "System");
    static final Column COMPUTE = Column.optional("Training compute (FLOP)");
    static final List<Column> COLUMNS = List.of(NAME, COMPUTE);

    GraphBatch batch = new GraphBatch();

    @Test
    void mapsColumnsByNameInAnyOrderUnderTheirOlderNamesToo() {
        CsvTable table = read("""
                training compute (flop),System
                1.326e+24,GPT-3
                ,BERT
                """, UnknownColumns.WARN);
        assertThat(table.header(NAME)).isEqualTo("System");
        assertThat(table.rows()).extracting(r -> table.get(r, NAME)).containsExactly("GPT-3", "BERT");
        assertThat(table.get(table.rows().get(0), COMPUTE)).isEqualTo("1.326e+24");
        assertThat(table.get(table.rows().get(1), COMPUTE)).as("an empty cell").isNull();
        assertThat(batch.errors()).isEmpty();
    }

    @Test
    void refusesAFileWithoutARequiredColumnNamingTheColumnAndItsOlderNames() {
        assertThat(CsvTable.read(
                        "models.csv", "Name,Training compute (FLOP)\nGPT-3,1\n", COLUMNS, UnknownColumns.WARN, batch))
                .isEmpty();
        assertThat(batch.errors())
                .singleElement()
                .hasToString("models.csv:1 record header field 'Model': is "
                        + "missing: the header has no column 'Model' (nor 'System', as older releases call it), and the "
                        + "reader needs it");
    }

    @Test
    void keepsUnknownColumnsApartAndRefusesThemOnlyWhenAsked() {
        String csv = "Model,Citations,Training compute (FLOP)\nGPT-3,100,1\n";
        assertThat(read(csv, UnknownColumns.WARN).unknownColumns()).containsExactly("Citations");
        assertThat(batch.errors()).isEmpty();
        assertThat(CsvTable.read("models.csv", csv, COLUMNS, UnknownColumns.REFUSE, batch))
                .isEmpty();
        assertThat(batch.errors())
                .singleElement()
                .hasToString("models.csv:1 record header field 'Citations' (column 2): "
                        + "is not a column the reader knows; add it to the reader's column table, or read the file without "
                        + "strict column checks");
    }

    @Test
    void readsQuotedValuesOverSeveralLinesAndKnowsTheLineEachRowStartsOn() {
        CsvTable table = read("""
                Model,Training compute (FLOP)
                "Kimi, K2","1
                2

                3"
                GPT-4,2.1e+25
                """, UnknownColumns.WARN);
        assertThat(table.rows())
                .extracting(CsvTable.Row::number, CsvTable.Row::line)
                .containsExactly(tuple(1, 2), tuple(2, 6));
        assertThat(table.get(table.rows().get(0), NAME)).isEqualTo("Kimi, K2");
        assertThat(table.get(table.rows().get(0), COMPUTE)).isEqualTo("1\n2\n\n3");
    }

    @Test
    void namesTheRowLineAndColumnOfAQuotedValueThatIsNeverClosed() {
        assertThat(CsvTable.read(
                        "models.csv",
                        "Model,Training compute (FLOP)\nGPT-3,1\nGPT-4,\"2.1e+25\nGPT-5,3\n",
                        COLUMNS,
                        UnknownColumns.WARN,
                        batch))
                .isEmpty();
        assertThat(batch.errors())
                .singleElement()
                .hasToString("models.csv:3 record row 2 field "
                        + "'Training compute (FLOP)' (column 2): has a quoted value that is never closed: the file ends inside it; "
                        + "the file may be cut short, or a closing quote is missing");
    }

    @Test
    void namesTheColumnOfTextAfterAClosingQuote() {
        assertThat(CsvTable.read(
                        "models.csv",
                        "Model,Training compute (FLOP)\n\"GPT\"-4,1\n",
                        COLUMNS,
                        UnknownColumns.WARN,
                        batch))
                .isEmpty();
        assertThat(batch.errors())
                .singleElement()
                .hasToString("models.csv:2 record row 1 field 'Model' (column 1): has text "
                        + "after the closing quote of a quoted value on line 2; a quote inside a quoted value must be "
                        + "doubled (\"\")");
    }

    @Test
    void refusesARowWithTheWrongNumberOfValues() {
        CsvTable table = read("Model,Training compute (FLOP)\nGPT-3,1,2\nGPT-4,5\n", UnknownColumns.WARN);
        assertThat(table.rows()).extracting(r -> table.get(r, NAME)).containsExactly("GPT-4");
        assertThat(batch.errors())
                .singleElement()
                .hasToString("models.csv:2 record row 1: has 3 values, but the "
                        + "header has 2 columns; a value may hold an unquoted comma, or a quote may be missing");
    }

    @Test
    void refusesAnEmptyFileAndAColumnNamedTwice() {
        assertThat(CsvTable.read("empty.csv", "", COLUMNS, UnknownColumns.WARN, batch))
                .isEmpty();
        assertThat(CsvTable.read("twice.csv", "Model,model\nx,y\n", COLUMNS, UnknownColumns.WARN, batch))
                .isEmpty();
        assertThat(batch.errors())
                .extracting(Object::toString)
                .containsExactly(
                        "empty.csv:1: is empty; a CSV file needs a header row",
                        "twice.csv:1 record header field 'model' (column 2): appears twice in the header; each column must have its "
                                + "own name");
    }

    private CsvTable read(String csv, UnknownColumns policy) {
        return CsvTable.read("models.csv", csv, COLUMNS, policy, batch).orElseThrow();
    }
}
