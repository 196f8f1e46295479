package org.policygraph.web.system;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.policygraph.data.EmbeddedNeo4j;

/**
 * Produces the one {@link Driver} the app uses. With {@code NEO4J_URI} set it connects there and starts nothing;
 * otherwise it starts the embedded server in {@code policygraph.embedded.dir} and connects to it over Bolt, so
 * that both paths run the same driver code.
 */
@ApplicationScoped
public class DatabaseProducer {

    private EmbeddedNeo4j embedded;
    private Driver driver;

    @Produces
    @Singleton
    Driver driver(Neo4jConfig neo4j, PolicyGraphConfig config) {
        Config driverConfig = Config.builder()
                .withConnectionAcquisitionTimeout(neo4j.connectionAcquisitionTimeoutSeconds(), TimeUnit.SECONDS)
                .withConnectionTimeout(neo4j.connectionAcquisitionTimeoutSeconds(), TimeUnit.SECONDS)
                .withMaxTransactionRetryTime(neo4j.maxTransactionRetrySeconds(), TimeUnit.SECONDS)
                .withMaxConnectionPoolSize(128)
                .withLogging(org.neo4j.driver.Logging.slf4j())
                .build();
        if (neo4j.uri().isPresent() && !neo4j.uri().get().isBlank()) {
            String uri = neo4j.uri().get();
            Log.infof("connecting to the external Neo4j at %s", uri);
            driver = neo4j.password().isPresent()
                    ? GraphDatabase.driver(
                            uri,
                            AuthTokens.basic(neo4j.username(), neo4j.password().get()),
                            driverConfig)
                    : GraphDatabase.driver(uri, AuthTokens.none(), driverConfig);
        } else {
            Path dir = Path.of(config.embedded().dir()).toAbsolutePath();
            // a system property marks the store wiped for the whole JVM: each start of the app in tests has a class
            // loader of its own, so a static field would not remember it
            String wiped = "org.policygraph.web.store-wiped-in-this-jvm:" + dir; // outside the policygraph.* config
            if (config.embedded().wipeOnStart() && System.getProperty(wiped) == null) {
                deleteTree(dir);
                System.setProperty(wiped, "true");
            }
            Log.infof("starting the embedded Neo4j in %s", dir);
            long start = System.nanoTime();
            embedded = EmbeddedNeo4j.start(
                    dir, config.embedded().boltPort(), config.embedded().pageCacheMb() * 1024L * 1024);
            Log.infof(
                    "the embedded Neo4j started in %d ms, Bolt on %s (user neo4j, password in %s)",
                    (System.nanoTime() - start) / 1_000_000, embedded.boltUri(), embedded.credentialsFile());
            driver = GraphDatabase.driver(embedded.boltUri(), embedded.authToken(), driverConfig);
        }
        return driver;
    }

    void stop(@Observes ShutdownEvent event) {
        if (driver != null) {
            driver.close();
        }
        if (embedded != null) {
            embedded.close();
            embedded = null;
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot wipe " + dir, e);
        }
    }
}
