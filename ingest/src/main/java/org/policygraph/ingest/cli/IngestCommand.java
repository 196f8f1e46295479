package org.policygraph.ingest.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.exceptions.Neo4jException;
import org.policygraph.data.EmbeddedNeo4j;
import org.policygraph.ingest.Ingest;
import org.policygraph.ingest.IngestException;
import org.policygraph.ingest.Progress;
import org.policygraph.ingest.RemovalsRefusedException;
import org.policygraph.ingest.ValidationFailedException;
import org.policygraph.ingest.read.DataFile;
import org.policygraph.ingest.read.DataFiles;
import org.policygraph.ingest.write.GraphWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code policygraph-ingest [--uri URI [--password-file FILE] | --store DIR] [--dry-run] [FOLDER]}: validates a data folder and writes it
 * to Neo4j. Exit codes: 0 done, 1 the input has errors (nothing written), 2 bad usage, 3 the database failed (or
 * the store is open in another process), 4 the input would take away what the store holds (nothing written; see
 * {@code --allow-removals}).
 */
@Command(
        name = "policygraph-ingest",
        mixinStandardHelpOptions = true,
        version = "policygraph-ingest 0.1",
        description = "Validates a PolicyGraph data folder and writes it to Neo4j with MERGE on ids. "
                + "Every error is reported with its file, line and field; if there is any, nothing is written.")
public final class IngestCommand implements Callable<Integer> {

    static final int INPUT_ERRORS = 1;
    static final int USAGE = 2;
    static final int DATABASE = 3;
    static final int REMOVALS = 4;

    @Parameters(
            arity = "0..1",
            paramLabel = "FOLDER",
            description = "The data folder (one folder per kind; see neo4j-data/DATA-FORMAT.md). "
                    + "Default: the default data shipped with PolicyGraph.")
    Path folder;

    @Option(
            names = "--uri",
            paramLabel = "URI",
            defaultValue = "${env:NEO4J_URI}",
            description = "Bolt URI of a running Neo4j 5 server or cluster (bolt:// or neo4j://). Default: $NEO4J_URI.")
    String uri;

    @Option(
            names = "--user",
            defaultValue = "${env:NEO4J_USERNAME:-neo4j}",
            description = "User name. Default: $NEO4J_USERNAME, else neo4j.")
    String user;

    @Option(
            names = "--password",
            defaultValue = "${env:NEO4J_PASSWORD}",
            arity = "0..1",
            interactive = false,
            description = "Password. Default: $NEO4J_PASSWORD.")
    String password;

    @Option(
            names = "--password-file",
            paramLabel = "FILE",
            description = "Read the user and password from a file instead: the policygraph-credentials file in the "
                    + "store directory of a running site (user= and password= lines), or a file whose first line is "
                    + "the password.")
    Path passwordFile;

    @Option(
            names = "--store",
            paramLabel = "DIR",
            description = "Write to an embedded store directory instead (the site's policygraph.embedded.dir; "
                    + "stop the site first, a store is opened by one process at a time; to write into the store of a "
                    + "running site use --uri with its Bolt port and --password-file DIR/policygraph-credentials).")
    Path store;

    @Option(names = "--dry-run", description = "Validate only; write nothing.")
    boolean dryRun;

    @Option(
            names = "--allow-removals",
            description = "Accept an input that takes away what the store holds: a dataset file with a header and "
                    + "no rows, or a source losing more than --max-removed-share of the nodes and relationships "
                    + "citing it. Without it such an input is refused (exit 4) and nothing is written; with it the "
                    + "summary lists what was taken away.")
    boolean allowRemovals;

    @Option(
            names = "--max-removed-share",
            paramLabel = "SHARE",
            defaultValue = "" + Ingest.Guard.DEFAULT_MAX_REMOVED_SHARE,
            description = "The share (0 to 1) of a source's nodes and relationships an input may take away (their "
                    + "source or a property) without --allow-removals; fewer than " + Ingest.Guard.FLOOR
                    + " may always go. Default: ${DEFAULT-VALUE}.")
    double maxRemovedShare;

    @Option(
            names = "--transaction-limit",
            paramLabel = "N",
            defaultValue = "" + GraphWriter.Options.DEFAULT_SINGLE_TRANSACTION_LIMIT,
            description = "Inputs of up to N records (nodes and relationships) are written in one transaction, "
                    + "all or nothing; larger ones in batches, and a write stopped half way is completed by running "
                    + "ingest again. Default: ${DEFAULT-VALUE}.")
    int transactionLimit;

    @Option(
            names = "--batch-size",
            paramLabel = "N",
            defaultValue = "" + GraphWriter.Options.DEFAULT_BATCH_SIZE,
            description = "Records per query, and per transaction when writing in batches. Default: ${DEFAULT-VALUE}.")
    int batchSize;

    @Option(
            names = "--threads",
            paramLabel = "N",
            description = "Batches written at the same time. Default: the number of processors, at most 8.")
    Integer threads;

