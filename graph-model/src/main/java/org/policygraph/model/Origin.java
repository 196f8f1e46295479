package org.policygraph.model;

/**
 * Where a record was read: a file (relative to the data folder) and a line, or a record number where lines do not
 * apply. Used in error messages only; never stored.
 *
 * @param file the file, relative to the data folder
 * @param line the 1-based line the record starts at, or 0 when unknown
 */
public record Origin(String file, int line) {

    /** An origin for records made in code rather than read from a file. */
    public static Origin generated(String what) {
        return new Origin(what, 0);
    }

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line : file;
    }
}
