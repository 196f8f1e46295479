package org.policygraph.ingest.read.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jboss.logging.Logger;
import org.policygraph.ingest.IngestError;
import org.policygraph.ingest.read.GraphBatch;

/**
 * An RFC 4180 CSV file whose first record is a header, with its columns found by name rather than position. A
 * reader describes the columns it knows as {@link Column}s, each with the names different releases of a dataset
 * gave it; a missing required column is an error, and a column the reader does not know is accepted, logged as a
 * warning, or refused, as the reader chooses ({@link UnknownColumns}).
 *
 * <p>Problems are added to the batch as errors naming the file, the line, the row (the 1-based number of the data
 * record, the header not counted) and the column, by its header and its 1-based number. A row whose every cell is
 * blank is skipped with a warning; a file with a header and no rows is noted as an empty dataset
 * ({@link GraphBatch#emptyDataset}), which ingest refuses unless removals are accepted. A file that is not valid CSV (a quoted value that is never
 * closed, text after a closing quote) is reported at the row and column where the quoting goes wrong, and none of
 * its rows are returned.
 */
public final class CsvTable {

    private static final Logger LOG = Logger.getLogger(CsvTable.class);

    private static final CSVFormat FORMAT =
            CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

    /** What a reader does with a column it does not know. */
    public enum UnknownColumns {
        /** Read nothing from it and say nothing: for wide files whose extra columns are data (one per company). */
        ACCEPT,
        /** Read nothing from it and log a warning naming the file and the columns. */
        WARN,
        /** Refuse the file: each unknown column is an error. */
        REFUSE
    }

    /**
     * A column a reader knows.
     *
     * @param names    its header names: the current one first, then the names older releases used
     * @param required whether a file without it is refused
     */
    public record Column(List<String> names, boolean required) {

        public Column {
            if (names == null || names.isEmpty()) {
                throw new IllegalArgumentException("a column needs at least one name");
            }
            names = List.copyOf(names);
        }

        /** A column every file must have. */
        public static Column required(String name, String... olderNames) {
            return new Column(concat(name, olderNames), true);
        }

        /** A column a file may lack. */
        public static Column optional(String name, String... olderNames) {
            return new Column(concat(name, olderNames), false);
        }

        /** The current name. */
        public String name() {
            return names.get(0);
        }

        private static List<String> concat(String first, String... rest) {
            List<String> all = new ArrayList<>(List.of(first));
            all.addAll(Arrays.asList(rest));
            return all;
        }
    }

    /**
     * One data record.
     *
     * @param number its 1-based number among the data records (the header is not counted)
     * @param line   the line it starts on (a quoted value may span several lines)
     * @param values its values, as many as the header has columns
     */
    public record Row(int number, int line, List<String> values) {

        public Row {
            values = List.copyOf(values);
        }

        /** The value at a column index, stripped; null when blank. */
        public String value(int index) {
            String v = index < values.size() ? values.get(index).strip() : "";
            return v.isEmpty() ? null : v;
        }
    }

    private final String file;
    private final List<String> headers;
    private final Map<Column, Integer> indexes;
    private final List<String> unknown;
    private final List<Row> rows;

    private CsvTable(
            String file, List<String> headers, Map<Column, Integer> indexes, List<String> unknown, List<Row> rows) {
        this.file = file;
        this.headers = List.copyOf(headers);
        this.indexes = Collections.unmodifiableMap(indexes);
        this.unknown = List.copyOf(unknown);
        this.rows = List.copyOf(rows);
    }

