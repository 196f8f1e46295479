package org.policygraph.ingest.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.LogManager;

/**
 * Logging for the command line: one line per message on standard error, such as
 * {@code WARN: epoch/notable_ai_models.csv: 1 column is not known to the reader and not read: Carbon (t)}.
 *
 * <p>The readers log through jboss-logging, which picks log4j2 when it finds it on the classpath; Neo4j brings
 * log4j2, and log4j2 without a configuration shows only errors, so the readers' warnings were lost. The command
 * therefore sends jboss-logging to {@code java.util.logging} and configures that, before any logger exists.
 */
final class CliLogging {

    /** Warnings from everything; information from PolicyGraph, except the summary the command prints itself. */
    static final String CONFIGURATION = """
            handlers = java.util.logging.ConsoleHandler
            .level = WARNING
            org.policygraph.level = INFO
            org.policygraph.ingest.Ingest.level = WARNING
            java.util.logging.ConsoleHandler.level = ALL
            java.util.logging.ConsoleHandler.formatter = java.util.logging.SimpleFormatter
            java.util.logging.SimpleFormatter.format = %4$s: %5$s%6$s%n
            """;

    private CliLogging() {}

    /**
     * Sends jboss-logging to {@code java.util.logging} and configures it as above. Must run before the first
     * logger is created. A provider or a logging configuration file given on the {@code java} command line wins.
     */
    static void configure() {
        if (System.getProperty("org.jboss.logging.provider") == null) {
            System.setProperty("org.jboss.logging.provider", "jdk");
        }
        if (System.getProperty("java.util.logging.config.file") != null
                || System.getProperty("java.util.logging.config.class") != null) {
            return;
        }
        try {
            LogManager.getLogManager()
                    .readConfiguration(new ByteArrayInputStream(CONFIGURATION.getBytes(StandardCharsets.ISO_8859_1)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot configure logging", e);
        }
    }
}
