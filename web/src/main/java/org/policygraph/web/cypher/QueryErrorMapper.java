package org.policygraph.web.cypher;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.policygraph.web.system.ErrorMapper;

/**
 * Console errors under {@code /api}: a JSON problem with the line and column of the problem in the query, and a
 * {@code Retry-After} header when too many queries run. Elsewhere the site's error page, as for any error.
 */
public class QueryErrorMapper {

    @ServerExceptionMapper
    public Response query(QueryException e, @Context UriInfo uri) {
        String path = uri == null ? "" : uri.getPath();
        if (!path.startsWith("/api/")) {
            return ErrorMapper.respond(e.status(), e.title(), e.located(), uri);
        }
        Response.ResponseBuilder response = Response.status(e.status())
                .type(ErrorMapper.PROBLEM_JSON)
                .entity(new QueryProblem(
                        "about:blank", e.title(), e.status(), e.located(), path, e.line(), e.column()));
        if (e.status() == 429) {
            response.header("Retry-After", "1");
        } else if (e.status() == 503) {
            response.header("Retry-After", "5");
        }
        return response.build();
    }
}
