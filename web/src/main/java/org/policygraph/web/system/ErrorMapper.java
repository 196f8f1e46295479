package org.policygraph.web.system;

import io.quarkus.logging.Log;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
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
        return respond(503, "Database unavailable",
                "The graph database cannot be reached right now; please try again in a moment.", uri);
    }

    @ServerExceptionMapper
    public Response expired(SessionExpiredException e, @Context UriInfo uri) {
        Log.warnf("database session expired: %s", e.getMessage());
        return respond(503, "Database unavailable",
                "The graph database cannot be reached right now; please try again in a moment.", uri);
    }

    @ServerExceptionMapper
    public Response database(org.neo4j.driver.exceptions.Neo4jException e, @Context UriInfo uri) {
        Log.errorf(e, "database error on %s", uri == null ? "" : uri.getPath());
        return respond(500, "Database error",
                "The database could not answer this request (" + e.code() + "); the error has been logged.", uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, @Context UriInfo uri) {
        int status = e.getResponse().getStatus();
        String title = status == 404 ? "Not found" : Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status).getReasonPhrase() : "Error";
        String detail = status == 404 ? "There is no page at " + uri.getPath() + "." : e.getMessage();
        return respond(status, title, detail, uri);
    }

    /** The error page for the site, or a JSON problem under {@code /api}. */
    public static Response respond(int status, String title, String detail, UriInfo uri) {
        String path = uri == null ? "" : uri.getPath();
        if (path.startsWith("/api/") || path.equals("/api")) {
            return Response.status(status).type(PROBLEM_JSON)
                    .entity(new Problem("about:blank", title, status, detail, path)).build();
        }
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.error(status, title, detail).render()).build();
    }
}
