package org.policygraph.web.cypher;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A console result as CSV (RFC 4180, a header row of column names): strings as they are, null as an empty field,
 * numbers and booleans as written, lists, maps, nodes, relationships and paths as compact JSON.
 */
final class ResultCsv {

    private ResultCsv() {}

    static String of(ConsoleResult result) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(
                out,
                CSVFormat.RFC4180
                        .builder()
                        .setHeader(result.columns().toArray(String[]::new))
                        .get())) {
            for (List<Object> row : result.rows()) {
                for (Object value : row) {
                    csv.print(ResultReader.csv(value));
                }
                csv.println();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
