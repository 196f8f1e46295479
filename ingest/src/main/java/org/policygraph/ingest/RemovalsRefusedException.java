package org.policygraph.ingest;

import java.util.List;
import org.policygraph.ingest.write.Removals;

/**
 * Thrown when the input would take away what the store holds (an empty dataset, or a source losing more than the
 * allowed share of its facts) and removals were not accepted; nothing has been written. The message says what
 * would be lost, with counts and examples.
 */
public class RemovalsRefusedException extends IngestException {

    private final List<IngestError> emptyDatasets;
    private final List<Removals.Cut> cuts;
    private final Removals removals;

    public RemovalsRefusedException(
            String message, List<IngestError> emptyDatasets, List<Removals.Cut> cuts, Removals removals) {
        super(message);
        this.emptyDatasets = List.copyOf(emptyDatasets);
        this.cuts = List.copyOf(cuts);
        this.removals = removals;
    }

    /** The dataset files that give nothing. */
    public List<IngestError> emptyDatasets() {
        return emptyDatasets;
    }

    /** The sources that would lose more than the allowed share. */
    public List<Removals.Cut> cuts() {
        return cuts;
    }

    /** Everything the write would take away. */
    public Removals removals() {
        return removals;
    }
}
