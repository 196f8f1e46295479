package org.policygraph.ingest.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.policygraph.ingest.Progress;

/**
 * Progress where there is no terminal (a log, a pipe, a test): one plain line per stage when it ends, such as
 * {@code validate: 4,567 of 4,567 records in 0.3 s (15,223 records/s)}, and no carriage returns.
 */
final class StageLines implements Progress {

    private final PrintWriter out;
    private Stage stage;
    private long total;
    private long done;
    private String note;
    private long started;

    StageLines(PrintWriter out) {
        this.out = out;
    }

    @Override
    public synchronized void start(Stage stage, long total) {
        end();
        this.stage = stage;
        this.total = total;
        this.done = 0;
        this.note = null;
        this.started = System.nanoTime();
    }

    @Override
    public synchronized void at(long count) {
        done = Math.max(done, count);
    }

    @Override
    public synchronized void note(String message) {
        note = message;
    }

    @Override
    public synchronized void end() {
        if (stage == null) {
            return;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        StringBuilder line = new StringBuilder(stage.title()).append(": ");
        line.append(String.format(Locale.ROOT, "%,d of %,d %s", done, total, stage.unit()));
        if (note != null) {
            line.append(", ").append(note);
        }
        line.append(String.format(Locale.ROOT, " in %.1f s", seconds));
        if (seconds > 0 && done > 0) {
            line.append(String.format(Locale.ROOT, " (%,.0f %s/s)", done / seconds, stage.unit()));
        }
        synchronized (out) {
            out.println(line);
            out.flush();
        }
        stage = null;
    }
}
