package org.policygraph.ingest;

import org.jboss.logging.Logger;
import org.neo4j.driver.Driver;
import org.policygraph.ingest.read.CaliforniaBillReader;
import org.policygraph.ingest.read.DataFile;
import org.policygraph.ingest.read.FileReader;
import org.policygraph.ingest.read.GraphBatch;
import org.policygraph.ingest.read.YamlRecordReader;
import org.policygraph.ingest.read.aiid.AiidReader;
import org.policygraph.ingest.read.formex.FormexReader;
import org.policygraph.ingest.read.epoch.EpochReader;
import org.policygraph.ingest.read.fmti.FmtiReader;
import org.policygraph.ingest.read.osai.OsaiIndexReader;
import org.policygraph.ingest.read.agora.AgoraReader;
import org.policygraph.ingest.read.legiscan.LegiScanReader;
import org.policygraph.ingest.read.resolution.DatasetResolution;
import org.policygraph.ingest.read.resolution.DatasetResolutionReader;
import org.policygraph.ingest.read.resolution.Resolution;
import org.policygraph.ingest.read.resolution.ResolutionReader;
import org.policygraph.ingest.validate.GraphValidator;
import org.policygraph.ingest.write.GraphWriter;
import org.policygraph.ingest.write.WriteSummary;
import org.policygraph.model.Kind;

import java.util.List;
import java.util.Map;

/**
 * The ingest pipeline: read every file, validate everything, and only if there is no error, write it all.
 * Readers are tried in order; a file no reader accepts is an error.
 */
public final class Ingest {

    private static final Logger LOG = Logger.getLogger(Ingest.class);

    /** The outcome: what was read, and what was written (empty on a dry run). */
    public record Result(int nodesRead, int relationshipsRead, WriteSummary written) {
    }

    private final List<FileReader> readers;

    /** An ingest with every reader PolicyGraph has, for the default data and for data folders alike. */
    public static Ingest defaults() {
        Resolution resolution = Resolution.builtIn();
        DatasetResolution datasets = DatasetResolution.builtIn();
        return new Ingest(List.of(new YamlRecordReader(), new FormexReader(), new CaliforniaBillReader(),
                new AiidReader(resolution), new DatasetResolutionReader(datasets), new ResolutionReader(resolution),
                new EpochReader(resolution), new FmtiReader(resolution), new OsaiIndexReader(resolution),
                new AgoraReader(resolution, datasets), new LegiScanReader(resolution, datasets)));
    }

    public Ingest(List<FileReader> readers) {
        this.readers = List.copyOf(readers);
    }

    /** Reads every file into one batch; reading problems are collected in the batch. */
    public GraphBatch read(List<DataFile> files) {
        GraphBatch batch = new GraphBatch();
        for (DataFile file : files) {
            FileReader reader = readers.stream().filter(r -> r.accepts(file)).findFirst().orElse(null);
            if (reader == null) {
                batch.error(new IngestError(file.path(), 0, null, null,
                        "no reader knows this file: put curated records in a kind folder (for example regulations/) "
                                + "as .yaml, or a dataset in its own folder"));
                continue;
            }
            reader.read(file, batch);
        }
        return batch;
    }

    /**
     * Reads, validates and (unless {@code dryRun}) writes.
     *
     * @param files  the input
     * @param driver the database, or null to validate without one (references must then resolve in the files)
     * @param dryRun validate only
     * @throws ValidationFailedException with every error, when the input has any; nothing is written then
     */
    public Result run(List<DataFile> files, Driver driver, boolean dryRun) {
        return run(files, driver, dryRun, GraphWriter.Options.defaults());
    }

    /**
     * Reads, validates and (unless {@code dryRun}) writes, cutting the write into transactions as {@code options}
     * say (see {@link GraphWriter}).
     */
    public Result run(List<DataFile> files, Driver driver, boolean dryRun, GraphWriter.Options options) {
        GraphBatch batch = read(files);
        GraphWriter writer = driver == null ? null : new GraphWriter(driver, options);
        List<IngestError> errors;
        try (GraphValidator validator = new GraphValidator()) {
            errors = validator.validate(batch, ids -> writer == null ? Map.<String, Kind>of() : writer.existingKinds(ids));
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailedException(errors);
        }
        LOG.infof("read %d nodes and %d relationships from %d files", batch.nodes().size(),
                batch.relationships().size(), files.size());
        if (dryRun || writer == null) {
            return new Result(batch.nodes().size(), batch.relationships().size(), new WriteSummary());
        }
        writer.applySchema();
        WriteSummary summary = writer.write(batch.nodes(), batch.relationships());
        return new Result(batch.nodes().size(), batch.relationships().size(), summary);
    }
}
