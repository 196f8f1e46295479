package org.policygraph.ingest;

import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.neo4j.driver.Driver;
import org.policygraph.ingest.read.CaliforniaBillReader;
import org.policygraph.ingest.read.DataFile;
import org.policygraph.ingest.read.FileReader;
import org.policygraph.ingest.read.GraphBatch;
import org.policygraph.ingest.read.YamlRecordReader;
import org.policygraph.ingest.read.agora.AgoraReader;
import org.policygraph.ingest.read.aiid.AiidReader;
import org.policygraph.ingest.read.epoch.EpochReader;
import org.policygraph.ingest.read.fmti.FmtiReader;
import org.policygraph.ingest.read.formex.FormexReader;
import org.policygraph.ingest.read.legiscan.LegiScanReader;
import org.policygraph.ingest.read.osai.OsaiIndexReader;
import org.policygraph.ingest.read.resolution.DatasetResolution;
import org.policygraph.ingest.read.resolution.DatasetResolutionReader;
import org.policygraph.ingest.read.resolution.Resolution;
import org.policygraph.ingest.read.resolution.ResolutionReader;
import org.policygraph.ingest.validate.GraphValidator;
import org.policygraph.ingest.write.GraphWriter;
import org.policygraph.ingest.write.Removals;
import org.policygraph.ingest.write.WriteSummary;
import org.policygraph.model.Kind;
import org.policygraph.model.NodeRecord;
import org.policygraph.model.RelationshipRecord;

/**
 * The ingest pipeline: read every file, validate everything, and only if there is no error, write it all.
 * Readers are tried in order; a file no reader accepts is an error.
 */
public final class Ingest {

    private static final Logger LOG = Logger.getLogger(Ingest.class);

    /**
     * The outcome: what was read, what was written (empty on a dry run), and what the write took away from the
     * store (accepted with {@link Guard#allowRemovals()}; empty without a store).
     */
    public record Result(int nodesRead, int relationshipsRead, WriteSummary written, Removals removals) {

        public Result(int nodesRead, int relationshipsRead, WriteSummary written) {
            this(nodesRead, relationshipsRead, written, Removals.none());
        }
    }

    /**
     * What an input may take away from the store. Refused unless {@code allowRemovals}: a dataset file that gives
     * nothing (a CSV file with a header and no rows), and an input after which a source would lose more than
     * {@code maxRemovedShare} of the nodes and relationships citing it (and at least {@link #FLOOR} of them) lose it
     * or a property.
     */
    public record Guard(boolean allowRemovals, double maxRemovedShare) {

        /** The share of a source's facts an input may take away without --allow-removals. */
        public static final double DEFAULT_MAX_REMOVED_SHARE = 0.01;

        /** Fewer facts of a source than this may always be taken away: a curator's edit of a record or two. */
        public static final long FLOOR = 10;

        public Guard {
            if (!(maxRemovedShare >= 0 && maxRemovedShare <= 1)) {
                throw new IllegalArgumentException(
                        "the share of removals allowed must be between 0 and 1, not " + maxRemovedShare);
            }
        }

        /** Refuse empty datasets and sources losing more than 1% of their facts (and at least FLOOR). */
        public static Guard defaults() {
            return new Guard(false, DEFAULT_MAX_REMOVED_SHARE);
        }

        /** Accept every removal. */
        public static Guard permissive() {
            return new Guard(true, DEFAULT_MAX_REMOVED_SHARE);
        }
    }

    /** How many removals a message shows per source. */
    static final int EXAMPLES = 5;

    private final List<FileReader> readers;

    /** An ingest with every reader PolicyGraph has, for the default data and for data folders alike. */
    public static Ingest defaults() {
        Resolution resolution = Resolution.builtIn();
        DatasetResolution datasets = DatasetResolution.builtIn();
        return new Ingest(List.of(
                new YamlRecordReader(),
                new FormexReader(),
                new CaliforniaBillReader(),
                new AiidReader(resolution),
                new DatasetResolutionReader(datasets),
                new ResolutionReader(resolution),
                new EpochReader(resolution),
                new FmtiReader(resolution),
                new OsaiIndexReader(resolution),
                new AgoraReader(resolution, datasets),
                new LegiScanReader(resolution, datasets)));
    }

    public Ingest(List<FileReader> readers) {
        this.readers = List.copyOf(readers);
    }

    /** Reads every file into one batch; reading problems are collected in the batch. */
    public GraphBatch read(List<DataFile> files) {
        return read(files, Progress.NONE);
    }

