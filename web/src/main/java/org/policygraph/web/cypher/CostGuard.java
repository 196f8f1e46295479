package org.policygraph.web.cypher;

import java.math.BigInteger;
import java.util.List;
import org.policygraph.web.cypher.CypherTokens.Token;
import org.policygraph.web.cypher.CypherTokens.Type;

/**
 * The console's cost guard, on the query's tokens: it refuses, before anything runs, what is expensive on its face:
 * brackets nested deeper than the console allows (the server's parser recurses on them) and a {@code range()} whose
 * bounds, written as numbers, span more items than the console builds. What it cannot see (bounds computed at run
 * time, products of collects) is stopped by the deadline: the console's own Neo4j process is killed when a query
 * outlives it ({@link ConsoleDatabase}).
 */
final class CostGuard {

    private CostGuard() {}

    static void check(List<Token> tokens, int maxNesting, long maxRange) {
        int depth = 0;
        for (Token t : tokens) {
            if (t.isSymbol("(") || t.isSymbol("[") || t.isSymbol("{")) {
                depth++;
                if (depth > maxNesting) {
                    throw QueryException.refused(
                            "The query nests brackets more than " + maxNesting
                                    + " deep, the most the console reads; flatten it.",
                            t.line(),
                            t.column());
                }
            } else if (t.isSymbol(")") || t.isSymbol("]") || t.isSymbol("}")) {
                depth = Math.max(0, depth - 1);
            }
        }
        for (int i = 0; i + 1 < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.is("range")
                    && tokens.get(i + 1).isSymbol("(")
                    && (i == 0 || !tokens.get(i - 1).isSymbol("."))) {
                checkRange(tokens, i, maxRange);
            }
        }
    }

    /** {@code range(a, b)} or {@code range(a, b, step)} with whole-number bounds: at most maxRange items. */
    private static void checkRange(List<Token> tokens, int at, long maxRange) {
        int i = at + 2;
        BigInteger[] args = new BigInteger[3];
        int n = 0;
        while (i < tokens.size() && n < 3) {
            boolean negative = false;
            if (tokens.get(i).isSymbol("-")) {
                negative = true;
                i++;
            }
            if (i >= tokens.size() || tokens.get(i).type() != Type.NUMBER) {
                return; // not a literal bound: the deadline is the guard
            }
            BigInteger value = literal(tokens.get(i).text());
            if (value == null) {
                return;
            }
            args[n++] = negative ? value.negate() : value;
            i++;
            if (i < tokens.size() && tokens.get(i).isSymbol(",")) {
                i++;
            } else {
                break;
            }
        }
        if (n < 2 || i >= tokens.size() || !tokens.get(i).isSymbol(")")) {
            return;
        }
        BigInteger step = n == 3 ? args[2] : BigInteger.ONE;
        if (step.signum() == 0) {
            return; // Neo4j refuses a zero step itself
        }
        BigInteger items = args[1].subtract(args[0]).divide(step).add(BigInteger.ONE);
        if (items.compareTo(BigInteger.valueOf(maxRange)) > 0) {
            Token t = tokens.get(at);
            throw QueryException.refused(
                    "range(" + args[0] + ", " + args[1] + (n == 3 ? ", " + step : "") + ") builds " + items
                            + " items; the console builds at most " + maxRange + " in one range.",
                    t.line(),
                    t.column());
        }
    }

    private static BigInteger literal(String text) {
        try {
            String s = text.replace("_", "").toLowerCase(java.util.Locale.ROOT);
            if (s.startsWith("0x")) {
                return new BigInteger(s.substring(2), 16);
            }
            if (s.startsWith("0o")) {
                return new BigInteger(s.substring(2), 8);
            }
            if (s.contains(".") || s.contains("e")) {
                return null;
            }
            return new BigInteger(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
