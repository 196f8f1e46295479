package org.policygraph.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts a cypher-shell script into statements a driver can run, leaving out comments and shell commands
 * ({@code :begin}, {@code :commit}). A parameter set by {@code :param name => literal} (one line, as the site's
 * export writes each batch) is put back into the statements after it, in place of {@code $name}: the statement is
 * then the same as cypher-shell runs, with the value as a literal.
 */
final class ScriptStatements {

    private static final Pattern PARAM = Pattern.compile(":param\\s+([A-Za-z_][A-Za-z0-9_]*)\\s*=>\\s*(.*)");

    private ScriptStatements() {}

    static List<String> of(String script) {
        List<String> statements = new ArrayList<>();
        Map<String, String> parameters = new HashMap<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.lines().toList()) {
            if (current.isEmpty() && (line.isBlank() || line.startsWith("//") || line.startsWith(":"))) {
                Matcher m = PARAM.matcher(line.strip());
                if (m.matches()) {
                    parameters.put(m.group(1), m.group(2));
                }
                continue;
            }
            current.append(line).append('\n');
            if (line.endsWith(";")) {
                String s = current.toString().strip();
                statements.add(substitute(s.substring(0, s.length() - 1), parameters));
                current.setLength(0);
            }
        }
        return statements;
    }

    private static String substitute(String statement, Map<String, String> parameters) {
        String s = statement;
        for (Map.Entry<String, String> p : parameters.entrySet()) {
            s = s.replaceAll("\\$" + p.getKey() + "\\b", Matcher.quoteReplacement("(" + p.getValue() + ")"));
        }
        return s;
    }
}
