package org.policygraph.web.cache;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The page cache's settings ({@code policygraph.cache.*}). */
@ConfigMapping(prefix = "policygraph.cache")
public interface CacheConfig {

    /** Keep rendered pages and JSON answers in memory, per graph version. Off: every request renders. */
    @WithDefault("true")
    boolean enabled();

    /** How much the cached bodies may weigh together; the least used are dropped past it. */
    @WithDefault("64M")
    MemorySize maxSize();

    /** An answer heavier than this is never cached (it is rendered each time). */
    @WithDefault("4M")
    MemorySize maxEntrySize();

    /** How often the graph's version is read from the database: a write by any process is seen within this. */
    @WithDefault("2s")
    Duration pollInterval();
}
