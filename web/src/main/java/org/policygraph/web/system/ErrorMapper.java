package org.policygraph.web.system;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.logging.Log;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;

/**
 * Turns errors into responses: the error page for the site, an RFC 9457 JSON problem under {@code /api}. A
 * database that cannot be reached is a 503 with a page saying so, never a stack trace.
 */
public class ErrorMapper {

    /** The media type of JSON problems. */
    public static final String PROBLEM_JSON = "application/problem+json";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(int status, String title, String detail);
    }

    @ServerExceptionMapper
    public Response domain(WebException e, @Context UriInfo uri) {
        return respond(e.status(), e.title(), e.getMessage(), uri);
    }

    @ServerExceptionMapper
    public Response unavailable(ServiceUnavailableException e, @Context UriInfo uri) {
        Log.warnf("database unavailable: %s", e.getMessage());
        return respond(
                503,
                "Database unavailable",
                "The graph database cannot be reached right now; please try again in a moment.",
                uri);
    }

    @ServerExceptionMapper
    public Response expired(SessionExpiredException e, @Context UriInfo uri) {
        Log.warnf("database session expired: %s", e.getMessage());
        return respond(
                503,
                "Database unavailable",
                "The graph database cannot be reached right now; please try again in a moment.",
                uri);
    }

    @ServerExceptionMapper
    public Response database(org.neo4j.driver.exceptions.Neo4jException e, @Context UriInfo uri) {
        Log.errorf(e, "database error on %s", uri == null ? "" : uri.getPath());
        return respond(
                500,
                "Database error",
                "The database could not answer this request (" + e.code() + "); the error has been logged.",
                uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, @Context UriInfo uri, @Context HttpHeaders headers) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException json) {
            return json(json, uri);
        }
        int status = e.getResponse().getStatus();
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = status == 404 ? "Not found" : known != null ? known.getReasonPhrase() : "Error";
        String path = uri == null ? "" : uri.getPath();
        String detail = switch (status) {
            case 404 -> "There is no page at " + cut(path) + ".";
            case 405 ->
                "The method is not allowed at " + cut(path) + "."
                        + (e.getResponse().getAllowedMethods().isEmpty()
                                ? ""
                                : " Use "
                                        + String.join(
                                                " or ",
                                                new java.util.TreeSet<>(
                                                        e.getResponse().getAllowedMethods()))
                                        + ".");
            case 406 ->
                "This address cannot answer in the media types the Accept header asks for"
                        + (path.startsWith("/api/") ? " (it answers application/json)." : " (it answers text/html).");
            case 415 ->
                "This address does not take a body of type "
                        + cut(String.valueOf(headers == null ? null : headers.getMediaType()))
                        + (path.startsWith("/api/")
                                ? "; send application/json."
                                : "; send a form (application/x-www-form-urlencoded).");
            case 400 -> "The request is malformed.";
            default -> known != null ? known.getReasonPhrase() + "." : "The request could not be answered.";
        };
        return respond(status, title, detail, uri);
    }

    /**
     * A JSON body that is not JSON, or not of the shape the address takes ({@code "x"}, {@code []},
     * {@code {"query": ["a"]}}): a problem that says where and what was expected, never the class it maps to.
     */
    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 100)
    public Response mismatched(MismatchedInputException e, @Context UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 100)
    public Response malformedJson(JsonProcessingException e, @Context UriInfo uri) {
        return json(e, uri);
    }

    private static Response json(JsonProcessingException e, UriInfo uri) {
        String example = " such as {\"query\": \"MATCH (n:Regulation) RETURN n.name\", \"parameters\": {}}";
        String detail;
        if (e instanceof MismatchedInputException m) {
            String field = m.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
                    .orElse(null);
            String expected = expected(m.getTargetType());
            detail = field == null
                    ? "The body must be a JSON object" + example + "."
                    : "The field '" + cut(field) + "' must be " + expected + "."
                            + (field.equals("query") ? " Send the query as one string." : "");
        } else if (e.getLocation() != null && e.getLocation().getLineNr() > 0) {
            detail = "The body is not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + "). Send a JSON object" + example + ".";
        } else {
            detail = "The body is not valid JSON. Send a JSON object" + example + ".";
        }
        return respond(400, "Malformed JSON", detail, uri);
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "a string";
        }
        if (java.util.Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "a JSON object";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a JSON array";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        return "of another type";
    }

    /**
     * A form or query string whose %-escapes are not valid UTF-8 ({@code query=%ZZ}): the parsers throw this
     * before any resource runs.
     */
    @ServerExceptionMapper
    public Response illegalArgument(IllegalArgumentException e, @Context UriInfo uri, @Context HttpHeaders headers) {
        String message = String.valueOf(e.getMessage());
        if (message.startsWith("Failed to decode")) {
            MediaType type = headers == null ? null : headers.getMediaType();
            boolean form = type != null && type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE);
            return respond(
                    400,
                    "Malformed request",
                    (form ? "The form is malformed" : "The address is malformed")
                            + ": a %-escape in it is not valid percent-encoded UTF-8 (a % must be followed by two hex digits).",
                    uri);
        }
        return unexpected(e, uri);
    }

    /** Anything else: a 500 that says the error was logged, with an id to find it by, and nothing of its insides. */
    @ServerExceptionMapper
    public Response unexpected(Throwable e, @Context UriInfo uri) {
        String id = java.util.UUID.randomUUID().toString();
        Log.errorf(e, "unexpected error %s on %s", id, uri == null ? "" : uri.getPath());
        return respond(
                500,
                "Internal error",
                "Something went wrong on our side; the error has been logged as " + id + ".",
                uri);
    }

    private static String cut(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }

    /** The error page for the site, or a JSON problem under {@code /api}. */
    public static Response respond(int status, String title, String detail, UriInfo uri) {
        String path = uri == null ? "" : uri.getPath();
        if (path.startsWith("/api/") || path.equals("/api")) {
            return Response.status(status)
                    .type(PROBLEM_JSON + ";charset=UTF-8")
                    .entity(new Problem("about:blank", title, status, detail, path))
                    .build();
        }
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.error(status, title, detail).render())
                .build();
    }
}
