package org.policygraph.bench.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jboss.logging.Logger;
import org.neo4j.driver.Driver;

/**
 * Times Cypher-script exports of one database into files, taking turns (ours, APOC, ours, APOC...) so that neither
 * has the other's warm caches to itself, and keeps each one's fastest run.
 */
public final class ExportBenchmark {

    private static final Logger LOG = Logger.getLogger(ExportBenchmark.class);

    /**
     * An export's best run.
     *
     * @param name     the exporter
     * @param exported what it wrote
     * @param millis   its fastest run
     * @param bytes    the file's size
     */
    public record Timed(String name, CypherScriptExport.Exported exported, long millis, long bytes) {

        /** Nodes and relationships per second. */
        public double perSecond() {
            return (exported.nodes() + exported.relationships()) / Math.max(0.001, millis / 1000.0);
        }
    }

    private ExportBenchmark() {}

    /** Runs each exporter {@code rounds} times, in turn, writing into {@code folder} (the files are deleted). */
    public static List<Timed> run(Driver driver, List<CypherScriptExport> exporters, int rounds, Path folder) {
        Timed[] best = new Timed[exporters.size()];
        try {
            Files.createDirectories(folder);
            for (int round = 0; round < rounds; round++) {
                for (int i = 0; i < exporters.size(); i++) {
                    CypherScriptExport exporter = exporters.get(i);
                    Path file = folder.resolve("export-" + i + ".cypher");
                    long start = System.nanoTime();
                    CypherScriptExport.Exported exported;
                    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                        exported = exporter.export(driver, out);
                    }
                    long millis = (System.nanoTime() - start) / 1_000_000;
                    long bytes = Files.size(file);
                    Files.delete(file);
                    LOG.infof(
                            "%s: %d nodes, %d relationships, %d MB in %d ms",
                            exporter.name(), exported.nodes(), exported.relationships(), bytes >> 20, millis);
                    if (best[i] == null || millis < best[i].millis()) {
                        best[i] = new Timed(exporter.name(), exported, millis, bytes);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the export into " + folder, e);
        }
        return List.of(best);
    }
}
