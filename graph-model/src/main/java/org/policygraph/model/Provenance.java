package org.policygraph.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How sources are stored on nodes and relationships: three parallel lists, {@code sources} (source ids),
 * {@code locators} and {@code quotes} (empty string where there is none), because Neo4j properties cannot hold
 * maps. The n-th entries of the three lists describe one {@link SourceRef}.
 */
public final class Provenance {

    public static final String SOURCES = "sources";
    public static final String LOCATORS = "locators";
    public static final String QUOTES = "quotes";

    private Provenance() {}

    /** Adds the three provenance lists for {@code refs} to a property map. */
    public static void put(Map<String, Object> properties, List<SourceRef> refs) {
        List<String> ids = new ArrayList<>();
        List<String> locators = new ArrayList<>();
        List<String> quotes = new ArrayList<>();
        for (SourceRef ref : refs) {
            ids.add(ref.source());
            locators.add(ref.locator());
            quotes.add(ref.quote() == null ? "" : ref.quote());
        }
        properties.put(SOURCES, ids);
        properties.put(LOCATORS, locators);
        properties.put(QUOTES, quotes);
    }

    /** Reads the source references back from stored properties. */
    public static List<SourceRef> read(Map<String, Object> properties) {
        List<?> ids = list(properties.get(SOURCES));
        List<?> locators = list(properties.get(LOCATORS));
        List<?> quotes = list(properties.get(QUOTES));
        List<SourceRef> refs = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String quote = i < quotes.size() ? String.valueOf(quotes.get(i)) : "";
            refs.add(new SourceRef(
                    String.valueOf(ids.get(i)),
                    i < locators.size() ? String.valueOf(locators.get(i)) : "",
                    quote.isEmpty() ? null : quote));
        }
        return refs;
    }

    /** Whether a property is one of the provenance lists. */
    public static boolean isProvenance(String property) {
        return SOURCES.equals(property) || LOCATORS.equals(property) || QUOTES.equals(property);
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> l ? l : List.of();
    }
}