    /** Reads every file into one batch, reporting each file read to {@code progress}. */
    public GraphBatch read(List<DataFile> files, Progress progress) {
        GraphBatch batch = new GraphBatch();
        int done = 0;
        for (DataFile file : files) {
            if (done > 0) {
                progress.at(done);
                progress.note(String.format(java.util.Locale.ROOT, "%,d records", batch.recordsGiven()));
            }
            done++;
            FileReader reader =
                    readers.stream().filter(r -> r.accepts(file)).findFirst().orElse(null);
            if (reader == null) {
                batch.error(new IngestError(
                        file.path(),
                        0,
                        null,
                        null,
                        "no reader knows this file: put curated records in a kind folder (for example regulations/) "
                                + "as .yaml, or a dataset in its own folder"));
                continue;
            }
            reader.read(file, batch);
        }
        progress.at(done);
        progress.note(String.format(java.util.Locale.ROOT, "%,d records", batch.recordsGiven()));
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
        return run(files, driver, dryRun, options, Guard.defaults());
    }

    /**
     * Reads, validates, checks what the input would take away from the store ({@link Guard}) and (unless
     * {@code dryRun}) writes.
     *
     * @throws ValidationFailedException with every error, when the input has any; nothing is written then
     * @throws RemovalsRefusedException  when the input would take away more than {@code guard} allows; nothing is
     *                                   written then
     */
    public Result run(List<DataFile> files, Driver driver, boolean dryRun, GraphWriter.Options options, Guard guard) {
        return run(files, driver, dryRun, options, guard, Progress.NONE);
    }

    /**
     * As {@link #run(List, Driver, boolean, GraphWriter.Options, Guard)}, reporting each stage (read, validate,
     * compare with the store, write) to {@code progress}.
     */
    public Result run(
            List<DataFile> files,
            Driver driver,
            boolean dryRun,
            GraphWriter.Options options,
            Guard guard,
            Progress progress) {
        progress.start(Progress.Stage.READ, files.size());
        GraphBatch batch;
        try {
            batch = read(files, progress);
        } finally {
            progress.end();
        }
        GraphWriter writer = driver == null ? null : new GraphWriter(driver, options).progress(progress::at);
        List<NodeRecord> nodes = batch.nodes();
        List<RelationshipRecord> relationships = batch.relationships();
        long records = (long) nodes.size() + relationships.size();
        List<IngestError> errors;
        progress.start(Progress.Stage.VALIDATE, records);
        try (GraphValidator validator = new GraphValidator()) {
            errors = validator.validate(
                    batch, ids -> writer == null ? Map.<String, Kind>of() : writer.existingKinds(ids), progress::at);
        } finally {
            progress.end();
        }
        if (!errors.isEmpty()) {
            // each error once, at the place that caused it
            throw new ValidationFailedException(errors.stream().distinct().toList());
        }
        LOG.infof("read %d nodes and %d relationships from %d files", nodes.size(), relationships.size(), files.size());
        Removals removals = Removals.none();
        if (writer != null) {
            progress.start(Progress.Stage.COMPARE, records);
            try {
                removals = writer.removals(nodes, relationships);
            } finally {
                progress.end();
            }
        }
        guard(batch, removals, guard);
        if (dryRun || writer == null) {
            return new Result(nodes.size(), relationships.size(), new WriteSummary(), removals);
        }
        writer.applySchema();
        WriteSummary summary;
        progress.start(Progress.Stage.WRITE, records);
        try {
            summary = writer.write(nodes, relationships);
        } finally {
            progress.end();
        }
        if (!removals.isEmpty()) {
            LOG.warnf("the write took away what the store held:%n%s", removals.describe(EXAMPLES));
        }
        return new Result(nodes.size(), relationships.size(), summary, removals);
    }

    private static void guard(GraphBatch batch, Removals removals, Guard guard) {
        if (guard.allowRemovals()) {
            return;
        }
        List<Removals.Cut> cuts = removals.cuts(guard.maxRemovedShare(), Guard.FLOOR);
        if (batch.emptyDatasets().isEmpty() && cuts.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder("the input would take away what the store holds; nothing was written:\n");
        for (IngestError empty : batch.emptyDatasets()) {
            sb.append("  ").append(empty).append('\n');
        }
        for (Removals.Cut cut : cuts) {
            sb.append(String.format(
                    "  %s would lose %d of the %d nodes and relationships citing it (%s%%; at "
                            + "most %s%% may go without --allow-removals)%n",
                    cut.source(),
                    cut.lost(),
                    cut.given(),
                    percent((double) cut.lost() / Math.max(1, cut.given())),
                    percent(guard.maxRemovedShare())));
        }
        if (!removals.isEmpty()) {
            sb.append("what the write would take away, per source:\n").append(removals.describe(EXAMPLES));
        } else {
            sb.append("  (nothing that the input writes would lose a source or a property: what the store holds from "
                    + "an empty file's source stays as it is, but the file no longer gives any of it)\n");
        }
        sb.append("if this is meant (a source that really dropped these records), run again with --allow-removals");
        throw new RemovalsRefusedException(sb.toString(), batch.emptyDatasets(), cuts, removals);
    }

    /** A share as a percentage of at most two decimals: 0.01 is "1", 0.025 is "2.5". */
    static String percent(double share) {
        return java.math.BigDecimal.valueOf(100 * share)
                .setScale(2, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros()
                .toPlainString();
    }
}
