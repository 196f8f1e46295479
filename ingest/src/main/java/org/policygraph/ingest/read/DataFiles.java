package org.policygraph.ingest.read;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.policygraph.data.DefaultData;
import org.policygraph.ingest.IngestException;

/** Where the input files come from: a folder on disk or the default data on the classpath. */
public final class DataFiles {

    private DataFiles() {}

    /** Every file under {@code folder}, except READMEs, licence files ({@code LICENSE.md}) and the classpath index. */
    public static List<DataFile> folder(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new IngestException("data folder " + folder + " does not exist or is not a folder");
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile)
                    .map(p -> folder.relativize(p).toString().replace('\\', '/'))
                    .filter(DataFiles::isData)
                    .sorted()
                    .map(rel -> new DataFile(rel, () -> readBytes(folder.resolve(rel))))
                    .toList();
        } catch (IOException e) {
            throw new IngestException("cannot list data folder " + folder + ": " + e.getMessage(), e);
        }
    }

    /** The default data shipped in the neo4j-data module. */
    public static List<DataFile> defaults() {
        return DefaultData.files().stream()
                .map(rel -> new DataFile(rel, () -> DefaultData.read(rel)))
                .toList();
    }

    static boolean isData(String relativePath) {
        String name = relativePath.substring(relativePath.lastIndexOf('/') + 1);
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        return !name.equals("index.txt")
                && !name.startsWith(".")
                && !lower.equals("readme.md")
                && !lower.equals("license.md")
                && !lower.equals("licence.md");
    }

    private static byte[] readBytes(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