    @Option(
            names = "--progress",
            paramLabel = "HOW",
            defaultValue = "auto",
            description = "How progress is shown on standard error: bar (a progress bar per stage: read, validate, "
                    + "compare with the store, write), lines (one plain line per stage, for logs), none, or auto: "
                    + "bar on a terminal, else lines. Default: ${DEFAULT-VALUE}.")
    String progress;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        CliLogging.configure(); // first: the readers' loggers are created as their classes load
        System.exit(new CommandLine(new IngestCommand()).execute(args));
    }

    /** The progress display --progress asks for. */
    private Progress progress(PrintWriter err) {
        return switch (progress) {
            case "bar" -> new ProgressBars(err, 0).logAboveTheBar();
            case "lines" -> new StageLines(err);
            case "none" -> Progress.NONE;
            case "auto" -> System.console() != null ? new ProgressBars(err, 0).logAboveTheBar() : new StageLines(err);
            default -> throw new IllegalStateException("checked in call(): " + progress);
        };
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (uri != null && uri.isBlank()) {
            uri = null;
        }
        if (uri != null && store != null) {
            err.println("give either --uri or --store, not both");
            return USAGE;
        }
        if (uri == null && store == null && !dryRun) {
            err.println("say where to write: --uri bolt://host:7687 (or set NEO4J_URI), or --store DIR; "
                    + "or validate only with --dry-run");
            return USAGE;
        }
        if (passwordFile != null && uri == null) {
            err.println("--password-file goes with --uri (a --store needs no password: its own is used)");
            return USAGE;
        }
        if (passwordFile != null) {
            try {
                EmbeddedNeo4j.Credentials credentials = EmbeddedNeo4j.readCredentials(passwordFile);
                user = credentials.user();
                password = credentials.password();
            } catch (RuntimeException e) {
                err.println("cannot read the password file " + passwordFile + ": " + e.getMessage());
                return USAGE;
            }
        }
        if (!(maxRemovedShare >= 0 && maxRemovedShare <= 1)) {
            err.println("--max-removed-share must be between 0 and 1, like 0.1 for 10%");
            return USAGE;
        }
        if (batchSize < 1 || transactionLimit < 0 || (threads != null && threads < 1)) {
            err.println("--batch-size and --threads must be at least 1, and --transaction-limit must not be negative");
            return USAGE;
        }
        if (!List.of("auto", "bar", "lines", "none").contains(progress)) {
            err.println("--progress is bar, lines, none or auto, not '" + progress + "'");
            return USAGE;
        }
        List<DataFile> files;
        try {
            files = folder == null ? DataFiles.defaults() : DataFiles.folder(folder);
        } catch (IngestException e) {
            err.println(e.getMessage());
            return USAGE;
        }
        EmbeddedNeo4j embedded = null;
        Driver driver = null;
        Progress shown = Progress.NONE;
        try {
            if (store != null) {
                try {
                    embedded = EmbeddedNeo4j.start(store, 0);
                } catch (RuntimeException e) {
                    err.println(
                            EmbeddedNeo4j.heldByAnotherProcess(e)
                                    ? "the store " + store + " is open in another process: stop the site, "
                                            + "or ingest through it (--uri with the Bolt port it logs at start, and --password-file "
                                            + store.resolve(EmbeddedNeo4j.CREDENTIALS_FILE) + ")"
                                    : "cannot open the store " + store + ": " + rootMessage(e));
                    return DATABASE;
                }
                driver = GraphDatabase.driver(embedded.boltUri(), embedded.authToken());
            } else if (uri != null) {
                driver = password == null
                        ? GraphDatabase.driver(uri)
                        : GraphDatabase.driver(uri, AuthTokens.basic(user, password));
                driver.verifyConnectivity();
            }
            GraphWriter.Options options = new GraphWriter.Options(
                    batchSize,
                    transactionLimit,
                    threads == null ? GraphWriter.Options.defaults().threads() : threads);
            shown = progress(err);
            Ingest.Result result = Ingest.defaults()
                    .run(files, driver, dryRun, options, new Ingest.Guard(allowRemovals, maxRemovedShare), shown);
            out.printf(
                    "read %d nodes and %d relationships from %d files%n",
                    result.nodesRead(), result.relationshipsRead(), files.size());
            if (dryRun) {
                out.println("dry run: the input is valid; nothing was written");
            } else {
                out.println(result.written().describe());
            }
            if (!result.removals().isEmpty()) {
                out.print((dryRun ? "the write would take away from the store" : "taken away from the store") + ":"
                        + System.lineSeparator() + result.removals().describe(Integer.MAX_VALUE));
            }
            out.flush();
            return 0;
        } catch (ValidationFailedException e) {
            err.println(e.getMessage());
            return INPUT_ERRORS;
        } catch (RemovalsRefusedException e) {
            err.println(e.getMessage());
            return REMOVALS;
        } catch (IngestException | Neo4jException e) {
            err.println("database error: " + e.getMessage());
            return DATABASE;
        } finally {
            if (driver != null) {
                driver.close();
            }
            if (embedded != null) {
                embedded.close();
            }
            if (shown instanceof ProgressBars bars) {
                bars.close();
            }
            err.flush();
        }
    }
}
