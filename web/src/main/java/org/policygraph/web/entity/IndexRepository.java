package org.policygraph.web.entity;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neo4j.driver.Driver;
import org.policygraph.web.ref.EntityRef;

/**
 * Index pages with facets, computed in Cypher: the facet counts (each facet's counts reflect the other facets'
 * filters: choosing a developer narrows the year counts, not the developer counts), the number matching, and the
 * page's nodes, sorted and cut in the database. No query brings every node of a kind into Java.
 */
@ApplicationScoped
public class IndexRepository {

    /** Per node: its facet values, and for each facet whether the node passes that facet's filter. */
    private static final String NODES = """
            MATCH (n:%s)
            WITH n, [%s] AS f
            WITH n, f, [j IN range(0, size(f) - 1) | size($filters[j]) = 0
                        OR any(v IN f[j] WHERE split(v, '|')[0] IN $filters[j])] AS ok
            """;

    /** Facet counts: a node counts for facet i when it passes every other facet's filter. */
    private static final String COUNTS = NODES + """
            WITH n, f, ok, size([x IN ok WHERE NOT x]) AS failing
            WHERE failing <= 1
            UNWIND range(0, size(f) - 1) AS i
            WITH n, f, i WHERE failing = 0 OR NOT ok[i]
            UNWIND f[i] AS v
            WITH DISTINCT n, i, v
            RETURN i, v, count(*) AS c
            """;

    private static final String MATCHING = NODES + """
            WHERE all(x IN ok WHERE x)
            RETURN count(n) AS matching
            """;

    private static final String PAGE = NODES + """
            WHERE all(x IN ok WHERE x)
            WITH n, %s AS sort
            ORDER BY sort %s, toLower(n.name), n.id
            SKIP $skip LIMIT $limit
            RETURN n.id AS id, n.name AS name, n.summary AS summary
            """;

    private final Driver driver;

    IndexRepository(Driver driver) {
        this.driver = driver;
    }

