package org.policygraph.ingest.write;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a write would take away from what the store holds. The writer replaces the properties of every node and
 * relationship it writes with those of the record ({@link GraphWriter}), so a record that a source no longer gives
 * (an Epoch file with a header and no rows, while another dataset still gives the same model) loses that source's
 * facts: its release date, compute and parameters, and the source itself. This is the list of those losses, per
 * stored node or relationship, and per source: how many of the facts it gave before would lose it or one of their
 * properties.
 */
public final class Removals {

    /**
     * One stored node or relationship that the write would change by taking something away.
     *
     * @param what       "Model gpt-4" or "DEVELOPS openai -> gpt-4"
     * @param sources    the sources it cites now and would no longer cite
     * @param properties the properties it has now and would no longer have
     * @param cited      the sources the loss counts against: those it would lose, or, when it keeps its sources
     *                   and loses only properties, those it cites
     */
    public record Removal(String what, List<String> sources, List<String> properties, List<String> cited) {

        public Removal {
            sources = List.copyOf(sources);
            properties = List.copyOf(properties);
            cited = List.copyOf(cited);
        }

        /** "Model gpt-4 would lose released, parameters and its source epoch-ai-models". */
        @Override
        public String toString() {
            List<String> lost = new ArrayList<>(properties);
            if (!sources.isEmpty()) {
                lost.add((sources.size() == 1 ? "its source " : "its sources ") + String.join(", ", sources));
            }
            return what + " would lose " + join(lost);
        }
    }

    /** A source whose stored facts the write would cut by more than the allowed share. */
    public record Cut(String source, long lost, long given) {}

    private final Map<String, Long> given;
    private final List<Removal> removals;
    private final Map<String, Long> lost = new TreeMap<>();

    Removals(Map<String, Long> given, List<Removal> removals) {
        this.given = Collections.unmodifiableMap(new TreeMap<>(given));
        this.removals = List.copyOf(removals);
        for (Removal r : removals) {
            for (String source : r.cited()) {
                lost.merge(source, 1L, Long::sum);
            }
        }
    }

    /** Nothing would be removed (a new store, or an input that only adds and changes). */
    public static Removals none() {
        return new Removals(Map.of(), List.of());
    }

    public boolean isEmpty() {
        return removals.isEmpty();
    }

    /** Every removal, in the order of the records written. */
    public List<Removal> removals() {
        return removals;
    }

    /** Per source: how many stored nodes and relationships cite it. */
    public Map<String, Long> given() {
        return given;
    }

    /** Per source: how many of the stored facts citing it would lose it or a property. */
    public Map<String, Long> lost() {
        return Collections.unmodifiableMap(lost);
    }

    /**
     * The sources that would lose more than {@code share} of the facts they gave, counting only those that lose at
     * least {@code floor} (a curator's edit of a record or two is not a loss to stop for).
     */
    public List<Cut> cuts(double share, long floor) {
        List<Cut> cuts = new ArrayList<>();
        lost.forEach((source, n) -> {
            long of = given.getOrDefault(source, 0L);
            if (n >= floor && n > share * of) {
                cuts.add(new Cut(source, n, of));
            }
        });
        return cuts;
    }

    /** Per source, the count and up to {@code examples} of the removals citing it, one a line. */
    public String describe(int examples) {
        StringBuilder sb = new StringBuilder();
        lost.forEach((source, n) -> {
            sb.append(String.format(
                    "  %s: %d of the %d nodes and relationships citing it would lose it or a " + "property%n",
                    source, n, given.getOrDefault(source, 0L)));
            removals.stream()
                    .filter(r -> r.cited().contains(source))
                    .limit(examples)
                    .forEach(r -> sb.append("    ").append(r).append(System.lineSeparator()));
            if (n > examples) {
                sb.append(String.format("    and %d more%n", n - examples));
            }
        });
        return sb.toString();
    }

    private static String join(List<String> parts) {
        if (parts.size() <= 1) {
            return String.join("", parts);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }
}
