package org.policygraph.ingest.cli;

import java.io.PrintWriter;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;
import org.policygraph.ingest.Progress;

/**
 * Progress on a terminal: one progress bar per stage (me.tongfei:progressbar), redrawn in place with a carriage
 * return, showing the share done, the count, the time taken and left, and the rate; when a stage ends its bar stays
 * as a line, so a finished ingest leaves one line per stage.
 */
final class ProgressBars implements Progress, AutoCloseable {

    private final PrintWriter out;
    private final int width;
    private Stage stage;
    private ProgressBar bar;
    private volatile Consumer consumer;
    private long done;
    private final List<Handler> consoleHandlers = new ArrayList<>();
    private Handler aboveBar;

    /**
     * @param out   where the bars go (standard error)
     * @param width the width of a bar's line; 0 for the terminal's width (80 when there is no terminal)
     */
    ProgressBars(PrintWriter out, int width) {
        this.out = out;
        this.width = width > 0 ? width : new ConsoleProgressBarConsumer(System.err).getMaxRenderedLength();
    }

    @Override
    public synchronized void start(Stage stage, long total) {
        end();
        this.stage = stage;
        this.done = 0;
        if (total <= 0) {
            return; // nothing to count: end() says so in a line
        }
        consumer = new Consumer(out, width);
        bar = new ProgressBarBuilder()
                .setTaskName(stage.title())
                .setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII)
                .setUnit(" " + stage.unit(), 1)
                .showSpeed(new DecimalFormat("#,##0.0"))
                .setUpdateIntervalMillis(200)
                .setConsumer(consumer)
                .build();
    }

    @Override
    public synchronized void at(long count) {
        if (bar != null && count > done) {
            done = count;
            bar.stepTo(count);
        }
    }

    @Override
    public synchronized void note(String message) {
        if (bar != null) {
            bar.setExtraMessage(" " + message);
        }
    }

    @Override
    public synchronized void end() {
        if (bar != null) {
            bar.close(); // draws the final state
            consumer.close(); // in case the bar closed before it first drew
        } else if (stage != null) {
            synchronized (out) {
                out.println(stage.title() + ": no " + stage.unit());
                out.flush();
            }
        }
        bar = null;
        consumer = null;
        stage = null;
    }

    /**
     * Prints the log's messages above the bar rather than on its line: the root logger's console handlers give
     * way, until {@link #close}, to one that clears the bar's line, prints the message and draws the bar again.
     */
    ProgressBars logAboveTheBar() {
        Logger root = LogManager.getLogManager().getLogger("");
        for (Handler h : root.getHandlers()) {
            if (h instanceof ConsoleHandler) {
                consoleHandlers.add(h);
            }
        }
        if (consoleHandlers.isEmpty()) {
            return this;
        }
        Handler console = consoleHandlers.get(0);
        aboveBar = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (!isLoggable(record)) {
                    return;
                }
                String message = getFormatter().format(record);
                synchronized (out) {
                    Consumer showing = consumer;
                    if (showing != null && showing.last != null) {
                        out.print("\r" + " ".repeat(width) + "\r" + message + showing.last);
                    } else {
                        out.print(message);
                    }
                    out.flush();
                }
            }

            @Override
            public void flush() {
                out.flush();
            }

            @Override
            public void close() {}
        };
        aboveBar.setLevel(console.getLevel());
        aboveBar.setFormatter(console.getFormatter());
        aboveBar.setFilter(console.getFilter());
        consoleHandlers.forEach(root::removeHandler);
        root.addHandler(aboveBar);
        return this;
    }

    /** Ends the stage shown and gives the log back its own console handlers. */
    @Override
    public synchronized void close() {
        end();
        if (aboveBar != null) {
            Logger root = LogManager.getLogManager().getLogger("");
            root.removeHandler(aboveBar);
            consoleHandlers.forEach(root::addHandler);
            aboveBar = null;
        }
    }

    /** Draws a bar on a writer (the command's standard error, or a test's), each time over the last. */
    private static final class Consumer implements ProgressBarConsumer {

        private final PrintWriter out;
        private final int width;
        private boolean closed;

        /** The bar as last drawn, with the carriage return before it; null once the bar is closed. */
        private volatile String last;

        Consumer(PrintWriter out, int width) {
            this.out = out;
            this.width = width;
        }

        @Override
        public int getMaxRenderedLength() {
            return width;
        }

        @Override
        public void accept(String rendered) {
            synchronized (out) {
                last = '\r' + rendered;
                out.print(last);
                out.flush();
            }
        }

        @Override
        public void close() {
            synchronized (out) {
                if (!closed) {
                    closed = true;
                    last = null;
                    out.println();
                    out.flush();
                }
            }
        }
    }
}
