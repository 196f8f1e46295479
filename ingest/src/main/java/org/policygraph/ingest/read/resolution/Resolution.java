package org.policygraph.ingest.read.resolution;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.policygraph.data.DefaultData;
import org.policygraph.ingest.IngestError;
import org.policygraph.ingest.read.GraphBatch;
import org.policygraph.model.resolution.CountryTable;
import org.policygraph.model.resolution.OrganisationTable;
import org.policygraph.model.resolution.ResolutionTables;

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
        ResolutionTables tables = ResolutionTables.read(DefaultData::read, IngestError.into(problems));
        return new Resolution(tables.organisations(), tables.countries(), problems);
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
}
