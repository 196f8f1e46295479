package org.policygraph.web.cypher;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.policygraph.web.cypher.CypherTokens.Token;
import org.policygraph.web.cypher.CypherTokens.Type;

/**
 * The first of the console's guards: reads the query's tokens (strings and comments are single tokens, so their
 * words never count) and refuses, with the place and the reason, whatever a read-only console must not run: writes,
 * {@code LOAD CSV}, {@code USE} and other databases, {@code CALL { } IN TRANSACTIONS}, administration commands,
 * query options, procedures off the allow list and functions that are not Neo4j's own.
 *
 * <p>It is not the only guard: the query's plan is checked too ({@link CypherConsole}), it runs in a read
 * transaction with a timeout, and its rows are capped. The tokens give early, precise messages; the plan is the
 * authority on what the query does.
 */
final class QueryGuard {

    /** Clauses that write. Also refused by the plan check and the read access mode; here for a clear message. */
    private static final Set<String> WRITES =
            Set.of("CREATE", "MERGE", "SET", "DELETE", "DETACH", "REMOVE", "FOREACH", "INSERT", "NODETACH");

    /** Words that start administration and schema commands; they can only start a statement. */
    private static final Set<String> ADMINISTRATION = Set.of(
            "SHOW",
            "GRANT",
            "DENY",
            "REVOKE",
            "DROP",
            "ALTER",
            "START",
            "STOP",
            "TERMINATE",
            "ENABLE",
            "DEALLOCATE",
            "REALLOCATE",
            "RENAME",
            "DRYRUN",
            "CREATE");

    /** Words that may stand before a parenthesis without being a function name. */
    private static final Set<String> NOT_FUNCTIONS = Set.of(
            "MATCH",
            "OPTIONAL",
            "RETURN",
            "WITH",
            "UNWIND",
            "CALL",
            "WHERE",
            "AND",
            "OR",
            "XOR",
            "NOT",
            "IN",
            "IS",
            "CASE",
            "WHEN",
            "THEN",
            "ELSE",
            "END",
            "DISTINCT",
            "BY",
            "ORDER",
            "SKIP",
            "LIMIT",
            "OFFSET",
            "AS",
            "ON",
            "CONTAINS",
            "STARTS",
            "ENDS",
            "EXISTS",
            "COUNT",
            "COLLECT",
            "SHORTEST",
            "SHORTESTPATH",
            "ALLSHORTESTPATHS",
            "PATH",
            "PATHS",
            "GROUP",
            "GROUPS",
            "ELEMENTS",
            "RELATIONSHIPS",
            "WALK",
            "TRAIL",
            "ACYCLIC",
            "UNION",
            "ALL",
            "ANY",
            "YIELD",
            "ASC",
            "DESC",
            "ASCENDING",
            "DESCENDING",
            "FINISH",
            "NEXT",
            "FILTER",
            "LET");

    /** Built-in functions that belong to LOAD CSV or reach other databases. */
    private static final Set<String> REFUSED_FUNCTIONS =
            Set.of("file", "linenumber", "graph.byname", "graph.byelementid", "graph.names", "graph.propertiesbyname");

    private final Set<String> allowedProcedures;
    private final Set<String> builtInFunctions;

    /**
     * @param allowedProcedures the procedure names a query may call, exactly as Neo4j names them
     * @param builtInFunctions  Neo4j's own function names, lower case
     */
    QueryGuard(Set<String> allowedProcedures, Set<String> builtInFunctions) {
        this.allowedProcedures = allowedProcedures;
        this.builtInFunctions = builtInFunctions;
    }

