package org.policygraph.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SavedQueryFilesTest {

    @Test
    void indexListsExactlyTheQueryFiles() throws IOException {
        Path root = Path.of("src/main/resources/" + SavedQueryFiles.ROOT);
        try (Stream<Path> files = Files.walk(root)) {
            assertThat(files.filter(Files::isRegularFile)
                            .map(p -> root.relativize(p).toString().replace('\\', '/'))
                            .filter(p -> !p.equals("index.txt")))
                    .containsExactlyInAnyOrderElementsOf(SavedQueryFiles.files());
        }
    }

    @Test
    void everyQueryFileIsNamedAfterItsId() {
        assertThat(SavedQueryFiles.files()).isNotEmpty();
        for (String file : SavedQueryFiles.files()) {
            String text = new String(SavedQueryFiles.read(file), StandardCharsets.UTF_8);
            assertThat(file).endsWith(".yaml");
            assertThat(text).as(file).contains("id: " + file.substring(0, file.length() - ".yaml".length()) + "\n");
        }
    }
}
