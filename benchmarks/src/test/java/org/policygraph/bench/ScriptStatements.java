package org.policygraph.bench;

import java.util.ArrayList;
import java.util.List;
import org.neo4j.driver.Value;
import org.neo4j.driver.Values;
import org.neo4j.shell.exception.CommandException;
import org.neo4j.shell.parameter.ParameterService;

/**
 * Cuts a cypher-shell script into statements a driver can run, leaving out comments and shell commands
 * ({@code :begin}, {@code :commit}). A parameter set by {@code :param name => literal} (one line, as the site's
 * export writes each batch) is read by cypher-shell's own parameter service, on the client as cypher-shell reads
 * it, and passed with the statements after it: the server plans the batch statement once, as it does for
 * cypher-shell.
 */
final class ScriptStatements {

    /** One statement and the parameters set before it. */
    record Statement(String text, Value parameters) {}

    private ScriptStatements() {}

    static List<Statement> of(String script) {
        List<Statement> statements = new ArrayList<>();
        // no transaction handler: the export's literals never need the server to evaluate them
        ParameterService parameters = ParameterService.create(null);
        StringBuilder current = new StringBuilder();
        int lineNumber = 0;
        for (String line : script.lines().toList()) {
            lineNumber++;
            if (current.isEmpty() && (line.isBlank() || line.startsWith("//") || line.startsWith(":"))) {
                if (line.startsWith(":param")) {
                    set(parameters, line.substring(":param".length()).strip(), lineNumber);
                }
                continue;
            }
            current.append(line).append('\n');
            if (line.endsWith(";")) {
                String s = current.toString().strip();
                statements.add(new Statement(s.substring(0, s.length() - 1), Values.value(parameters.parameters())));
                current.setLength(0);
            }
        }
        return statements;
    }

    private static void set(ParameterService parameters, String expression, int lineNumber) {
        try {
            parameters.setParameters(parameters.evaluate(parameters.parse(expression)));
        } catch (ParameterService.ParameterParsingException | CommandException e) {
            throw new IllegalArgumentException("line " + lineNumber + ": cannot read :param " + e.getMessage(), e);
        }
    }
}
