package org.policygraph.web.cache;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;
import org.policygraph.web.cypher.ConsoleDatabase;

/**
 * Serves, stores and revalidates answers of the JAX-RS resources (pages and the JSON API; static files and
 * {@code /q/*} are not JAX-RS and never pass here).
 *
 * <p>Between two writes every page is a pure function of the graph, the day (a page without {@code as-of} is answered
 * for today, UTC), its URL and its representation; no page reads a cookie or any header but {@code Accept}. So a
 * {@code GET} is looked up by (graph version, day, full request URI with its query, {@code Accept}) before any
 * resource runs; on a hit the stored body is answered with the headers its resource set, or {@code 304} with no body
 * when the request's {@code If-None-Match} holds its ETag. On a miss the resource runs; a {@code 200} with a body gets
 * its ETag ({@code "v<version>-<day>-<negotiated media type>"}), and its body is kept as it is written out. Errors
 * (any other status) are never stored. A miss asked for by several requests at once is rendered once: the first one
 * renders it, the others wait for its answer without holding a thread, and are answered as hits
 * ({@link PageCache#claim}). Every answer says {@code X-PolicyGraph-Version}, cached ones also
 * {@code X-PolicyGraph-Cache: hit} or {@code miss}, with {@code Cache-Control: public, max-age=0, must-revalidate} (a
 * browser or CDN may keep the answer and must ask again, cheaply, with {@code If-None-Match}) and {@code Vary: Accept}.
 *
 * <p>The console ({@code /cypher}, {@code /api/cypher}) and the exports ({@code /api/export}) are not cached: they are
 * streamed, and the console's answers depend on the query posted. They carry {@code X-PolicyGraph-Version}: for the
 * console the version its copy of the graph was made from. The security headers (CSP and the others) are set by
 * Quarkus' own routes before any of this runs, so hits and 304s carry them like every answer.
 */
@Provider
@PreMatching
public class CacheFilters implements ContainerRequestFilter, ContainerResponseFilter, WriterInterceptor {

    public static final String CACHE_HEADER = "X-PolicyGraph-Cache";
    public static final String VERSION_HEADER = "X-PolicyGraph-Version";
    static final String CACHE_CONTROL = "public, max-age=0, must-revalidate";

    private static final String KEY = CacheFilters.class.getName() + ".key";
    private static final String SERVED = CacheFilters.class.getName() + ".served";
    private static final String CAPTURE = CacheFilters.class.getName() + ".capture";
    private static final String VERSION = CacheFilters.class.getName() + ".version";
    private static final String CLAIM = CacheFilters.class.getName() + ".claim";
    /** Headers of the resource's answer not kept with the body: the cache's own, and what the server recomputes. */
    private static final Set<String> NOT_KEPT = Set.of(
            "content-length",
            "transfer-encoding",
            "content-encoding",
            "etag",
            "cache-control",
            "vary",
            CACHE_HEADER.toLowerCase(Locale.ROOT),
            VERSION_HEADER.toLowerCase(Locale.ROOT));

    // application-scoped beans only (client proxies, made at the first request): the providers are built at static
    // init, before runtime configuration exists
    @Inject
    PageCache cache;

    @Inject
    GraphVersionWatch versions;

    @Inject
    ConsoleDatabase console;

    @Inject
    CurrentVertxRequest vertx;

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getRequestUri().getRawPath();
        long version = versions.current();
        request.setProperty(VERSION, version);
        if (!cache.enabled()
                || version == GraphVersionWatch.UNKNOWN
                || !"GET".equals(request.getMethod())
                || !cacheable(path)) {
            return;
        }
        PageCache.Key key = new PageCache.Key(
                version,
                today(),
                request.getUriInfo().getRequestUri().toString(),
                String.valueOf(request.getHeaderString(HttpHeaders.ACCEPT)));
        PageCache.Entry hit = cache.get(key);
        if (hit != null) {
            request.setProperty(SERVED, Boolean.TRUE);
            request.abortWith(answer(request, hit, version, vertx.getCurrent()));
            return;
        }
        PageCache.Claim mine = PageCache.newClaim();
        PageCache.Claim held = cache.claim(key, mine);
        if (held == mine) {
            request.setProperty(KEY, key);
            request.setProperty(CLAIM, mine);
            return;
        }
        // another request is rendering this answer: wait for it without holding a thread, then answer it as a hit;
        // if it keeps none (an error) or takes too long, render it here (without a claim)
        RoutingContext routing = vertx.getCurrent();
        io.vertx.core.Context context = io.vertx.core.Vertx.currentContext();
        ResteasyReactiveContainerRequestContext suspended = (ResteasyReactiveContainerRequestContext) request;
        suspended.suspend();
        held.answer()
                .copy()
                .orTimeout(PageCache.CLAIM_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .whenComplete((shared, failure) -> {
                    // on this request's own event loop, not on the thread of the render that answered it
                    Runnable resume = () -> {
                        try {
                            if (shared != null) {
                                request.setProperty(SERVED, Boolean.TRUE);
                                request.abortWith(answer(request, shared, version, routing));
                            } else {
                                request.setProperty(KEY, key);
                            }
                            suspended.resume();
                        } catch (RuntimeException e) {
                            suspended.resume(e);
                        }
                    };
                    if (context != null) {
                        context.runOnContext(v -> resume.run());
                    } else {
                        resume.run();
                    }
                });
    }

