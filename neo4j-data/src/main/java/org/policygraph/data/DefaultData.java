package org.policygraph.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The default data as classpath resources under {@code policygraph/data/}. The files are listed in
 * {@code policygraph/data/index.txt} (a classpath cannot be listed portably inside a packaged app); a test checks
 * that the list and the folder agree.
 */
public final class DefaultData {

    /** The resource folder holding the default data. */
    public static final String ROOT = "policygraph/data/";

    private DefaultData() {}

    /** The data files, as paths relative to {@link #ROOT}, in the order of the index. */
    public static List<String> files() {
        return new String(read("index.txt"), StandardCharsets.UTF_8)
                .lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .toList();
    }

    /** The bytes of one data file. */
    public static byte[] read(String relativePath) {
        try (InputStream in = DefaultData.class.getClassLoader().getResourceAsStream(ROOT + relativePath)) {
            if (in == null) {
                throw new IllegalStateException("default data file " + relativePath + " is listed but missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read default data file " + relativePath, e);
        }
    }
}
