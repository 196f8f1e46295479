package org.policygraph.web;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/** Runs the app against a Neo4j in another process, reached by {@code neo4j.uri}. */
public class ExternalNeo4jProfile implements QuarkusTestProfile {

    /** An embedded store path that must never be created: the app must not start an embedded server. */
    @Override
    public Map<String, String> getConfigOverrides() {
        // the page cache on, as in production: these tests write nothing behind ingest's back, and the cache's
        // invalidation by the graph's version is tested against this external server (ExternalNeo4jPageCacheTest)
        // and the console's own Neo4j started at its first query, not at boot: no test of this profile queries it
        return Map.of(
                "policygraph.embedded.dir",
                "target/embedded-must-not-exist-" + System.nanoTime(),
                "policygraph.cache.enabled",
                "true",
                "policygraph.console.start-at-boot",
                "false");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(ExternalNeo4jResource.class));
    }
}
