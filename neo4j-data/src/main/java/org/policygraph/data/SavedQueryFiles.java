package org.policygraph.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The saved console queries as classpath resources under {@code policygraph/queries/}: one YAML file per query
 * (id, name, description, query, parameters with defaults), listed in {@code policygraph/queries/index.txt}. They
 * live apart from {@code policygraph/data/}, which ingest reads as graph records.
 */
public final class SavedQueryFiles {

    /** The resource folder holding the saved queries. */
    public static final String ROOT = "policygraph/queries/";

    private SavedQueryFiles() {}

    /** The query files, as paths relative to {@link #ROOT}, in the order of the index. */
    public static List<String> files() {
        return new String(read("index.txt"), StandardCharsets.UTF_8)
                .lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .toList();
    }

    /** The bytes of one query file. */
    public static byte[] read(String relativePath) {
        try (InputStream in = SavedQueryFiles.class.getClassLoader().getResourceAsStream(ROOT + relativePath)) {
            if (in == null) {
                throw new IllegalStateException("saved query file " + relativePath + " is listed but missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read saved query file " + relativePath, e);
        }
    }
}
