package org.policygraph.web.about;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.policygraph.data.DefaultData;
import org.policygraph.model.Kind;
import org.policygraph.web.ref.EntityRef;

/**
 * Reads every Source with how many nodes and relationships cite it, and the licence files shipped with the
 * datasets of the default data.
 */
@ApplicationScoped
public class AboutRepository {

    private static final String SOURCES = """
            MATCH (s:Source)
            RETURN s.id AS id, s.name AS name, s.title AS title, s.publisher AS publisher, s.url AS url,
                   s.published AS published, s.licence AS licence, s.source_type AS sourceType
            """;

    /** Nodes citing each source id; a Source citing itself is not counted, and a node citing one twice once. */
    private static final String CITING_NODES = """
            MATCH (n:Entity) WHERE n.sources IS NOT NULL
            UNWIND n.sources AS id
            WITH DISTINCT n, id WHERE n.id <> id
            RETURN id, count(*) AS facts
            """;

    private static final String CITING_RELATIONSHIPS = """
            MATCH (:Entity)-[r]->(:Entity) WHERE r.sources IS NOT NULL
            UNWIND r.sources AS id
            WITH DISTINCT r, id
            RETURN id, count(*) AS facts
            """;

    private final Driver driver;

    AboutRepository(Driver driver) {
        this.driver = driver;
    }

    /** Every source, most cited first, and the shipped datasets with their licence files. */
    public About about() {
        List<About.SourceUse> sources;
        try (var session = driver.session()) {
            sources = session.executeRead(tx -> {
                Map<String, Long> nodes = counts(tx.run(CITING_NODES).list());
                Map<String, Long> relationships =
                        counts(tx.run(CITING_RELATIONSHIPS).list());
                return tx.run(SOURCES).list(r -> source(r, nodes, relationships));
            });
        }
        sources = new ArrayList<>(sources);
        sources.sort(Comparator.comparingLong(About.SourceUse::facts)
                .reversed()
                .thenComparing(s -> s.title().toLowerCase()));
        Map<String, About.SourceUse> byId =
                sources.stream().collect(Collectors.toMap(s -> s.ref().id(), Function.identity()));
        List<About.Dataset> datasets = ShippedDataset.ALL.stream()
                .map(d -> new About.Dataset(d.folder(), byId.get(d.source()), d.source(), licenceFiles(d.folder())))
                .toList();
        return new About(datasets, sources);
    }

    /** The licence and attribution files shipped in a folder of the default data. */
    static List<About.LicenceFile> licenceFiles(String folder) {
        List<About.LicenceFile> files = new ArrayList<>();
        for (String name : ShippedDataset.LICENCE_FILES) {
            String path = folder + "/" + name;
            if (DefaultData.class.getClassLoader().getResource(DefaultData.ROOT + path) != null) {
                files.add(new About.LicenceFile(path, new String(DefaultData.read(path), StandardCharsets.UTF_8)));
            }
        }
        return files;
    }

    private static Map<String, Long> counts(List<Record> rows) {
        Map<String, Long> counts = new HashMap<>();
        rows.forEach(r -> counts.put(r.get("id").asString(), r.get("facts").asLong()));
        return counts;
    }

    private static About.SourceUse source(Record r, Map<String, Long> nodes, Map<String, Long> relationships) {
        String id = r.get("id").asString();
        String name = r.get("name").asString(id);
        return new About.SourceUse(
                new EntityRef(id, Kind.SOURCE, name),
                r.get("title").asString(name),
                text(r.get("publisher")),
                text(r.get("url")),
                text(r.get("published")),
                text(r.get("licence")),
                text(r.get("sourceType")),
                nodes.getOrDefault(id, 0L),
                relationships.getOrDefault(id, 0L));
    }

    /** A property as text, whatever type it was stored as (a year may be stored as a number). */
    private static String text(Value value) {
        return value.isNull() ? null : value.asObject().toString();
    }
}