    /** A stored answer: its body with the headers its resource set, or 304 when the client holds its ETag. */
    private Response answer(
            ContainerRequestContext request, PageCache.Entry hit, long version, RoutingContext routing) {
        Response.ResponseBuilder answer;
        if (matches(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), hit.etag())) {
            answer = Response.notModified();
        } else {
            answer = Response.ok(hit.body());
            hit.headers().forEach((name, values) -> values.forEach(v -> answer.header(name, v)));
            hit.headers().forEach((name, values) -> {
                if (name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)
                        && !values.isEmpty()
                        && cache.compressed(values.get(0))) {
                    compress(routing);
                }
            });
        }
        return answer.header(HttpHeaders.ETAG, hit.etag())
                .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                .header(CACHE_HEADER, "hit")
                .header(VERSION_HEADER, version)
                .build();
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(SERVED) != null) {
            return;
        }
        Object version = request.getProperty(VERSION);
        String path = request.getUriInfo().getRequestUri().getRawPath();
        if (console(path)) {
            long copied = console.copiedVersion();
            response.getHeaders().putSingle(VERSION_HEADER, copied == GraphVersionWatch.UNKNOWN ? version : copied);
            return;
        }
        if (version != null && (long) version != GraphVersionWatch.UNKNOWN) {
            response.getHeaders().putSingle(VERSION_HEADER, version);
        }
        PageCache.Key key = (PageCache.Key) request.getProperty(KEY);
        if (key == null || response.getStatus() != 200 || !response.hasEntity() || response.getMediaType() == null) {
            release(request, key, null);
            return;
        }
        MediaType type = response.getMediaType();
        String etag = "\"v" + key.version() + "-" + key.day() + "-" + type.getType() + "/" + type.getSubtype() + "\"";
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle(HttpHeaders.ETAG, etag);
        headers.putSingle(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
        headers.putSingle(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        headers.putSingle(CACHE_HEADER, "miss");
        if (matches(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), etag)) {
            // the client holds this very representation: no body (and nothing to keep: it was not rendered for us)
            response.setStatus(304);
            response.setEntity(null);
            release(request, key, null);
            return;
        }
        request.setProperty(CAPTURE, new Capture(key, etag));
    }

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        Object capture = context.getProperty(CAPTURE);
        if (!(capture instanceof Capture c)) {
            context.proceed();
            return;
        }
        OutputStream out = context.getOutputStream();
        ByteArrayOutputStream body = new ByteArrayOutputStream(8192);
        context.setOutputStream(body);
        PageCache.Entry entry = null;
        try {
            context.proceed();
            byte[] bytes = body.toByteArray();
            Map<String, List<String>> kept = new LinkedHashMap<>();
            context.getHeaders().forEach((name, values) -> {
                if (!NOT_KEPT.contains(name.toLowerCase(Locale.ROOT))) {
                    List<String> strings = new ArrayList<>(values.size());
                    values.forEach(v -> strings.add(String.valueOf(v)));
                    kept.put(name, List.copyOf(strings));
                }
            });
            if (kept.keySet().stream().noneMatch(HttpHeaders.CONTENT_TYPE::equalsIgnoreCase)) {
                kept.put(
                        HttpHeaders.CONTENT_TYPE, List.of(context.getMediaType().toString()));
            }
            entry = new PageCache.Entry(bytes, c.etag(), Map.copyOf(kept));
            cache.put(c.key(), entry);
        } finally {
            context.setOutputStream(out);
            Object claim = context.getProperty(CLAIM);
            if (claim instanceof PageCache.Claim held) {
                cache.release(c.key(), held, entry);
            }
        }
        out.write(entry.body());
    }

    /** Ends this request's claim on its key, if it holds one, giving the waiting requests this answer or none. */
    private void release(ContainerRequestContext request, PageCache.Key key, PageCache.Entry kept) {
        if (key != null && request.getProperty(CLAIM) instanceof PageCache.Claim held) {
            request.removeProperty(CLAIM);
            cache.release(key, held, kept);
        }
    }

    /**
     * Lets the server compress this answer. With compression on, Quarkus marks every answer
     * {@code Content-Encoding: identity} (not compressed) and lifts the mark in the matched resource method's chain when
     * its type is compressible; a cached answer is served before any method is matched, so the mark is lifted here.
     */
    private static void compress(RoutingContext rc) {
        if (rc == null) {
            return;
        }
        rc.response().headers().remove(HttpHeaders.CONTENT_ENCODING);
        rc.addHeadersEndHandler(v -> {
            if ("identity".equals(rc.response().headers().get(HttpHeaders.CONTENT_ENCODING))) {
                rc.response().headers().remove(HttpHeaders.CONTENT_ENCODING);
            }
        });
    }

    /** A miss whose body is to be kept as it is written. */
    private record Capture(PageCache.Key key, String etag) {}

    /** Pages and API answers, but not the console, the exports or Quarkus' own routes. */
    static boolean cacheable(String path) {
        return !console(path) && !path.startsWith("/api/export") && !path.startsWith("/q/");
    }

    static boolean console(String path) {
        return path.equals("/cypher")
                || path.startsWith("/cypher/")
                || path.equals("/api/cypher")
                || path.startsWith("/api/cypher/");
    }

    /** Whether an {@code If-None-Match} list names this ETag (weak or strong), or is {@code *}. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.strip();
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            if (t.equals("*") || t.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    private static String today() {
        return LocalDate.now(ZoneOffset.UTC).toString();
    }
}
