package org.policygraph.web.cypher;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a Cypher query into tokens the way Cypher's own lexer does at the level the console's guard needs: string
 * literals, comments and backtick-quoted names are single tokens (so a keyword inside a string or a comment is
 * never mistaken for a clause), and every token knows its line and column.
 */
final class CypherTokens {

    /** What a token is. */
    enum Type { WORD, QUOTED_NAME, STRING, NUMBER, PARAMETER, SYMBOL }

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

    private final String text;
    private int pos;
    private int line = 1;
    private int column = 1;

    private CypherTokens(String text) {
        this.text = text;
    }

    /**
     * The tokens of a query.
     *
     * @throws QueryException when a string, a quoted name or a comment is not closed
     */
    static List<Token> of(String query) {
        return new CypherTokens(query).tokens();
    }

    private List<Token> tokens() {
        List<Token> tokens = new ArrayList<>();
        while (pos < text.length()) {
            char c = text.charAt(pos);
            int startLine = line;
            int startColumn = column;
            int startPos = pos;
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                advance(1);
            } else if (text.startsWith("//", pos)) {
                while (pos < text.length() && text.charAt(pos) != '\n') {
                    advance(1);
                }
            } else if (text.startsWith("/*", pos)) {
                int end = text.indexOf("*/", pos + 2);
                if (end < 0) {
                    throw QueryException.syntax("The comment opened here is never closed with */.", startLine, startColumn);
                }
                advanceTo(end + 2);
            } else if (c == '\'' || c == '"') {
                tokens.add(new Token(Type.STRING, string(c, startLine, startColumn), startLine, startColumn, startPos, pos));
            } else if (c == '`') {
                tokens.add(new Token(Type.QUOTED_NAME, quotedName(startLine, startColumn), startLine, startColumn, startPos, pos));
            } else if (c == '$') {
                advance(1);
                String name;
                if (pos < text.length() && text.charAt(pos) == '`') {
                    name = quotedName(startLine, startColumn);
                } else {
                    int start = pos;
                    while (pos < text.length() && Character.isJavaIdentifierPart(text.charAt(pos))) {
                        advance(1);
                    }
                    name = text.substring(start, pos);
                }
                tokens.add(new Token(Type.PARAMETER, name, startLine, startColumn, startPos, pos));
            } else if (Character.isDigit(c) || (c == '.' && pos + 1 < text.length() && Character.isDigit(text.charAt(pos + 1))
                    && !previousIsName(tokens))) {
                tokens.add(new Token(Type.NUMBER, number(), startLine, startColumn, startPos, pos));
            } else if (Character.isJavaIdentifierStart(c)) {
                int start = pos;
                while (pos < text.length() && Character.isJavaIdentifierPart(text.charAt(pos))) {
                    advance(1);
                }
                tokens.add(new Token(Type.WORD, text.substring(start, pos), startLine, startColumn, startPos, pos));
            } else {
                advance(1);
                tokens.add(new Token(Type.SYMBOL, String.valueOf(c), startLine, startColumn, startPos, pos));
            }
        }
        return tokens;
    }

    private static boolean previousIsName(List<Token> tokens) {
        if (tokens.isEmpty()) {
            return false;
        }
        Token last = tokens.get(tokens.size() - 1);
        return last.isName() || last.isSymbol(")") || last.isSymbol("]");
    }

    private String string(char quote, int startLine, int startColumn) {
        StringBuilder sb = new StringBuilder();
        advance(1);
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\\' && pos + 1 < text.length()) {
                sb.append(c).append(text.charAt(pos + 1));
                advance(2);
            } else if (c == quote) {
                advance(1);
                return sb.toString();
            } else {
                sb.append(c);
                advance(1);
            }
        }
        throw QueryException.syntax("The string opened here is never closed with " + quote + ".", startLine, startColumn);
    }

    private String quotedName(int startLine, int startColumn) {
        StringBuilder sb = new StringBuilder();
        advance(1);
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '`' && pos + 1 < text.length() && text.charAt(pos + 1) == '`') {
                sb.append('`');
                advance(2);
            } else if (c == '`') {
                advance(1);
                return sb.toString();
            } else {
                sb.append(c);
                advance(1);
            }
        }
        throw QueryException.syntax("The name quoted here is never closed with a backtick.", startLine, startColumn);
    }

    private String number() {
        int start = pos;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            boolean exponentSign = (c == '+' || c == '-') && pos > start
                    && (text.charAt(pos - 1) == 'e' || text.charAt(pos - 1) == 'E')
                    && !text.substring(start, pos).toLowerCase().startsWith("0x");
            boolean decimalPoint = c == '.' && pos + 1 < text.length() && Character.isDigit(text.charAt(pos + 1))
                    && !text.substring(start, pos).contains(".");
            if (Character.isLetterOrDigit(c) || c == '_' || exponentSign || decimalPoint) {
                advance(1);
            } else {
                break;
            }
        }
        return text.substring(start, pos);
    }

    private void advanceTo(int end) {
        advance(end - pos);
    }

    private void advance(int n) {
        for (int i = 0; i < n && pos < text.length(); i++) {
            if (text.charAt(pos) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
            pos++;
        }
    }
}