    /**
     * Reads a CSV file.
     *
     * @param file    the file's path, for messages
     * @param text    its content
     * @param known   the columns the reader knows
     * @param policy  what to do with other columns
     * @param batch   where errors go
     * @return the table, or empty when the file cannot be read as a whole (errors have been added)
     */
    public static Optional<CsvTable> read(
            String file, String text, List<Column> known, UnknownColumns policy, GraphBatch batch) {
        LineIndex lines = new LineIndex(text);
        List<String> headers = null;
        Map<Column, Integer> indexes = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        boolean headerOk = true;
        try (CSVParser parser = CSVParser.parse(text, FORMAT)) {
            Iterator<CSVRecord> records = parser.iterator();
            long linesBefore = 0;
            int counted = 0;
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
                    int line = (int) linesBefore + 1;
                    malformed(file, text, lines, line, headers == null ? 0 : counted + 1, headers, e, batch);
                    return Optional.empty();
                }
                int line = lines.lineOf(record.getCharacterPosition());
                linesBefore = parser.getCurrentLineNumber();
                List<String> values = record.toList();
                if (headers == null) {
                    headers = values.stream().map(String::strip).toList();
                    headerOk = mapHeader(file, headers, known, policy, indexes, unknown, batch);
                    continue;
                }
                int number = ++counted;
                if (values.stream().allMatch(String::isBlank)) {
                    LOG.warnf("%s:%d: row %d is empty (every cell is blank); skipped", file, line, number);
                    continue;
                }
                if (values.size() != headers.size()) {
                    batch.error(new IngestError(
                            file,
                            line,
                            "row " + number,
                            null,
                            "has " + values.size()
                                    + (values.size() == 1 ? " value" : " values") + ", but the header has "
                                    + headers.size()
                                    + " columns; a value may hold an unquoted comma, or a quote may be missing"));
                }
                rows.add(new Row(number, line, values));
            }
        } catch (IOException e) {
            batch.error(new IngestError(file, 0, null, null, "cannot be read as CSV: " + e.getMessage()));
            return Optional.empty();
        }
        if (headers == null) {
            batch.error(new IngestError(file, 1, null, null, "is empty; a CSV file needs a header row"));
            return Optional.empty();
        }
        if (!headerOk) {
            return Optional.empty();
        }
        if (rows.isEmpty()) {
            batch.emptyDataset(new IngestError(
                    file,
                    1,
                    "header",
                    null,
                    "has a header but no rows: it gives "
                            + "nothing, so loading it would take away what its source gave before"));
        }
        int columns = headers.size();
        rows.removeIf(r -> r.values().size() != columns);
        return Optional.of(new CsvTable(file, headers, indexes, unknown, rows));
    }

    /** The file's path. */
    public String file() {
        return file;
    }

    /** The header names, in file order. */
    public List<String> headers() {
        return headers;
    }

    /** Whether the file has the column (under any of its names). */
    public boolean has(Column column) {
        return indexes.containsKey(column);
    }

    /** The index of the column in this file, or -1 when the file does not have it. */
    public int index(Column column) {
        return indexes.getOrDefault(column, -1);
    }

    /** The name the column has in this file (its current name when the file lacks it), for messages and locators. */
    public String header(Column column) {
        Integer i = indexes.get(column);
        return i == null ? column.name() : headers.get(i);
    }

    /** The header names of the columns the reader does not know. */
    public List<String> unknownColumns() {
        return unknown;
    }

    /** The data records, in file order. */
    public List<Row> rows() {
        return rows;
    }

    /** A row's value in a column, stripped; null when the file has no such column or the cell is blank. */
    public String get(Row row, Column column) {
        Integer i = indexes.get(column);
        return i == null ? null : row.value(i);
    }

    /** An error about a cell: names the file, the row's line, the row and the column. */
    public IngestError error(Row row, Column column, String message) {
        return new IngestError(file, row.line(), "row " + row.number(), header(column), message, index(column) + 1);
    }

    /** An error about a cell of a column the reader does not know by name (a wide file's data column). */
    public IngestError error(Row row, int index, String message) {
        return new IngestError(file, row.line(), "row " + row.number(), headers.get(index), message, index + 1);
    }

    private static boolean mapHeader(
            String file,
            List<String> headers,
            List<Column> known,
            UnknownColumns policy,
            Map<Column, Integer> indexes,
            List<String> unknown,
            GraphBatch batch) {
        boolean ok = true;
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < headers.size(); i++) {
            if (!seen.add(normal(headers.get(i)))) {
                batch.error(new IngestError(
                        file,
                        1,
                        "header",
                        headers.get(i),
                        "appears twice in the header; each column must have its own name",
                        i + 1));
                ok = false;
            }
        }
        Set<Integer> claimed = new HashSet<>();
        for (Column column : known) {
            for (String name : column.names()) {
                int i = find(headers, name);
                if (i >= 0 && !claimed.contains(i)) {
                    indexes.put(column, i);
                    claimed.add(i);
                    break;
                }
            }
            if (column.required() && !indexes.containsKey(column)) {
                String older = column.names().size() == 1
                        ? ""
                        : " (nor "
                                + String.join(
                                        " or ",
                                        column.names().subList(1, column.names().size()).stream()
                                                .map(n -> "'" + n + "'")
                                                .toList())
                                + ", as older releases call it)";
                batch.error(new IngestError(
                        file,
                        1,
                        "header",
                        column.name(),
                        "is missing: the header has no column '" + column.name() + "'" + older
                                + ", and the reader needs it"));
                ok = false;
            }
        }
        List<Integer> unknownAt = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            if (!claimed.contains(i)) {
                unknown.add(headers.get(i));
                unknownAt.add(i + 1);
            }
        }
        if (!unknown.isEmpty()) {
            switch (policy) {
                case ACCEPT -> {}
                case WARN ->
                    LOG.warnf(
                            "%s: %d %s not known to the reader and not read: %s",
                            file,
                            unknown.size(),
                            unknown.size() == 1 ? "column is" : "columns are",
                            String.join(", ", unknown));
                case REFUSE -> {
                    for (int u = 0; u < unknown.size(); u++) {
                        batch.error(new IngestError(
                                file,
                                1,
                                "header",
                                unknown.get(u),
                                "is not a column the reader knows; add it to the reader's column table, "
                                        + "or read the file without strict column checks",
                                unknownAt.get(u)));
                    }
                    ok = false;
                }
            }
        }
        return ok;
    }

    private static int find(List<String> headers, String name) {
        String wanted = normal(name);
        for (int i = 0; i < headers.size(); i++) {
            if (normal(headers.get(i)).equals(wanted)) {
                return i;
            }
        }
        return -1;
    }

    /** Header names match ignoring case and runs of white space. */
    private static String normal(String header) {
        return header.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static void malformed(
            String file,
            String text,
            LineIndex lines,
            int line,
            int rowNumber,
            List<String> headers,
            RuntimeException e,
            GraphBatch batch) {
        QuoteProblem problem = QuoteProblem.find(text, lines.offsetOf(line));
        String record = rowNumber == 0 ? "header" : "row " + rowNumber;
        if (problem == null) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            batch.error(new IngestError(file, line, record, null, "is not valid CSV: " + cause.getMessage()));
            return;
        }
        String column = headers != null && problem.field() < headers.size() ? headers.get(problem.field()) : null;
        String message = problem.unclosed()
                ? "has a quoted value that is never closed: the file ends inside it; the file may be cut short, "
                        + "or a closing quote is missing"
                : "has text after the closing quote of a quoted value on line " + lines.lineOf(problem.offset())
                        + "; a quote inside a quoted value must be doubled (\"\")";
        batch.error(new IngestError(file, line, record, column, message, problem.field() + 1));
    }

    /** Line numbers of character offsets. */
    private static final class LineIndex {
        private final int[] starts;

        LineIndex(String text) {
            List<Integer> list = new ArrayList<>();
            list.add(0);
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    list.add(i + 1);
                }
            }
            starts = list.stream().mapToInt(Integer::intValue).toArray();
        }

        int lineOf(long offset) {
            int i = Arrays.binarySearch(starts, (int) offset);
            return i >= 0 ? i + 1 : -i - 1;
        }

        int offsetOf(int line) {
            return starts[Math.min(Math.max(line, 1), starts.length) - 1];
        }
    }

    /**
     * Where the quoting of a record goes wrong: the 0-based field, the offset of the problem, and whether a quoted
     * value is never closed (else text follows a closing quote).
     */
    record QuoteProblem(int field, int offset, boolean unclosed) {

        /** Scans one record from {@code start}; null when its quoting is fine. */
        static QuoteProblem find(String text, int start) {
            int p = start;
            int field = 0;
            int n = text.length();
            while (p < n) {
                if (text.charAt(p) == '"') {
                    p++;
                    while (true) {
                        int q = text.indexOf('"', p);
                        if (q < 0) {
                            return new QuoteProblem(field, n, true);
                        }
                        if (q + 1 < n && text.charAt(q + 1) == '"') {
                            p = q + 2;
                            continue;
                        }
                        p = q + 1;
                        break;
                    }
                    if (p >= n || text.charAt(p) == '\n' || text.charAt(p) == '\r') {
                        return null;
                    }
                    if (text.charAt(p) != ',') {
                        return new QuoteProblem(field, p, false);
                    }
                    p++;
                    field++;
                } else {
                    while (p < n && text.charAt(p) != ',' && text.charAt(p) != '\n' && text.charAt(p) != '\r') {
                        p++;
                    }
                    if (p >= n || text.charAt(p) != ',') {
                        return null;
                    }
                    p++;
                    field++;
                }
            }
            return null;
        }
    }
}
