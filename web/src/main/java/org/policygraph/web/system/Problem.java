package org.policygraph.web.system;

/**
 * An RFC 9457 problem document, the body of every error under {@code /api}.
 *
 * @param type     a URI naming the problem type ("about:blank" for plain HTTP statuses)
 * @param title    the HTTP status in words
 * @param status   the HTTP status
 * @param detail   what went wrong, in a sentence
 * @param instance the request path
 */
public record Problem(String type, String title, int status, String detail, String instance) {}
