package org.policygraph.web.cypher;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.neo4j.cypher.internal.parser.lexer.UnicodeEscapeReplacementReader;
import org.neo4j.cypher.internal.parser.v5.Cypher5Lexer;

/**
 * Cuts a Cypher query into tokens with Neo4j's own lexer, after Neo4j's own decoding of {@code \\uXXXX} escapes: the
 * server decodes those anywhere in the text before it lexes (so {@code /* \\u002a/} closes a comment), and the guard
 * must see what the server sees. String literals, comments and backtick-quoted names are single tokens (so a keyword
 * inside a string or a comment is never mistaken for a clause); every token knows its line, column and offsets in
 * the query as written, before decoding.
 */
final class CypherTokens {

    /** What a token is. */
    enum Type {
        WORD,
        QUOTED_NAME,
        STRING,
        NUMBER,
        PARAMETER,
        SYMBOL
    }

    /**
     * One token.
     *
     * @param type   its kind
     * @param text   the word, symbol or number as written; for a quoted name or a string, the text between the quotes
     * @param line   the line it starts on, from 1
     * @param column the column it starts at, from 1
     * @param start  its first character's offset in the query
     * @param end    the offset just after its last character
     */
    record Token(Type type, String text, int line, int column, int start, int end) {

        /** Whether this is the given keyword (words only; case does not matter). */
        boolean is(String keyword) {
            return type == Type.WORD && text.equalsIgnoreCase(keyword);
        }

        boolean isSymbol(String symbol) {
            return type == Type.SYMBOL && text.equals(symbol);
        }

        /** A word or a quoted name: something that can be part of a procedure or function name. */
        boolean isName() {
            return type == Type.WORD || type == Type.QUOTED_NAME;
        }
    }

    private final String original;
    private final String decoded;
    private final int[] offsetTable;
    private final int tableStart;

    private CypherTokens(String original, String decoded, int[] offsetTable) {
        this.original = original;
        this.decoded = decoded;
        this.offsetTable = offsetTable;
        this.tableStart = offsetTable == null ? decoded.length() : decoded.length() - offsetTable.length / 3;
    }

    /**
     * The tokens of a query.
     *
     * @throws QueryException when an escape is malformed, or a string, a quoted name or a comment is not closed
     */
    static List<Token> of(String query) {
        UnicodeEscapeReplacementReader.Result result;
        try {
            result = UnicodeEscapeReplacementReader.read(query);
        } catch (IOException e) {
            throw new IllegalStateException("reading a string cannot fail", e);
        } catch (RuntimeException e) {
            // InvalidUnicodeLiteral: a backslash-u not followed by four hexadecimal digits
            int at = query.indexOf("\\u");
            int[] place = at < 0 ? new int[] {1, 1} : lineAndColumn(query, at);
            throw QueryException.syntax(
                    "The escape \\u here must be followed by four hexadecimal digits, as in \\u0041.",
                    place[0],
                    place[1]);
        }
        var stream = result.charStream();
        String decoded = stream.getText(org.antlr.v4.runtime.misc.Interval.of(0, stream.size() - 1));
        return new CypherTokens(query, decoded, result.offsetTable()).tokens(stream);
    }

