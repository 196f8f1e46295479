package org.policygraph.web.compare;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.policygraph.web.ref.Citation;

/**
 * A comparison as CSV: one line per entry (row, column, entry), with the provision and the sources of each; an
 * empty cell is one line saying so, as on the page.
 */
final class ComparisonCsv {

    static final List<String> HEADER = List.of(
            "row", "row_heading", "column_id", "column_name", "entry", "detail", "entry_id", "provision_id", "sources");

    private ComparisonCsv() {}

    static String write(Comparison comparison) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(
                out,
                CSVFormat.RFC4180
                        .builder()
                        .setHeader(HEADER.toArray(String[]::new))
                        .get())) {
            for (Comparison.ComparisonRow row : comparison.rows()) {
                for (var column : comparison.columns()) {
                    List<Cell> cells = row.cell(column.id());
                    if (cells.isEmpty()) {
                        csv.printRecord(
                                row.key(),
                                row.heading(),
                                column.id(),
                                column.name(),
                                comparison.empty(),
                                "",
                                "",
                                "",
                                "");
                    }
                    for (Cell cell : cells) {
                        csv.printRecord(
                                row.key(),
                                row.heading(),
                                column.id(),
                                column.name(),
                                cell.text(),
                                cell.detail() == null ? "" : cell.detail(),
                                cell.ref() == null ? "" : cell.ref().id(),
                                cell.provision() == null ? "" : cell.provision().id(),
                                sources(cell.sources()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Sources as "id (locator): quote" joined by " | ". */
    static String sources(List<Citation> sources) {
        return sources.stream()
                .map(c -> c.source() + " (" + c.locator() + ")" + (c.quote() == null ? "" : ": " + c.quote()))
                .collect(Collectors.joining(" | "));
    }
}
