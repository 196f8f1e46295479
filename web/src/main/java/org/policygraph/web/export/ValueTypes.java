package org.policygraph.web.export;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Maps the value types Neo4j reports for a property ({@code valueType()}: "STRING NOT NULL",
 * "LIST<FLOAT NOT NULL> NOT NULL", ...) to the types export formats declare. A property whose values have more than
 * one type (rare; the graph-model gives every property one type) is declared as a string.
 */
final class ValueTypes {

    private static final Map<String, String> IMPORT = Map.ofEntries(
            Map.entry("STRING", "string"),
            Map.entry("INTEGER", "long"),
            Map.entry("FLOAT", "double"),
            Map.entry("BOOLEAN", "boolean"),
            Map.entry("DATE", "date"),
            Map.entry("LOCAL DATETIME", "localdatetime"),
            Map.entry("ZONED DATETIME", "datetime"),
            Map.entry("LOCAL TIME", "localtime"),
            Map.entry("ZONED TIME", "time"),
            Map.entry("DURATION", "duration"));

    private ValueTypes() {}

    /** The one type of a property, without "NOT NULL" ("STRING", "LIST<FLOAT>"), or null when it has several. */
    static String single(Set<String> valueTypes) {
        Set<String> types = new TreeSet<>();
        for (String t : valueTypes) {
            types.add(t.replace(" NOT NULL", "").strip());
        }
        if (types.size() > 1) {
            types.remove("LIST<NOTHING>"); // an empty list fits any list type
        }
        if (types.size() == 1) {
            String t = types.iterator().next();
            return t.equals("LIST<NOTHING>") ? "LIST<STRING>" : t;
        }
        return null;
    }

    /** The neo4j-admin import type of a property ("string", "double", "string[]", ...). */
    static String importType(Set<String> valueTypes) {
        String t = single(valueTypes);
        if (t == null) {
            return "string";
        }
        if (t.startsWith("LIST<") && t.endsWith(">")) {
            String element = IMPORT.get(t.substring(5, t.length() - 1));
            return element == null ? "string" : element + "[]";
        }
        return IMPORT.getOrDefault(t, "string");
    }

    /** The GraphML attr.type of a property: long, double or boolean, else string (lists as JSON text). */
    static String graphmlType(Set<String> valueTypes) {
        String t = single(valueTypes);
        if (t == null) {
            return "string";
        }
        return switch (t) {
            case "INTEGER" -> "long";
            case "FLOAT" -> "double";
            case "BOOLEAN" -> "boolean";
            default -> "string";
        };
    }
}