    /** Whether the query holds escapes that Neo4j decodes before it lexes. */
    static boolean hasEscapes(String query) {
        try {
            return UnicodeEscapeReplacementReader.read(query).offsetTable() != null;
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }

    private List<Token> tokens(org.antlr.v4.runtime.CharStream stream) {
        Cypher5Lexer lexer = new Cypher5Lexer(stream);
        lexer.removeErrorListeners();
        lexer.addErrorListener(new BaseErrorListener() {
            @Override
            public void syntaxError(
                    Recognizer<?, ?> recognizer,
                    Object symbol,
                    int line,
                    int column,
                    String msg,
                    RecognitionException e) {
                // unknown characters come out as ErrorChar tokens, reported below with their place
            }
        });
        List<Token> tokens = new ArrayList<>();
        List<? extends org.antlr.v4.runtime.Token> all = lexer.getAllTokens();
        for (int i = 0; i < all.size(); i++) {
            org.antlr.v4.runtime.Token t = all.get(i);
            if (t.getChannel() != org.antlr.v4.runtime.Token.DEFAULT_CHANNEL) {
                continue;
            }
            String name = Cypher5Lexer.VOCABULARY.getSymbolicName(t.getType());
            String text = t.getText();
            int start = originalOffset(t.getStartIndex());
            int end =
                    t.getStopIndex() + 1 < decoded.length() ? originalOffset(t.getStopIndex() + 1) : original.length();
            int[] place = place(start);
            if (name == null) {
                name = "";
            }
            switch (name) {
                case "STRING_LITERAL1", "STRING_LITERAL2" ->
                    tokens.add(new Token(
                            Type.STRING, text.substring(1, text.length() - 1), place[0], place[1], start, end));
                case "ESCAPED_SYMBOLIC_NAME" ->
                    tokens.add(new Token(
                            Type.QUOTED_NAME,
                            text.substring(1, text.length() - 1).replace("``", "`"),
                            place[0],
                            place[1],
                            start,
                            end));
                case "UNSIGNED_DECIMAL_INTEGER",
                        "UNSIGNED_HEX_INTEGER",
                        "UNSIGNED_OCTAL_INTEGER",
                        "DECIMAL_DOUBLE",
                        "DECIMAL_EXPONENT",
                        "DECIMAL_DOUBLE_EXPONENT" ->
                    tokens.add(new Token(Type.NUMBER, text, place[0], place[1], start, end));
                case "DOLLAR" -> {
                    if (i + 1 < all.size()
                            && all.get(i + 1).getChannel() == org.antlr.v4.runtime.Token.DEFAULT_CHANNEL
                            && isNameToken(all.get(i + 1))) {
                        org.antlr.v4.runtime.Token n = all.get(++i);
                        String p = n.getText();
                        if (p.startsWith("`")) {
                            p = p.substring(1, p.length() - 1).replace("``", "`");
                        }
                        int pend = n.getStopIndex() + 1 < decoded.length()
                                ? originalOffset(n.getStopIndex() + 1)
                                : original.length();
                        tokens.add(new Token(Type.PARAMETER, p, place[0], place[1], start, pend));
                    } else {
                        tokens.add(new Token(Type.SYMBOL, text, place[0], place[1], start, end));
                    }
                }
                case "ErrorChar" -> {
                    if (text.equals("'") || text.equals("\"")) {
                        throw QueryException.syntax(
                                "The string opened here is never closed with " + text + ".", place[0], place[1]);
                    }
                    if (text.equals("`")) {
                        throw QueryException.syntax(
                                "The name quoted here is never closed with a backtick.", place[0], place[1]);
                    }
                    tokens.add(new Token(Type.SYMBOL, text, place[0], place[1], start, end));
                }
                default -> {
                    if (name.equals("DIVIDE")
                            && i + 1 < all.size()
                            && all.get(i + 1).getStartIndex() == t.getStopIndex() + 1
                            && "TIMES"
                                    .equals(Cypher5Lexer.VOCABULARY.getSymbolicName(
                                            all.get(i + 1).getType()))) {
                        throw QueryException.syntax(
                                "The comment opened here is never closed with */.", place[0], place[1]);
                    }
                    tokens.add(
                            new Token(isNameToken(t) ? Type.WORD : Type.SYMBOL, text, place[0], place[1], start, end));
                }
            }
        }
        return tokens;
    }

    private int[] lineStarts;

    /** Line and column (from 1) of an offset in the query as written. */
    private int[] place(int offset) {
        if (lineStarts == null) {
            List<Integer> starts = new ArrayList<>();
            starts.add(0);
            for (int i = 0; i < original.length(); i++) {
                if (original.charAt(i) == '\n') {
                    starts.add(i + 1);
                }
            }
            lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
        }
        int line = java.util.Arrays.binarySearch(lineStarts, offset);
        if (line < 0) {
            line = -line - 2;
        }
        return new int[] {line + 1, offset - lineStarts[line] + 1};
    }

    /** Identifiers and keywords (every keyword can also be a name in Cypher). */
    private static boolean isNameToken(org.antlr.v4.runtime.Token t) {
        String text = t.getText();
        if (text.isEmpty()) {
            return false;
        }
        if (text.startsWith("`")) {
            return true;
        }
        return Character.isJavaIdentifierStart(text.charAt(0))
                && text.chars().allMatch(Character::isJavaIdentifierPart);
    }

    /** The offset in the query as written of the character at {@code decodedIndex} in the decoded text. */
    private int originalOffset(int decodedIndex) {
        if (decodedIndex < tableStart) {
            return decodedIndex;
        }
        return offsetTable[3 * (decodedIndex - tableStart)];
    }

    private static int[] lineAndColumn(String text, int offset) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new int[] {line, column};
    }
}
