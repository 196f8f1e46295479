package org.policygraph.web.system;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * The external Neo4j server, named as Neo4j's own tools name it: {@code NEO4J_URI}, {@code NEO4J_USERNAME},
 * {@code NEO4J_PASSWORD} (or {@code neo4j.uri} etc. in application.properties). Without a URI the app starts its
 * embedded server.
 */
@ConfigMapping(prefix = "neo4j")
public interface Neo4jConfig {

    /** {@code bolt://} or {@code neo4j://} URI of a Neo4j 5 server or cluster. */
    Optional<String> uri();

    /** User name; defaults to neo4j. */
    @WithDefault("neo4j")
    String username();

    /** Password; when absent, no authentication is sent. */
    Optional<String> password();

    /** How long a page waits for a connection before answering 503. */
    @WithDefault("5")
    int connectionAcquisitionTimeoutSeconds();

    /**
     * How long the driver retries a transaction that failed because the database could not be reached, before the
     * page answers 503 and {@code /q/health} says DOWN. The driver's own default, 30 s, keeps a visitor waiting
     * half a minute while the database restarts.
     */
    @WithDefault("2")
    int maxTransactionRetrySeconds();
}
