package org.policygraph.web.cypher;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.policygraph.web.cypher.CypherTokens.Token;
import org.policygraph.web.cypher.CypherTokens.Type;

/**
 * Names every item of a query's top-level RETURN clauses ({@code RETURN a.id} becomes
 * {@code RETURN a.id AS `a.id`}, the name Neo4j gives the column anyway), so that the query can run inside
 * {@code CALL { }}, where unnamed expressions are not allowed. The result's columns do not change.
 */
final class ReturnAliases {

    private static final Set<String> CLAUSE_END = Set.of("ORDER", "SKIP", "LIMIT", "OFFSET", "UNION");

    private ReturnAliases() {}

    /**
     * The query with its return items named, or empty when an item cannot be matched to a column (then the
     * console runs the query as it is).
     */
    static Optional<String> named(String query, List<Token> tokens, List<String> columns) {
        StringBuilder out = new StringBuilder(query);
        List<int[]> inserts = new ArrayList<>(); // offset, column index
        int depth = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.isSymbol("(") || t.isSymbol("[") || t.isSymbol("{")) {
                depth++;
            } else if (t.isSymbol(")") || t.isSymbol("]") || t.isSymbol("}")) {
                depth--;
            } else if (depth == 0
                    && t.is("RETURN")
                    && (i == 0 || !tokens.get(i - 1).isSymbol("."))) {
                int item = i + 1;
                if (item < tokens.size() && tokens.get(item).is("DISTINCT")) {
                    item++;
                }
                int index = 0;
                int inner = 0;
                int itemStart = item;
                int j = item;
                for (; j <= tokens.size(); j++) {
                    Token u = j < tokens.size() ? tokens.get(j) : null;
                    boolean end = u == null
                            || (inner == 0
                                    && (u.isSymbol(",")
                                            || u.isSymbol(";")
                                            || (u.type() == Type.WORD
                                                    && CLAUSE_END.contains(
                                                            u.text().toUpperCase()))));
                    if (end) {
                        if (!needsName(tokens, itemStart, j)) {
                            index++;
                        } else if (index < columns.size()) {
                            inserts.add(new int[] {tokens.get(j - 1).end(), index++});
                        } else {
                            return Optional.empty();
                        }
                        if (u == null || !u.isSymbol(",")) {
                            break;
                        }
                        itemStart = j + 1;
                        continue;
                    }
                    if (u.isSymbol("(") || u.isSymbol("[") || u.isSymbol("{")) {
                        inner++;
                    } else if (u.isSymbol(")") || u.isSymbol("]") || u.isSymbol("}")) {
                        inner--;
                    }
                }
                if (index != columns.size()
                        && !(index == 1 && tokens.get(itemStart).isSymbol("*"))) {
                    return Optional.empty();
                }
                i = j - 1;
            }
        }
        for (int k = inserts.size() - 1; k >= 0; k--) {
            int[] insert = inserts.get(k);
            out.insert(insert[0], " AS `" + columns.get(insert[1]).replace("`", "``") + "`");
        }
        return Optional.of(out.toString());
    }

    /** An item needs a name unless it is {@code *}, a lone variable, or already has {@code AS name}. */
    private static boolean needsName(List<Token> tokens, int from, int to) {
        if (to - from == 1
                && (tokens.get(from).isSymbol("*") || tokens.get(from).isName())) {
            return false;
        }
        int depth = 0;
        for (int k = from; k < to; k++) {
            Token t = tokens.get(k);
            if (t.isSymbol("(") || t.isSymbol("[") || t.isSymbol("{")) {
                depth++;
            } else if (t.isSymbol(")") || t.isSymbol("]") || t.isSymbol("}")) {
                depth--;
            } else if (depth == 0 && t.is("AS") && (k == 0 || !tokens.get(k - 1).isSymbol("."))) {
                return false;
            }
        }
        return to > from;
    }
}
