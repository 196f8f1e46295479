package org.policygraph.bench;

import java.util.ArrayList;
import java.util.List;

/** Cuts a cypher-shell script into its statements, leaving out comments and shell commands (:begin, :commit). */
final class ScriptStatements {

    private ScriptStatements() {
    }

    static List<String> of(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.lines().toList()) {
            if (current.isEmpty() && (line.isBlank() || line.startsWith("//") || line.startsWith(":"))) {
                continue;
            }
            current.append(line).append('\n');
            if (line.endsWith(";")) {
                String s = current.toString().strip();
                statements.add(s.substring(0, s.length() - 1));
                current.setLength(0);
            }
        }
        return statements;
    }
}
