package org.policygraph.model.resolution;

/**
 * Where the resolution tables put what is wrong with a file as they read it: each problem with its file, line (0
 * for the whole file), record and field (each null when there is none to name) and message. Ingest collects them as
 * its input errors.
 */
@FunctionalInterface
public interface Problems {

    void add(String file, int line, String record, String field, String message);

    /** Drops every problem: for a reader of tables that a test already checks. */
    Problems IGNORE = (file, line, record, field, message) -> {};
}
