package org.policygraph.web.cypher;

import org.policygraph.web.system.WebException;

/**
 * A console query that was refused, failed or was cut off, with the reason as a sentence and, where the problem
 * sits at one place in the query, its line and column (from 1).
 */
public class QueryException extends WebException {

    private final Integer line;
    private final Integer column;
    private boolean stoppedByServer;

    QueryException(int status, String title, String detail, Integer line, Integer column) {
        super(status, title, detail);
        this.line = line;
        this.column = column;
    }

    /** The query asks for something the read-only console does not do. */
    static QueryException refused(String detail, Integer line, Integer column) {
        return new QueryException(400, "Query refused", detail, line, column);
    }

    /** The query asks for something the read-only console does not do, at no one place. */
    static QueryException refused(String detail) {
        return refused(detail, null, null);
    }

    /** The query or its parameters cannot be read. */
    static QueryException syntax(String detail, Integer line, Integer column) {
        return new QueryException(400, "Query error", detail, line, column);
    }

    /** The query ran for longer than the console allows and was stopped. */
    static QueryException timedOut(String detail) {
        return new QueryException(400, "Query timed out", detail, null, null);
    }

    /** The console's own database is starting or restarting. */
    static QueryException starting(String detail) {
        return new QueryException(503, "Console starting", detail, null, null);
    }

    /** Too many console queries run at once. */
    static QueryException busy(String detail) {
        return new QueryException(429, "Too many queries", detail, null, null);
    }

    /** Marks a query the server stopped for its time or memory: its process may still be computing it. */
    QueryException markStoppedByServer() {
        stoppedByServer = true;
        return this;
    }

    /** Whether the server stopped the query for its time or memory. */
    boolean stoppedByServer() {
        return stoppedByServer;
    }

    /** The line of the problem, or null. */
    public Integer line() {
        return line;
    }

    /** The column of the problem, or null. */
    public Integer column() {
        return column;
    }

    /** The message with its place, e.g. "... (line 2, column 7)." */
    public String located() {
        if (line == null) {
            return getMessage();
        }
        String message = getMessage();
        String place = "line " + line + ", column " + column;
        return message.endsWith(".")
                ? message.substring(0, message.length() - 1) + " (" + place + ")."
                : message + " (" + place + ")";
    }
}
