package org.policygraph.web.cache;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the cache filters take for a match and what they cache, without a server. */
class CacheFiltersTest {

    @Test
    void ifNoneMatchNamesTheEtagStrongOrWeakInAListOrAsAStar() {
        String etag = "\"v3-2026-12-01-text/html\"";
        assertThat(CacheFilters.matches(etag, etag)).isTrue();
        assertThat(CacheFilters.matches("W/" + etag, etag)).isTrue();
        assertThat(CacheFilters.matches("\"v2-2026-12-01-text/html\", " + etag, etag))
                .isTrue();
        assertThat(CacheFilters.matches("*", etag)).isTrue();
        assertThat(CacheFilters.matches("\"v2-2026-12-01-text/html\"", etag)).isFalse();
        assertThat(CacheFilters.matches("\"v3-2026-12-01-application/json\"", etag))
                .isFalse();
        assertThat(CacheFilters.matches(null, etag)).isFalse();
        assertThat(CacheFilters.matches("", etag)).isFalse();
    }

    @Test
    void theConsoleTheExportsAndQuarkusRoutesAreNotCached() {
        assertThat(CacheFilters.cacheable("/regulations/eu-ai-act")).isTrue();
        assertThat(CacheFilters.cacheable("/api/regulations/eu-ai-act")).isTrue();
        assertThat(CacheFilters.cacheable("/api/cypher/saved")).isFalse();
        assertThat(CacheFilters.cacheable("/api/cypher")).isFalse();
        assertThat(CacheFilters.cacheable("/cypher")).isFalse();
        assertThat(CacheFilters.cacheable("/cypher/result.csv")).isFalse();
        assertThat(CacheFilters.cacheable("/api/export")).isFalse();
        assertThat(CacheFilters.cacheable("/q/health")).isFalse();
        assertThat(CacheFilters.cacheable("/cypherpunks")).isTrue();
    }
}
