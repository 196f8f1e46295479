package org.policygraph.web.system;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policygraph.data.EmbeddedNeo4j;

import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded server begun before Quarkus is handed over only when the configuration asks for that very one. */
class EarlyStartTest {

    @TempDir
    Path temp;

    @AfterEach
    void clear() {
        System.clearProperty("policygraph.embedded.dir");
        System.clearProperty("neo4j.uri");
        System.clearProperty("policygraph.embedded.wipe-on-start");
        EarlyStart.discard();
    }

    @Test
    void handsOverTheServerStartedWithTheSameSettings() {
        Path dir = temp.resolve("store");
        System.setProperty("policygraph.embedded.dir", dir.toString());
        EarlyStart.begin();

        Optional<EmbeddedNeo4j> server = EarlyStart.take(dir, 0, 256L << 20);

        assertThat(server).isPresent();
        try (EmbeddedNeo4j s = server.get()) {
            assertThat(s.boltUri()).startsWith("bolt://127.0.0.1:");
            assertThat(EarlyStart.take(dir, 0, 256L << 20)).as("handed over once").isEmpty();
        }
    }

    @Test
    void closesAServerTheConfigurationDoesNotWantSoTheStoreCanBeOpenedAgain() {
        Path dir = temp.resolve("store");
        System.setProperty("policygraph.embedded.dir", dir.toString());
        EarlyStart.begin();

        assertThat(EarlyStart.take(dir, 0, 512L << 20)).as("another page cache").isEmpty();

        // the store's lock was released: the producer can start its own server on it
        try (EmbeddedNeo4j again = EmbeddedNeo4j.start(dir, 0, 256L << 20)) {
            assertThat(again.boltPort()).isPositive();
        }
    }

    @Test
    void startsNothingForAnExternalDatabaseOrAStoreToBeWiped() {
        System.setProperty("policygraph.embedded.dir", temp.resolve("a").toString());
        System.setProperty("neo4j.uri", "bolt://127.0.0.1:1");
        EarlyStart.begin();
        assertThat(EarlyStart.take(temp.resolve("a"), 0, 256L << 20)).isEmpty();

        System.clearProperty("neo4j.uri");
        System.setProperty("policygraph.embedded.wipe-on-start", "true");
        EarlyStart.begin();
        assertThat(EarlyStart.take(temp.resolve("a"), 0, 256L << 20)).isEmpty();
    }
}
