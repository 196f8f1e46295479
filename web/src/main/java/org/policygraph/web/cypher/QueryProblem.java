package org.policygraph.web.cypher;

/**
 * An RFC 9457 problem for a console query, with the place of the problem in the query where there is one.
 *
 * @param type     "about:blank"
 * @param title    Query refused, Query error, Query timed out or Too many queries
 * @param status   the HTTP status
 * @param detail   the reason, in a sentence
 * @param instance the request path
 * @param line     the line of the problem in the query, from 1, or null
 * @param column   the column of the problem, from 1, or null
 */
public record QueryProblem(
        String type, String title, int status, String detail, String instance, Integer line, Integer column) {}
