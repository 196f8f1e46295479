package org.policygraph.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class DefaultDataTest {

    @Test
    void indexListsExactlyTheFilesInTheDataFolder() throws IOException {
        Path root = Path.of("src/main/resources/" + DefaultData.ROOT);
        try (Stream<Path> files = Files.walk(root)) {
            assertThat(files.filter(Files::isRegularFile)
                            .map(p -> root.relativize(p).toString().replace('\\', '/'))
                            .filter(p -> !p.equals("index.txt"))
                            .filter(p -> !p.toLowerCase().matches("(.*/)?(license|licence|readme)\\.(md|txt)")))
                    .containsExactlyInAnyOrderElementsOf(DefaultData.files());
        }
    }

    @Test
    void everyListedFileCanBeRead() {
        assertThat(DefaultData.files()).isNotEmpty();
        DefaultData.files().forEach(f -> assertThat(DefaultData.read(f)).as(f).isNotEmpty());
    }

    @Test
    void embeddedServerAnswersOverBoltOnLoopbackOnly(@org.junit.jupiter.api.io.TempDir Path dir) {
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(dir.resolve("db"), 0);
                var driver = org.neo4j.driver.GraphDatabase.driver(neo4j.boltUri(), neo4j.authToken());
                var session = driver.session()) {
            assertThat(neo4j.boltUri()).startsWith("bolt://127.0.0.1:");
            assertThat(session.run("RETURN 40 + 2 AS answer")
                            .single()
                            .get("answer")
                            .asInt())
                    .isEqualTo(42);
        }
    }
}
