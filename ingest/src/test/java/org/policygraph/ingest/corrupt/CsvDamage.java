package org.policygraph.ingest.corrupt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/** Damage done to a CSV file's text, record by record (a quoted value may span lines). */
final class CsvDamage {

    private static final String BOM = "\uFEFF";

    private final boolean bom;
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    CsvDamage(String text) {
        bom = text.startsWith(BOM);
        try (CSVParser parser = CSVParser.parse(bom ? text.substring(1) : text, CSVFormat.DEFAULT)) {
            List<CSVRecord> records = parser.getRecords();
            header = records.get(0).toList();
            records.subList(1, records.size()).forEach(r -> rows.add(new ArrayList<>(r.toList())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The header alone. */
    String headerOnly() {
        return print(List.of());
    }

    /** Row {@code n} (from 1) given again at the end. */
    String repeated(int n) {
        List<List<String>> out = new ArrayList<>(rows);
        out.add(rows.get(n - 1));
        return print(out);
    }

    /** Row {@code n} without its last value. */
    String ragged(int n) {
        List<List<String>> out = new ArrayList<>(rows);
        List<String> row = new ArrayList<>(rows.get(n - 1));
        row.remove(row.size() - 1);
        out.set(n - 1, row);
        return print(out);
    }

    /** Row {@code n} with {@code value} in the column {@code header}. */
    String with(int n, String column, String value) {
        int index = header.indexOf(column);
        assertThat(index).as("the file has the column %s", column).isNotNegative();
        List<List<String>> out = new ArrayList<>(rows);
        List<String> row = new ArrayList<>(rows.get(n - 1));
        row.set(index, value);
        out.set(n - 1, row);
        return print(out);
    }

    /** The rows in reverse order. */
    String reversed() {
        List<List<String>> out = new ArrayList<>(rows);
        Collections.reverse(out);
        return print(out);
    }

    private String print(List<List<String>> body) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(
                out, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").build())) {
            printer.printRecord(header);
            for (List<String> row : body) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return (bom ? BOM : "") + out;
    }
}
