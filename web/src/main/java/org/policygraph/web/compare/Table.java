package org.policygraph.web.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A comparison's rows being filled, column by column: row key to column id to the cell's entries. */
final class Table {

    private final Map<String, String> headings = new LinkedHashMap<>();
    private final Map<String, Map<String, List<Cell>>> cells = new LinkedHashMap<>();

    /** Adds a row, in order. */
    Table row(String key, String heading) {
        headings.put(key, heading);
        cells.put(key, new LinkedHashMap<>());
        return this;
    }

    /** Sets a cell's entries; null (nothing recorded) leaves the cell out, so that it shows as empty. */
    void put(String row, String column, List<Cell> entries) {
        if (entries != null) {
            cells.get(row).put(column, entries);
        }
    }

    /** Adds one entry to a cell. */
    void add(String row, String column, Cell entry) {
        cells.get(row).computeIfAbsent(column, k -> new ArrayList<>()).add(entry);
    }

    boolean has(String row) {
        return cells.containsKey(row);
    }

    /** The rows, in the order added. */
    List<Comparison.ComparisonRow> rows() {
        List<Comparison.ComparisonRow> out = new ArrayList<>();
        cells.forEach((k, v) -> out.add(new Comparison.ComparisonRow(k, headings.get(k), v)));
        return out;
    }
}
