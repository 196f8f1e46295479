package org.policygraph.web.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/**
 * Rendered answers, bounded by the weight of their bodies (Caffeine, least recently and least frequently used dropped
 * first). A key holds the graph version and the day the answer was rendered for (pages default to today), the full
 * request URI with its query, and the request's {@code Accept}; the entry keeps the negotiated content type, the
 * headers the resource set, the body and its ETag. Emptied whenever the graph's version changes.
 */
@ApplicationScoped
public class PageCache {

    /** What an answer was rendered for. */
    public record Key(long version, String day, String uri, String accept) {}

    /** A rendered answer: its body, its ETag and the headers its resource set (content type included). */
    public record Entry(byte[] body, String etag, Map<String, List<String>> headers) {}

    private final CacheConfig config;
    private final Cache<Key, Entry> cache;
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
