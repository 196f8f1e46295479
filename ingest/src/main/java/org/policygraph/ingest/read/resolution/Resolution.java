package org.policygraph.ingest.read.resolution;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.policygraph.data.DefaultData;
import org.policygraph.ingest.IngestError;
import org.policygraph.ingest.read.GraphBatch;

/**
 * The resolution tables the dataset readers use, with any problems found reading them.
 *
 * <p>The readers are built with the tables shipped in the default data ({@link #builtIn()}) rather than with the
 * copy in the folder being ingested, because a reader reads one file at a time and the resolution folder may come
 * after the datasets. {@link ResolutionReader} checks that a folder's copy agrees with the built-in tables, so a
 * changed copy is an error rather than silently ignored.
 *
 * @param organisations the organisation table
 * @param countries     the country table
 * @param problems      what is wrong with the built-in tables (none, a test checks); see {@link #usable}
 */
public record Resolution(OrganisationTable organisations, CountryTable countries, List<IngestError> problems) {

    private static final Map<GraphBatch, Boolean> REPORTED = Collections.synchronizedMap(new WeakHashMap<>());

    public Resolution {
        problems = List.copyOf(problems);
    }

    /** The tables shipped in the default data ({@code policygraph/data/resolution/} on the classpath). */
    public static Resolution builtIn() {
        List<IngestError> problems = new ArrayList<>();
        OrganisationTable organisations = load(
                OrganisationTable.FILE,
                problems,
                OrganisationTable::empty,
                (file, text) -> OrganisationTable.parse(file, text, problems));
        CountryTable countries = load(
                CountryTable.FILE,
                problems,
                CountryTable::empty,
                (file, text) -> CountryTable.parse(file, text, problems));
        return new Resolution(organisations, countries, problems);
    }

    /**
     * Whether the dataset readers can use the tables. When they cannot (a table is missing or broken), the problems
     * are added to the batch, once per batch, and the reader should read nothing rather than report every name as
     * unknown.
     */
    public boolean usable(GraphBatch batch) {
        if (problems.isEmpty()) {
            return true;
        }
        if (REPORTED.put(batch, Boolean.TRUE) == null) {
            problems.forEach(batch::error);
        }
        return false;
    }

    /** Tables with no entries, for tests of readers that do not depend on them. */
    public static Resolution empty() {
        return new Resolution(OrganisationTable.empty(), CountryTable.empty(), List.of());
    }

    private static <T> T load(
            String file, List<IngestError> problems, Supplier<T> empty, BiFunction<String, String, T> parse) {
        byte[] bytes;
        try {
            bytes = DefaultData.read(file);
        } catch (RuntimeException e) {
            problems.add(new IngestError(file, 0, null, null, "is missing from the default data: " + e.getMessage()));
            return empty.get();
        }
        return parse.apply(file, new String(bytes, StandardCharsets.UTF_8));
    }
}
