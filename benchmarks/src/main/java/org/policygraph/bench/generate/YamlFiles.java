package org.policygraph.bench.generate;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes YAML records (maps of text, numbers, lists of text and nested lists of maps) to numbered files of a
 * folder, one record at a time: {@code provisions/provisions-0001.yaml}, ... A file holds at most a given number
 * of records and about {@value #MAX_FILE_CHARS} characters: ingest's YAML parser refuses a document of more than
 * 3 MiB (SnakeYAML's code point limit).
 * Every text is double-quoted, so no value is read back as a number, a date or a boolean by accident.
 */
final class YamlFiles implements Closeable {

    /** A new file starts once this many characters are written, well under SnakeYAML's 3 MiB limit. */
    static final int MAX_FILE_CHARS = 2_000_000;

    private final Path folder;
    private final String name;
    private final int perFile;
    private BufferedWriter out;
    private int inFile;
    private long charsInFile;
    private int files;
    private long records;
    private long bytes;

    YamlFiles(Path folder, String name, int perFile) {
        this.folder = folder;
        this.name = name;
        this.perFile = perFile;
    }

    /** Writes one record. */
    void write(Map<String, ?> record) throws IOException {
        if (out == null || inFile == perFile || charsInFile > MAX_FILE_CHARS) {
            next();
        }
        StringBuilder sb = new StringBuilder(256);
        mapping(sb, record, "- ", "  ");
        out.write(sb.toString());
        bytes += sb.length();
        charsInFile += sb.length();
        inFile++;
        records++;
    }

    long records() {
        return records;
    }

    int files() {
        return files;
    }

    /** Characters written (the bytes, for these ASCII texts). */
    long bytes() {
        return bytes;
    }

    private void next() throws IOException {
        close();
        Files.createDirectories(folder);
        files++;
        out = Files.newBufferedWriter(
                folder.resolve(String.format(Locale.ROOT, "%s-%04d.yaml", name, files)), StandardCharsets.UTF_8);
        inFile = 0;
        charsInFile = 0;
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            out.close();
            out = null;
        }
    }

    private static void mapping(StringBuilder sb, Map<String, ?> map, String first, String indent) {
        boolean start = true;
        for (Map.Entry<String, ?> e : map.entrySet()) {
            Object v = e.getValue();
            if (v == null) {
                continue;
            }
            sb.append(start ? first : indent).append(e.getKey()).append(':');
            start = false;
            if (v instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map) {
                sb.append('\n');
                for (Object item : list) {
                    @SuppressWarnings("unchecked")
                    Map<String, ?> m = (Map<String, ?>) item;
                    mapping(sb, m, indent + "  - ", indent + "    ");
                }
            } else {
                sb.append(' ');
                scalar(sb, v);
                sb.append('\n');
            }
        }
    }

    private static void scalar(StringBuilder sb, Object v) {
        if (v instanceof List<?> list) {
            sb.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                scalar(sb, list.get(i));
            }
            sb.append(']');
        } else if (v instanceof Double d) {
            sb.append(String.format(Locale.ROOT, "%.4e", d));
        } else if (v instanceof Number) {
            sb.append(v);
        } else {
            quoted(sb, v.toString());
        }
    }

    private static void quoted(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                default -> sb.append(c);
            }
        }
        sb.append('"');
    }
}
