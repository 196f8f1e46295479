package org.policygraph.web;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;
import java.util.Map;

/** Runs the app against a Neo4j in another process, reached by {@code neo4j.uri}. */
public class ExternalNeo4jProfile implements QuarkusTestProfile {

    /** An embedded store path that must never be created: the app must not start an embedded server. */
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("policygraph.embedded.dir", "target/embedded-must-not-exist-" + System.nanoTime());
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(ExternalNeo4jResource.class));
    }
}
