package org.policygraph.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The same site tests with the app pointed by URI at a Neo4j running in another process. */
@QuarkusTest
@TestProfile(ExternalNeo4jProfile.class)
class ExternalNeo4jPagesTest extends PagesContract {

    @ConfigProperty(name = "neo4j.uri")
    String uri;

    @ConfigProperty(name = "policygraph.embedded.dir")
    String embeddedDir;

    @Test
    void usesTheExternalServerAndStartsNoEmbeddedOne() {
        assertThat(uri).startsWith("bolt://127.0.0.1:");
        // the embedded store is wiped at test start and only created when the embedded server starts
        assertThat(Files.exists(Path.of(embeddedDir)))
                .as("embedded store " + embeddedDir)
                .isFalse();
    }
}
