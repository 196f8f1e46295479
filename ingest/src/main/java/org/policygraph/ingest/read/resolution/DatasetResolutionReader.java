package org.policygraph.ingest.read.resolution;

import java.util.ArrayList;
import java.util.List;
import org.policygraph.ingest.IngestError;
import org.policygraph.ingest.read.DataFile;
import org.policygraph.ingest.read.DataText;
import org.policygraph.ingest.read.FileReader;
import org.policygraph.ingest.read.GraphBatch;

/**
 * Reads {@code resolution/instruments.yaml} and {@code resolution/us-states.yaml}: checks each (every error with
 * its line) and that it agrees with the tables the readers were built with. Adds no records. Registered before
 * {@link ResolutionReader}, which reads the other resolution files.
 */
public final class DatasetResolutionReader implements FileReader {

    private final DatasetResolution builtIn;

    public DatasetResolutionReader(DatasetResolution builtIn) {
        this.builtIn = builtIn;
    }

    @Override
    public boolean accepts(DataFile file) {
        return file.path().equals(InstrumentTable.FILE) || file.path().equals(UsStateTable.FILE);
    }

    @Override
    public void read(DataFile file, GraphBatch batch) {
        String text = DataText.utf8(file, batch).orElse(null);
        if (text == null) {
            return;
        }
        DataText.cutShort(file, text).ifPresent(batch::error);
        List<IngestError> errors = new ArrayList<>();
        Object read;
        Object used;
        if (file.path().equals(InstrumentTable.FILE)) {
            read = InstrumentTable.parse(file.path(), text, errors);
            used = builtIn.instruments();
        } else {
            read = UsStateTable.parse(file.path(), text, errors);
            used = builtIn.states();
        }
        errors.forEach(batch::error);
        if (errors.isEmpty() && !read.equals(used)) {
            batch.error(new IngestError(
                    file.path(),
                    0,
                    null,
                    null,
                    "differs from the table built into PolicyGraph "
                            + "(neo4j-data, policygraph/data/" + file.path()
                            + "), which the AGORA and LegiScan readers use; "
                            + "make the change there and rebuild"));
        }
    }
}
