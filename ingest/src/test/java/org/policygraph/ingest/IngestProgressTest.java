package org.policygraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policygraph.data.EmbeddedNeo4j;
import org.policygraph.ingest.IngestCommandTest.Run;

/**
 * The command shows its progress on standard error: a bar per stage redrawn with carriage returns when asked (as
 * on a terminal), one plain line per stage otherwise (as here, where the tests run without a console).
 */
class IngestProgressTest {

    static EmbeddedNeo4j neo4j;

    @BeforeAll
    static void start(@TempDir Path store) {
        neo4j = EmbeddedNeo4j.start(store.resolve("db"), 0);
    }

    @AfterAll
    static void stop() {
        if (neo4j != null) {
            neo4j.close();
        }
    }

    @Test
    void drawsABarPerStageThatReaches100PercentOnTheDefaultData() {
        Run run = IngestCommandTest.run("--progress=bar", "--dry-run");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).contains("\r");
        // each stage's bar is redrawn over itself and stays, in its final state, as a line
        List<String> finals = finalStates(run.err());
        assertThat(finals).hasSize(2);
        assertThat(finals.get(0)).matches("read 100% \\[=+\\] (\\d+)/\\1 files \\(.*\\) .* files/s [\\d,]+ records");
        assertThat(finals.get(1)).matches("validate 100% \\[=+\\] (\\d+)/\\1 records \\(.*\\) .* records/s");
        assertThat(run.out()).contains("dry run: the input is valid");
        // the counts are those of the summary
        int nodes = count(run.out(), "read (\\d+) nodes");
        int relationships = count(run.out(), "and (\\d+) relationships");
        assertThat(finals.get(1)).contains((nodes + relationships) + "/" + (nodes + relationships) + " records");
    }

    @Test
    void drawsTheCompareAndWriteStagesWhenItWrites() {
        Run run = write("--progress=bar");

        assertThat(run.exit()).as(run.err()).isZero();
        List<String> finals = finalStates(run.err());
        assertThat(finals)
                .extracting(line -> line.substring(0, line.indexOf(" 100% [")))
                .containsExactly("read", "validate", "compare with the store", "write");
        assertThat(finals.get(3)).matches("write 100% \\[=+\\] (\\d+)/\\1 records \\(.*\\) .* records/s");
        // the bars' frames: counts that only grow, from 0 to the total
        List<Integer> writeFrames = Arrays.stream(run.err().split("[\r\n]"))
                .filter(frame -> frame.startsWith("write "))
                .map(frame -> count(frame, " (\\d+)/\\d+ records"))
                .toList();
        assertThat(writeFrames).isSorted().last().isEqualTo(count(finals.get(3), "(\\d+)/"));
    }

    @Test
    void printsOneLinePerStageAndNoBarWithoutATerminal() {
        Run run = write();

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).doesNotContain("\r");
        List<String> lines = run.err().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).matches("read: (\\d+) of \\1 files, [\\d,]+ records in [\\d.]+ s( \\(.*\\))?");
        assertThat(lines.get(1)).matches("validate: ([\\d,]+) of \\1 records in [\\d.]+ s( \\(.*\\))?");
        assertThat(lines.get(2)).matches("compare with the store: ([\\d,]+) of \\1 records in [\\d.]+ s( \\(.*\\))?");
        assertThat(lines.get(3)).matches("write: ([\\d,]+) of \\1 records in [\\d.]+ s( \\(.*\\))?");

        Run quiet = write("--progress=none");
        assertThat(quiet.exit()).as(quiet.err()).isZero();
        assertThat(quiet.err()).isEmpty();
    }

    @Test
    void refusesAnUnknownWayToShowProgress() {
        Run run = IngestCommandTest.run("--progress=fancy", "--dry-run");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--progress is bar, lines, none or auto, not 'fancy'");
    }

    private static Run write(String... options) {
        List<String> args = new java.util.ArrayList<>(List.of(options));
        args.addAll(List.of(
                "--uri",
                neo4j.boltUri(),
                "--password-file",
                neo4j.credentialsFile().toString(),
                IngestCommandTest.GOOD.toString()));
        return IngestCommandTest.run(args.toArray(String[]::new));
    }

    /**
     * The last frame drawn of each bar: the text before each line break, after the last carriage return (a line of
     * the log printed above a bar is not a bar).
     */
    private static List<String> finalStates(String err) {
        return Arrays.stream(err.split("\n"))
                .map(line -> line.substring(line.lastIndexOf('\r') + 1).strip())
                .filter(line -> BAR.matcher(line).find())
                .toList();
    }

    private static final Pattern BAR = Pattern.compile("^[a-z ]+ +\\d+% \\[");

    private static int count(String text, String regex) {
        var m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("'%s' in %s", regex, text).isTrue();
        return Integer.parseInt(m.group(1));
    }
}
