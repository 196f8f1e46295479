package org.policygraph.web.cache;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/**
 * The graph version's tests with the app pointed at a Neo4j in another process; the ingest writes through a
 * connection of its own to that server, as the {@code ingest} command or another app instance would, and the app
 * learns of it only by polling the graph's version. (Hits, 304s and gzip do not depend on the database: they are
 * tested once, in {@link PageCacheTest}.)
 */
@QuarkusTest
@TestProfile(org.policygraph.web.ExternalNeo4jProfile.class)
class ExternalNeo4jPageCacheTest extends GraphVersionTest {

    @ConfigProperty(name = "neo4j.uri")
    String uri;

    private Driver other;

    @Override
    Driver writer() {
        if (other == null) {
            other = GraphDatabase.driver(uri, AuthTokens.none());
        }
        return other;
    }

    @AfterEach
    void closeTheOtherDriver() {
        if (other != null) {
            other.close();
            other = null;
        }
    }
}
