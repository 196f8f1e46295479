package org.policygraph.web.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Rendered answers, bounded by the weight of their bodies (Caffeine, least recently and least frequently used dropped
 * first). A key holds the graph version and the day the answer was rendered for (pages default to today), the full
 * request URI with its query, and the request's {@code Accept}; the entry keeps the negotiated content type, the
 * headers the resource set, the body and its ETag. Emptied whenever the graph's version changes.
 *
 * <p>A missing answer is rendered once however many ask for it at the same time (after a new version every page is
 * cold, and a linked page gets its readers all at once): the first request claims the key and renders, the others
 * wait for its answer ({@link #claim}). A claim that was not released within {@link #CLAIM_TIMEOUT_SECONDS} (a render
 * that failed in a way no filter saw) no longer holds anyone back: the next request claims the key again.
 */
@ApplicationScoped
public class PageCache {

    /** What an answer was rendered for. */
    public record Key(long version, String day, String uri, String accept) {}

    /** A rendered answer: its body, its ETag and the headers its resource set (content type included). */
    public record Entry(byte[] body, String etag, Map<String, List<String>> headers) {}

    /**
     * How long a request waits for another's render of the same answer before it renders the answer itself: long,
     * since every render ends its claim (the filters release it on every path, error or not) and a render on a busy
     * machine may take seconds; the bound is for a render that ended unseen.
     */
    static final long CLAIM_TIMEOUT_SECONDS = 60;

    /** A render in progress: the answer it will keep (null when it keeps none), and when it started. */
    public record Claim(CompletableFuture<Entry> answer, long startedNanos) {
        boolean stale(long now) {
            return answer.isDone() || now - startedNanos > TimeUnit.SECONDS.toNanos(CLAIM_TIMEOUT_SECONDS);
        }
    }

    private final CacheConfig config;
    private final Cache<Key, Entry> cache;
    private final ConcurrentHashMap<Key, Claim> rendering = new ConcurrentHashMap<>();
    private final java.util.Set<String> compressed;

    PageCache(CacheConfig config) {
        this.config = config;
        org.eclipse.microprofile.config.Config quarkus = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        boolean compression = quarkus.getOptionalValue("quarkus.http.enable-compression", Boolean.class)
                .orElse(false);
        this.compressed = compression
                ? java.util.Set.copyOf(quarkus.getOptionalValues("quarkus.http.compress-media-types", String.class)
                        .orElse(List.of()))
                : java.util.Set.of();
        this.cache = Caffeine.newBuilder()
                .maximumWeight(config.maxSize().asLongValue())
                .weigher((Key k, Entry e) -> e.body().length + k.uri().length() * 2 + 512)
                .build();
    }

    /** Whether answers are cached, and get ETags ({@code policygraph.cache.enabled}). */
    public boolean enabled() {
        return config.enabled();
    }

    /**
     * Whether answers of this content type are compressed ({@code quarkus.http.compress-media-types}): Quarkus
     * decides it per resource method, which a cached answer, served before any method is matched, does not reach.
     */
    public boolean compressed(String contentType) {
        if (contentType == null) {
            return false;
        }
        return compressed.contains(contentType.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT));
    }

    public Entry get(Key key) {
        return cache.getIfPresent(key);
    }

    /** Keeps the answer unless it is heavier than {@code max-entry-size}. */
    public void put(Key key, Entry entry) {
        if (entry.body().length <= config.maxEntrySize().asLongValue()) {
            cache.put(key, entry);
        }
    }

    /**
     * Claims the render of a missing answer for the caller: the caller renders it when this returns {@code mine} (and
     * must then {@link #release} it); otherwise this returns the claim of the request rendering it already, whose
     * answer the caller waits for.
     */
    public Claim claim(Key key, Claim mine) {
        return rendering.compute(key, (k, held) -> held == null || held.stale(mine.startedNanos()) ? mine : held);
    }

    /** A claim for the calling request, started now. */
    public static Claim newClaim() {
        return new Claim(new CompletableFuture<>(), System.nanoTime());
    }

    /**
     * Ends a claim, after the answer was kept ({@link #put}) or was not to be kept (an error, a 304): the requests
     * that waited get the answer, or null and render it themselves.
     */
    public void release(Key key, Claim claim, Entry kept) {
        rendering.remove(key, claim);
        claim.answer().complete(kept);
    }

    /** How many renders are in progress (for tests). */
    public int rendering() {
        return rendering.size();
    }

    /** Drops everything (a new graph version). */
    public void clear() {
        cache.invalidateAll();
    }

    /** How many answers are cached (an estimate, for logs and tests). */
    public long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }
}