    /**
     * A page of the index in the query's state, with the counts of every facet value. Filtering, counting, sorting
     * and paging run in Cypher: only the counts and the page's nodes come back.
     */
    public IndexPage page(IndexQuery query, int pageSize) {
        List<IndexFacets.Facet> facets = IndexFacets.facets(query.kind());
        IndexFacets.Sort sort = IndexFacets.sorts(query.kind()).stream()
                .filter(s -> s.key().equals(query.sort()))
                .findFirst()
                .orElse(IndexFacets.BY_NAME);
        String facetList = String.join(
                ", ", facets.stream().map(IndexFacets.Facet::expression).toList());
        List<List<String>> filters = facets.stream()
                .map(f -> List.copyOf(query.filters().getOrDefault(f.key(), Set.of())))
                .toList();
        String label = query.kind().label();
        Map<Integer, Map<String, Long>> counted = new HashMap<>();
        long[] totals = new long[2];
        List<EntityRepository.Summary> items = new ArrayList<>();
        int from = (query.page() - 1) * pageSize;
        try (var session = driver.session()) {
            session.executeRead(tx -> {
                totals[0] = tx.run("MATCH (n:" + label + ") RETURN count(n) AS n")
                        .single()
                        .get("n")
                        .asLong();
                Map<String, Object> params = Map.of("filters", filters);
                if (!facets.isEmpty()) {
                    tx.run(COUNTS.formatted(label, facetList), params)
                            .forEachRemaining(r -> counted.computeIfAbsent(
                                            r.get("i").asInt(), k -> new HashMap<>())
                                    .merge(r.get("v").asString(), r.get("c").asLong(), Long::sum));
                }
                totals[1] = tx.run(MATCHING.formatted(label, facetList), params)
                        .single()
                        .get("matching")
                        .asLong();
                tx.run(
                                PAGE.formatted(label, facetList, sort.expression(), sort.descending() ? "DESC" : "ASC"),
                                Map.of("filters", filters, "skip", (long) Math.max(0, from), "limit", (long) pageSize))
                        .forEachRemaining(r -> items.add(new EntityRepository.Summary(
                                new EntityRef(
                                        r.get("id").asString(),
                                        query.kind(),
                                        r.get("name").asString()),
                                r.get("summary").asString(null))));
                return null;
            });
        }

        List<FacetView> facetViews = new ArrayList<>();
        for (int i = 0; i < facets.size(); i++) {
            IndexFacets.Facet facet = facets.get(i);
            Map<String, Long> counts = new HashMap<>();
            Map<String, String> labels = new HashMap<>();
            counted.getOrDefault(i, Map.of()).forEach((v, c) -> {
                int bar = v.indexOf('|');
                String value = bar < 0 ? v : v.substring(0, bar);
                counts.merge(value, c, Long::sum);
                labels.putIfAbsent(value, bar < 0 ? v : v.substring(bar + 1));
            });
            // selected values stay visible even when nothing else matches them
            query.filters().getOrDefault(facet.key(), Set.of()).forEach(v -> {
                counts.putIfAbsent(v, 0L);
                labels.putIfAbsent(v, v);
            });
            // years newest first, compute ranges in order of size, everything else most common first
            Comparator<FacetValue> order = switch (facet.key()) {
                case "year" -> Comparator.comparing(FacetValue::value).reversed();
                case "compute" -> Comparator.comparing(FacetValue::value);
                default -> Comparator.comparing(FacetValue::count).reversed().thenComparing(FacetValue::label);
            };
            List<FacetValue> values = counts.entrySet().stream()
                    .map(e -> new FacetValue(
                            e.getKey(),
                            labels.get(e.getKey()),
                            e.getValue(),
                            query.selected(facet.key(), e.getKey()),
                            query.toggle(facet.key(), e.getKey())))
                    .sorted(order)
                    .toList();
            facetViews.add(new FacetView(facet.key(), facet.label(), values));
        }

        long matching = totals[1];
        int pages = (int) Math.max(1, (matching + pageSize - 1) / pageSize);
        List<SortView> sorts = IndexFacets.sorts(query.kind()).stream()
                .map(s -> new SortView(s.key(), s.label(), s.key().equals(sort.key()), query.withSort(s.key())))
                .toList();
        return new IndexPage(
                query,
                totals[0],
                matching,
                items,
                facetViews,
                sorts,
                pages,
                query.page() > 1 ? query.withPage(query.page() - 1) : null,
                query.page() < pages ? query.withPage(query.page() + 1) : null,
                query.cleared());
    }

    /** One value of a facet with its count, whether it is selected, and the link that switches it. */
    public record FacetValue(String value, String label, long count, boolean selected, String url) {}

    /** A facet as shown. */
    public record FacetView(String key, String label, List<FacetValue> values) {}

    /** A sort order as shown. */
    public record SortView(String key, String label, boolean selected, String url) {}

    /**
     * An index page.
     *
     * @param query    the state it shows
     * @param total    nodes of the kind
     * @param matching nodes matching the filters
     * @param items    this page's nodes
     * @param facets   facets with counts
     * @param sorts    sort orders
     * @param pages    number of pages
     * @param previous link to the previous page, or null
     * @param next     link to the next page, or null
     * @param clear    link without filters
     */
    public record IndexPage(
            IndexQuery query,
            long total,
            long matching,
            List<EntityRepository.Summary> items,
            List<FacetView> facets,
            List<SortView> sorts,
            int pages,
            String previous,
            String next,
            String clear) {
        public boolean filtered() {
            return !query.filters().isEmpty();
        }

        /** Counts keyed by facet and value, for tests and JSON. */
        public Map<String, Map<String, Long>> counts() {
            Map<String, Map<String, Long>> out = new LinkedHashMap<>();
            facets.forEach(f -> {
                Map<String, Long> m = new LinkedHashMap<>();
                f.values().forEach(v -> m.put(v.value(), v.count()));
                out.put(f.key(), m);
            });
            return out;
        }
    }
}
