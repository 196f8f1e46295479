package org.policygraph.ingest.read;

import org.policygraph.ingest.IngestError;

import java.util.Optional;

/** A data file's text for the readers in sub-packages: strict UTF-8, a bad byte reported as an error with its line. */
public final class DataText {

    private DataText() {
    }

    /**
     * The file's text, without a byte-order mark.
     *
     * @return the text, or empty after adding an error to the batch when the file is not UTF-8
     */
    public static Optional<String> utf8(DataFile file, GraphBatch batch) {
        try {
            return Optional.of(Utf8.decode(file.bytes().get()));
        } catch (Utf8.NotUtf8Exception e) {
            batch.error(new IngestError(file.path(), e.where.line(), null, null, Utf8.describe(e.where)));
            return Optional.empty();
        }
    }
}
