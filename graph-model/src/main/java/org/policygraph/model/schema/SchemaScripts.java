package org.policygraph.model.schema;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The versioned schema files in {@code policygraph/schema/}, listed in {@code policygraph/schema/index.txt}.
 * Every statement is idempotent ({@code IF NOT EXISTS}), so applying all of them at every start is safe; a new
 * version is a new file.
 */
public final class SchemaScripts {

    private static final String FOLDER = "policygraph/schema/";

    private SchemaScripts() {}

    /** A schema file: its version, its name and its statements in order. */
    public record Script(int version, String name, List<String> statements) {}

    /** All schema files in version order. */
    public static List<Script> all() {
        List<Script> scripts = new ArrayList<>();
        for (String file : read(FOLDER + "index.txt")
                .lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .toList()) {
            if (!file.matches("V\\d{4}__[a-z0-9_]+\\.cypher")) {
                throw new IllegalStateException("schema file " + file + " is not named V0000__name.cypher");
            }
            int version = Integer.parseInt(file.substring(1, 5));
            scripts.add(new Script(version, file, statements(read(FOLDER + file))));
        }
        scripts.sort((a, b) -> Integer.compare(a.version(), b.version()));
        return scripts;
    }

    /** Every statement of every file, in order. */
    public static List<String> allStatements() {
        return all().stream().flatMap(s -> s.statements().stream()).collect(Collectors.toList());
    }

    static List<String> statements(String text) {
        String withoutComments =
                text.lines().filter(l -> !l.strip().startsWith("//")).collect(Collectors.joining("\n"));
        return Arrays.stream(withoutComments.split(";"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static String read(String resource) {
        ClassLoader loader = SchemaScripts.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("schema resource " + resource + " is missing from the classpath");
            }
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                return reader.lines().collect(Collectors.joining("\n"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
