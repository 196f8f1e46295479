package org.policygraph.web.system;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;

/**
 * What every answer's headers say, beyond what a resource sets.
 *
 * <p>The security headers (Content-Security-Policy, X-Content-Type-Options, Referrer-Policy, X-Frame-Options) are
 * configuration, {@code quarkus.http.header} and {@code quarkus.http.filter} in application.properties: Quarkus sets
 * them from routes that run before every other. What configuration does not do is here: the charset of every text
 * answer (pages, JSON and problems, CSV, Cypher scripts, GraphML, YAML, static files and Quarkus' own {@code /q/*}
 * routes). A route that runs before all others registers a hook that runs just before the headers go out, whoever
 * wrote the answer (a resource, an exception mapper, the static handler, a 404), and adds {@code ;charset=UTF-8} to
 * a text type that lacks it; everything the site writes is UTF-8.
 *
 * <p>One answer carries none of these headers: Quarkus refuses an address whose %-escapes are invalid
 * ({@code /search?q=%ZZ}) with an empty 400 before any route runs. It has no body, so there is nothing to protect.
 */
@ApplicationScoped
public class ResponseHeaders {

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            HttpServerResponse response = ctx.response();
            ctx.addHeadersEndHandler(v -> {
                String type = response.headers().get(HttpHeaders.CONTENT_TYPE);
                String withCharset = withCharset(type);
                if (withCharset != null && !withCharset.equals(type)) {
                    response.headers().set(HttpHeaders.CONTENT_TYPE, withCharset);
                }
            });
            ctx.next();
        });
    }

    /** The media type with {@code ;charset=UTF-8} added when it is text and says no charset; otherwise as given. */
    static String withCharset(String type) {
        if (type == null || type.isBlank()) {
            return type;
        }
        String lower = type.toLowerCase(Locale.ROOT);
        if (lower.contains("charset=")) {
            return type;
        }
        String essence = lower.split(";", 2)[0].strip();
        boolean text = essence.startsWith("text/")
                || essence.equals("application/json")
                || essence.endsWith("+json")
                || essence.equals("application/xml")
                || essence.endsWith("+xml")
                || essence.equals("application/yaml")
                || essence.equals("application/javascript");
        return text ? type + ";charset=UTF-8" : type;
    }
}
