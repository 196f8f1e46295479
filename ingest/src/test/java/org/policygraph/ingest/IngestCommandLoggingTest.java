package org.policygraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policygraph.ingest.cli.IngestCommand;

/**
 * The command's warnings reach standard error. It runs in a JVM of its own, as a user runs it: in this test JVM
 * jboss-logging has long chosen its provider.
 */
class IngestCommandLoggingTest {

    static final Path DATA = Path.of("../neo4j-data/src/main/resources/policygraph/data");
    static final Path SOURCES = Path.of("src/test/resources/fixtures/datasets/sources/sources.yaml");

    @Test
    void printsAReadersWarningOnStandardErrorOneLineEach(@TempDir Path folder, @TempDir Path output) throws Exception {
        for (String table : List.of("resolution/organisations.yaml", "resolution/countries.yaml")) {
            copy(DATA.resolve(table), folder.resolve(table));
        }
        copy(SOURCES, folder.resolve("sources/sources.yaml"));
        Path csv = folder.resolve("epoch/notable_ai_models.csv");
        Files.createDirectories(csv.getParent());
        Files.writeString(csv, "Model,Organization,Carbon (t)\nGPT-4,OpenAI,12\n");

        Process process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        IngestCommand.class.getName(),
                        "--dry-run",
                        folder.toString())
                .redirectOutput(output.resolve("out.txt").toFile())
                .redirectError(output.resolve("err.txt").toFile())
                .start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS))
                .as("the command finishes")
                .isTrue();
        String out = Files.readString(output.resolve("out.txt"), StandardCharsets.UTF_8);
        String err = Files.readString(output.resolve("err.txt"), StandardCharsets.UTF_8);

        assertThat(process.exitValue()).as(out + err).isZero();
        assertThat(out).contains("dry run: the input is valid; nothing was written");
        assertThat(err.lines())
                .contains("WARN: epoch/notable_ai_models.csv: 1 column is not known to the "
                        + "reader and not read: Carbon (t)");
        // the summary is printed once, on standard output, not logged again
        assertThat(err).doesNotContain("read 3 nodes");
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.copy(from, to);
    }
}
