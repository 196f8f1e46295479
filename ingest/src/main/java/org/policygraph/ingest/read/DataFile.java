package org.policygraph.ingest.read;

import java.util.function.Supplier;

/**
 * One input file: its path relative to the data folder (forward slashes) and a way to read its bytes.
 *
 * @param path  relative path, e.g. {@code regulations/eu.yaml}
 * @param bytes reads the content
 */
public record DataFile(String path, Supplier<byte[]> bytes) {

    /** The first folder of the path, which says what reads the file. */
    public String folder() {
        int slash = path.indexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }
}
