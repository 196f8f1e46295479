package org.policygraph.web.export;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The export formats: their names in URLs, media types and file extensions. */
public enum ExportFormat {
    CYPHER("cypher", "text/plain;charset=UTF-8", "cypher"),
    CSV("csv", "application/zip", "zip"),
    JSON("json", "application/json", "json"),
    GRAPHML("graphml", "application/graphml+xml", "graphml");

    private final String name;
    private final String mediaType;
    private final String extension;

    ExportFormat(String name, String mediaType, String extension) {
        this.name = name;
        this.mediaType = mediaType;
        this.extension = extension;
    }

    /** The name used in {@code format=}. */
    public String formatName() {
        return name;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    public static Optional<ExportFormat> byName(String name) {
        return Arrays.stream(values())
                .filter(f -> f.name.equals(name == null ? "" : name.strip().toLowerCase(Locale.ROOT)))
                .findFirst();
    }

    /** The names, for messages: "cypher, csv, json or graphml". */
    static String names() {
        String all = Arrays.stream(values()).map(f -> f.name).collect(Collectors.joining(", "));
        int last = all.lastIndexOf(", ");
        return all.substring(0, last) + " or " + all.substring(last + 2);
    }
}
