package org.policygraph.ingest.read;

/** Reads one kind of data file into a batch; reports problems as errors in the batch instead of throwing. */
public interface FileReader {

    /** Whether this reader reads the file. */
    boolean accepts(DataFile file);

    /** Reads the file, adding records and errors to the batch. */
    void read(DataFile file, GraphBatch batch);
}