    /** Refuses the query with a {@link QueryException} naming the first problem found, or returns quietly. */
    void check(List<Token> tokens) {
        if (tokens.isEmpty()) {
            throw QueryException.syntax(
                    "The query is empty; write a query such as MATCH (n:Regulation) RETURN n.name.", null, null);
        }
        Token first = tokens.get(0);
        if (first.is("EXPLAIN") || first.is("PROFILE")) {
            throw refuse(
                    first,
                    first.text().toUpperCase(Locale.ROOT) + " is not needed: the console checks the plan of "
                            + "every query itself; remove it and run the query.");
        }
        if (first.is("CYPHER")) {
            throw refuse(first, "Query options (CYPHER ...) are not allowed in the console; remove them.");
        }
        if (first.type() == Type.WORD && ADMINISTRATION.contains(upper(first))) {
            throw refuse(
                    first,
                    upper(first).equals("CREATE")
                            ? "The console is read-only: CREATE writes to the database."
                            : "Administration commands (" + upper(first)
                                    + " ...) are not allowed in the read-only console.");
        }
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.isSymbol(";") && i + 1 < tokens.size()) {
                throw refuse(
                        tokens.get(i + 1),
                        "Run one statement at a time: the console does not run a second "
                                + "statement after a semicolon.");
            }
            if (t.type() != Type.WORD || !isKeywordPosition(tokens, i)) {
                continue;
            }
            String word = upper(t);
            if (WRITES.contains(word)) {
                throw refuse(t, "The console is read-only: " + word + " writes to the database.");
            }
            if (word.equals("LOAD")) {
                throw refuse(t, "LOAD CSV is not allowed in the console: it reads files and URLs.");
            }
            if (word.equals("USE")) {
                throw refuse(t, "USE is not allowed in the console: queries run on the PolicyGraph database only.");
            }
            if (word.equals("TRANSACTIONS")) {
                throw refuse(t, "CALL { ... } IN TRANSACTIONS is not allowed in the console: it commits in batches.");
            }
            if (word.equals("CALL")) {
                checkProcedure(tokens, i);
            }
        }
        checkFunctions(tokens);
    }

    /**
     * Whether the word at {@code i} stands where a keyword can: not a property key ({@code n.set}), a label or
     * type ({@code :Set}, {@code :A|Set}), nor a map key ({@code {set: 1}}).
     */
    private static boolean isKeywordPosition(List<Token> tokens, int i) {
        if (i > 0) {
            Token before = tokens.get(i - 1);
            if (before.isSymbol(".")
                    || before.isSymbol(":")
                    || before.isSymbol("|")
                    || before.isSymbol("&")
                    || before.isSymbol("!")) {
                return false;
            }
        }
        return !(i + 1 < tokens.size()
                && tokens.get(i + 1).isSymbol(":")
                && i > 0
                && (tokens.get(i - 1).isSymbol("{") || tokens.get(i - 1).isSymbol(",")));
    }

    private void checkProcedure(List<Token> tokens, int call) {
        if (call + 1 >= tokens.size()) {
            return;
        }
        Token next = tokens.get(call + 1);
        if (next.isSymbol("{") || next.isSymbol("(")) {
            return; // a subquery
        }
        if (!next.isName()) {
            return; // not a procedure call: Neo4j will report the syntax
        }
        String name = dottedName(tokens, call + 1);
        if (!allowedProcedures.contains(name)) {
            throw refuse(
                    next,
                    "The procedure " + name + " is not allowed in the console; it allows "
                            + String.join(
                                    ", ", allowedProcedures.stream().sorted().toList()) + ".");
        }
    }

    private void checkFunctions(List<Token> tokens) {
        for (int i = 1; i < tokens.size(); i++) {
            if (!tokens.get(i).isSymbol("(") || !tokens.get(i - 1).isName()) {
                continue;
            }
            int start = i - 1;
            while (start >= 2
                    && tokens.get(start - 1).isSymbol(".")
                    && tokens.get(start - 2).isName()) {
                start -= 2;
            }
            Token head = tokens.get(start);
            if (start > 0) {
                Token before = tokens.get(start - 1);
                if (before.is("CALL")
                        || before.isSymbol(":")
                        || before.isSymbol("|")
                        || before.isSymbol("&")
                        || before.isSymbol("!")
                        || before.isSymbol(".")) {
                    continue; // a procedure (checked above), or a label or type followed by a parenthesised expression
                }
            }
            if (start == i - 1 && head.type() == Type.WORD && NOT_FUNCTIONS.contains(upper(head))) {
                continue;
            }
            String name = dottedName(tokens, start);
            String key = name.toLowerCase(Locale.ROOT);
            if (REFUSED_FUNCTIONS.contains(key)) {
                throw refuse(head, "The function " + name + " is not allowed in the console.");
            }
            if (!builtInFunctions.contains(key)) {
                throw refuse(
                        head,
                        "The function " + name + " is not allowed in the console: only Neo4j's built-in "
                                + "functions are.");
            }
        }
    }

    private static String dottedName(List<Token> tokens, int start) {
        StringBuilder name = new StringBuilder(tokens.get(start).text());
        int i = start + 1;
        while (i + 1 < tokens.size()
                && tokens.get(i).isSymbol(".")
                && tokens.get(i + 1).isName()) {
            name.append('.').append(tokens.get(i + 1).text());
            i += 2;
        }
        return name.toString();
    }

    private static String upper(Token t) {
        return t.text().toUpperCase(Locale.ROOT);
    }

    private static QueryException refuse(Token at, String detail) {
        return QueryException.refused(detail, at.line(), at.column());
    }
}
