package org.policygraph.ingest.read.resolution;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.policygraph.data.DefaultData;
import org.policygraph.ingest.IngestError;
import org.policygraph.ingest.read.GraphBatch;

/**
 * The tables the instrument datasets' readers (AGORA, LegiScan) use besides {@link Resolution}: the instrument
 * merge table and the US states. Built from the copies in the default data, like {@link Resolution#builtIn()};
 * {@link DatasetResolutionReader} checks that a folder's copies agree.
 *
 * @param instruments the instrument merge table
 * @param states      the US states
 * @param problems    what is wrong with the built-in tables (none, a test checks)
 */
public record DatasetResolution(InstrumentTable instruments, UsStateTable states, List<IngestError> problems) {

    private static final Map<GraphBatch, Boolean> REPORTED = Collections.synchronizedMap(new WeakHashMap<>());

    public DatasetResolution {
        problems = List.copyOf(problems);
    }

    public static DatasetResolution builtIn() {
        List<IngestError> problems = new ArrayList<>();
        InstrumentTable instruments = InstrumentTable.empty();
        UsStateTable states = UsStateTable.empty();
        String text = load(InstrumentTable.FILE, problems);
        if (text != null) {
            instruments = InstrumentTable.parse(InstrumentTable.FILE, text, problems);
        }
        text = load(UsStateTable.FILE, problems);
        if (text != null) {
            states = UsStateTable.parse(UsStateTable.FILE, text, problems);
        }
        return new DatasetResolution(instruments, states, problems);
    }

    /** Tables with no entries. */
    public static DatasetResolution empty() {
        return new DatasetResolution(InstrumentTable.empty(), UsStateTable.empty(), List.of());
    }

    /** Whether readers can use the tables; if not, the problems are added to the batch once. */
    public boolean usable(GraphBatch batch) {
        if (problems.isEmpty()) {
            return true;
        }
        if (REPORTED.put(batch, Boolean.TRUE) == null) {
            problems.forEach(batch::error);
        }
        return false;
    }

    private static String load(String file, List<IngestError> problems) {
        try {
            return new String(DefaultData.read(file), StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            problems.add(new IngestError(file, 0, null, null, "is missing from the default data: " + e.getMessage()));
            return null;
        }
    }
}
