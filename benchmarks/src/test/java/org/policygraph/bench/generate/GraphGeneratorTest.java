package org.policygraph.bench.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policygraph.ingest.Ingest;
import org.policygraph.ingest.read.DataFiles;
import org.policygraph.ingest.read.GraphBatch;
import org.policygraph.model.Kind;
import org.policygraph.model.NodeRecord;
import org.policygraph.model.RelType;
import org.policygraph.model.RelationshipRecord;

/** The generator at the default data's size: deterministic, valid for ingest, in the default data's proportions. */
class GraphGeneratorTest {

    static GeneratedGraph x1;
    static GraphBatch read;

    @BeforeAll
    static void generate(@TempDir Path temp) {
        x1 = GraphGenerator.generateUnchecked(Scale.parse("1"), 7, temp.resolve("x1"));
        read = Ingest.defaults().read(DataFiles.folder(x1.folder()));
    }

    @Test
    void theSameScaleAndSeedWriteTheSameFiles(@TempDir Path temp) throws IOException {
        GeneratedGraph again = GraphGenerator.generateUnchecked(Scale.parse("x1"), 7, temp.resolve("again"));
        GeneratedGraph other = GraphGenerator.generateUnchecked(Scale.parse("x1"), 8, temp.resolve("other"));

        assertThat(digest(again.folder())).isEqualTo(digest(x1.folder()));
        assertThat(digest(other.folder())).isNotEqualTo(digest(x1.folder()));
    }

    @Test
    void ingestReadsEveryRecordWithoutAnErrorAndValidatesIt() {
        assertThat(read.errors()).isEmpty();
        Ingest.Result dryRun = Ingest.defaults().run(DataFiles.folder(x1.folder()), null, true);
        assertThat(dryRun.nodesRead()).isEqualTo(x1.totalNodes());
        assertThat(dryRun.relationshipsRead()).isEqualTo(x1.totalRelationships());
    }

    @Test
    void saysHowManyNodesAndRelationshipsIngestMakesOfIt() {
        Map<Kind, Long> nodes = new EnumMap<>(Kind.class);
        for (NodeRecord n : read.nodes()) {
            nodes.merge(n.kind(), 1L, Long::sum);
        }
        Map<RelType, Long> relationships = new EnumMap<>(RelType.class);
        for (RelationshipRecord r : read.relationships()) {
            relationships.merge(r.type(), 1L, Long::sum);
        }
        assertThat(nodes).isEqualTo(x1.nodes());
        assertThat(relationships).isEqualTo(x1.relationships());
    }

    @Test
    void hasTheDefaultDataProportions() {
        for (Kind kind : Kind.values()) {
            // kinds the generator does not write (Event, Group, Incident) count as none
            assertThat((double) x1.nodes().getOrDefault(kind, 0L))
                    .as(kind.label())
                    .isCloseTo(Proportions.nodes(kind), within(Math.max(1.0, Proportions.nodes(kind) * 0.03)));
        }
        for (RelType type : RelType.values()) {
            assertThat((double) x1.relationships().getOrDefault(type, 0L))
                    .as(type.name())
                    .isCloseTo(
                            Proportions.relationships(type),
                            within(Math.max(2.0, Proportions.relationships(type) * 0.15)));
        }
    }

    @Test
    void modelsAreEpochRowsWithOneToThreeDevelopersAndAFewDevelopMost() {
        assertThat(x1.folder().resolve("epoch/models-0001.csv")).exists();
        Map<String, Long> perDeveloper = new java.util.HashMap<>();
        read.relationships().stream()
                .filter(r -> r.type() == RelType.DEVELOPS)
                .forEach(r -> perDeveloper.merge(r.from(), 1L, Long::sum));
        long top =
                perDeveloper.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        assertThat(top).as("models of the biggest developer").isBetween(80L, 400L);
        assertThat(perDeveloper)
                .hasSize(x1.nodes().get(Kind.ORGANISATION).intValue()
                        - (int) Math.round(Proportions.CURATED_ORGANISATIONS
                                * Scale.parse("1").factor()));
    }

    static String digest(Path folder) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                md.update(folder.relativize(p).toString().getBytes());
                md.update(Files.readAllBytes(p));
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
