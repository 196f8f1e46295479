package org.policygraph.web.system;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** PolicyGraph's own settings ({@code policygraph.*} in application.properties, or POLICYGRAPH_* variables). */
@ConfigMapping(prefix = "policygraph")
public interface PolicyGraphConfig {

    /** The embedded Neo4j server, used when {@code NEO4J_URI} is not set. */
    Embedded embedded();

    /**
     * Apply the schema files at start (every statement is IF NOT EXISTS). Turn off when the app connects with a
     * read-only account, which may not run schema commands; the schema must then be in place already.
     */
    @WithDefault("true")
    boolean applySchema();

    /** Load the default data when the database holds no PolicyGraph nodes yet (first start). */
    @WithDefault("true")
    boolean loadDefaultData();

    /**
     * After start, run the main pages' queries once in the background (see {@code WarmUp}), so that the first
     * visitors do not each wait for Neo4j to plan them.
     */
    @WithDefault("true")
    boolean warmUp();

    interface Embedded {
        /** The store directory (env POLICYGRAPH_EMBEDDED_DIR); created on first start. */
        @WithDefault("policygraph-db")
        String dir();

        /** The Bolt port on 127.0.0.1; 0 picks a free one. */
        @WithDefault("0")
        int boltPort();

        /**
         * The embedded server's page cache in MiB (env POLICYGRAPH_EMBEDDED_PAGE_CACHE_MB). 256 holds the default data
         * many times over; a store of a million models wants a few thousand.
         */
        @WithDefault("256")
        int pageCacheMb();

        /**
         * Delete the store at the app's first start in this JVM: for tests only, so that each test run starts from
         * the default data. Later starts in the same JVM (tests restart the app once per test profile) keep what
         * the first one loaded, since loading it again takes half a minute; every test that writes removes what it
         * wrote.
         */
        @WithDefault("false")
        boolean wipeOnStart();
    }
}
