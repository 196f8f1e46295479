package org.policygraph.bench.ingest;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.neo4j.driver.Driver;
import org.policygraph.ingest.Ingest;
import org.policygraph.ingest.IngestError;
import org.policygraph.ingest.ValidationFailedException;
import org.policygraph.ingest.read.DataFiles;
import org.policygraph.ingest.read.GraphBatch;
import org.policygraph.ingest.validate.GraphValidator;
import org.policygraph.ingest.write.GraphWriter;
import org.policygraph.ingest.write.WriteSummary;
import org.policygraph.model.Kind;

/**
 * Runs PolicyGraph's ingest on a data folder into a database, timing its three steps. The steps are
 * {@link Ingest#run}'s, taken one by one so that each can be timed: read every file, validate everything, write.
 */
public final class IngestBenchmark {

    private static final Logger LOG = Logger.getLogger(IngestBenchmark.class);

    /**
     * What one ingest did.
     *
     * @param nodes          nodes written
     * @param relationships  relationships written
     * @param readMillis     reading every file into records
     * @param validateMillis validating them
     * @param writeMillis    writing them over Bolt
     * @param batch          the records, for the LOAD CSV baseline
     * @param written        what the writer says it did
     */
    public record Outcome(
            long nodes,
            long relationships,
            long readMillis,
            long validateMillis,
            long writeMillis,
            GraphBatch batch,
            WriteSummary written) {

        public long records() {
            return nodes + relationships;
        }

        /** The same outcome without the records, so that they can be collected. */
        public Outcome withoutBatch() {
            return new Outcome(nodes, relationships, readMillis, validateMillis, writeMillis, null, written);
        }

        /** From files to graph. */
        public long totalMillis() {
            return readMillis + validateMillis + writeMillis;
        }
    }

    private IngestBenchmark() {}

    /** Ingests a folder into an empty database (the schema is applied first, untimed). */
    public static Outcome run(Path folder, Driver driver, GraphWriter.Options options) {
        GraphWriter writer = new GraphWriter(driver, options);
        writer.applySchema();
        long t0 = System.nanoTime();
        GraphBatch batch = Ingest.defaults().read(DataFiles.folder(folder));
        var nodes = batch.nodes();
        var relationships = batch.relationships();
        long t1 = System.nanoTime();
        List<IngestError> errors;
        try (GraphValidator validator = new GraphValidator()) {
            errors = validator.validate(batch, ids -> Map.<String, Kind>of());
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailedException(errors);
        }
        long t2 = System.nanoTime();
        LOG.infof(
                "read %d nodes and %d relationships in %d ms, validated them in %d ms; writing",
                nodes.size(), relationships.size(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
        WriteSummary written = writer.write(nodes, relationships);
        long t3 = System.nanoTime();
        LOG.infof("wrote them in %d ms", (t3 - t2) / 1_000_000);
        return new Outcome(
                nodes.size(),
                relationships.size(),
                (t1 - t0) / 1_000_000,
                (t2 - t1) / 1_000_000,
                (t3 - t2) / 1_000_000,
                batch,
                written);
    }
}
