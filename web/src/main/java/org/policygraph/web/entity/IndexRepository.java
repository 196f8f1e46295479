package org.policygraph.web.entity;

import jakarta.enterprise.context.ApplicationScoped;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Value;
import org.policygraph.model.Kind;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Index pages with facets: one query fetches each node of the kind with its facet values and sort key; filtering,
 * counting and paging happen here, so that each facet's counts reflect the other facets' filters (choosing a
 * developer narrows the year counts, not the developer counts).
 */
@ApplicationScoped
public class IndexRepository {

    private static final String ROWS = """
            MATCH (n:%s)
            RETURN n.id AS id, n.name AS name, n.summary AS summary, %s AS sort, [%s] AS facets
            """;

    private final Driver driver;

    IndexRepository(Driver driver) {
        this.driver = driver;
    }

    /** A page of the index in the query's state, with the counts of every facet value. */
    public IndexPage page(IndexQuery query, int pageSize) {
        List<IndexFacets.Facet> facets = IndexFacets.facets(query.kind());
        IndexFacets.Sort sort = IndexFacets.sorts(query.kind()).stream().filter(s -> s.key().equals(query.sort()))
                .findFirst().orElse(IndexFacets.BY_NAME);
        String facetList = facets.isEmpty() ? "" : String.join(", ", facets.stream().map(IndexFacets.Facet::expression).toList());
        String cypher = ROWS.formatted(query.kind().label(), sort.expression(), facetList);
        List<Row> rows = new ArrayList<>();
        try (var session = driver.session()) {
            session.executeRead(tx -> {
                tx.run(cypher).forEachRemaining(r -> {
                    List<List<String>> values = new ArrayList<>();
                    for (Value v : r.get("facets").values()) {
                        values.add(v.asList(Value::asString));
                    }
                    rows.add(new Row(new EntityRef(r.get("id").asString(), query.kind(), r.get("name").asString()),
                            r.get("summary").asString(null), r.get("sort").asObject(), values));
                });
                return null;
            });
        }

        List<Row> matching = rows.stream().filter(row -> matches(row, facets, query, -1)).toList();
        List<FacetView> facetViews = new ArrayList<>();
        for (int i = 0; i < facets.size(); i++) {
            int index = i;
            IndexFacets.Facet facet = facets.get(i);
            Map<String, Long> counts = new HashMap<>();
            Map<String, String> labels = new HashMap<>();
            for (Row row : rows) {
                if (!matches(row, facets, query, index)) {
                    continue;
                }
                for (String v : new java.util.LinkedHashSet<>(row.facets().get(index))) {
                    int bar = v.indexOf('|');
                    String value = bar < 0 ? v : v.substring(0, bar);
                    counts.merge(value, 1L, Long::sum);
                    labels.putIfAbsent(value, bar < 0 ? v : v.substring(bar + 1));
                }
            }
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
                    .map(e -> new FacetValue(e.getKey(), labels.get(e.getKey()), e.getValue(),
                            query.selected(facet.key(), e.getKey()), query.toggle(facet.key(), e.getKey())))
                    .sorted(order).toList();
            facetViews.add(new FacetView(facet.key(), facet.label(), values));
        }

        Comparator<Row> bySort = Comparator.comparing(Row::sort, IndexRepository::compareValues);
        if (sort.descending()) {
            bySort = bySort.reversed();
        }
        bySort = bySort.thenComparing(r -> r.ref().name().toLowerCase()).thenComparing(r -> r.ref().id());
        List<Row> sorted = matching.stream().sorted(bySort).toList();
        int pages = Math.max(1, (sorted.size() + pageSize - 1) / pageSize);
        long from = (query.page() - 1L) * pageSize; // long: a page number near the int range must not wrap around
        List<EntityRepository.Summary> items = from >= sorted.size() ? List.of()
                : sorted.subList((int) from, (int) Math.min(sorted.size(), from + pageSize)).stream()
                .map(r -> new EntityRepository.Summary(r.ref(), r.summary())).toList();
        List<SortView> sorts = IndexFacets.sorts(query.kind()).stream()
                .map(s -> new SortView(s.key(), s.label(), s.key().equals(sort.key()), query.withSort(s.key()))).toList();
        return new IndexPage(query, rows.size(), sorted.size(), items, facetViews, sorts, pages,
                query.page() > 1 ? query.withPage(query.page() - 1) : null,
                query.page() < pages ? query.withPage(query.page() + 1) : null, query.cleared());
    }

    private static boolean matches(Row row, List<IndexFacets.Facet> facets, IndexQuery query, int skip) {
        for (int i = 0; i < facets.size(); i++) {
            if (i == skip) {
                continue;
            }
            Set<String> wanted = query.filters().get(facets.get(i).key());
            if (wanted == null || wanted.isEmpty()) {
                continue;
            }
            boolean any = false;
            for (String v : row.facets().get(i)) {
                int bar = v.indexOf('|');
                if (wanted.contains(bar < 0 ? v : v.substring(0, bar))) {
                    any = true;
                    break;
                }
            }
            if (!any) {
                return false;
            }
        }
        return true;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareValues(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        if (a.getClass() == b.getClass() && a instanceof Comparable c) {
            return c.compareTo(b);
        }
        return String.valueOf(a).compareTo(String.valueOf(b));
    }

    private record Row(EntityRef ref, String summary, Object sort, List<List<String>> facets) {
    }

    /** One value of a facet with its count, whether it is selected, and the link that switches it. */
    public record FacetValue(String value, String label, long count, boolean selected, String url) {
    }

    /** A facet as shown. */
    public record FacetView(String key, String label, List<FacetValue> values) {
    }

    /** A sort order as shown. */
    public record SortView(String key, String label, boolean selected, String url) {
    }

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
    public record IndexPage(IndexQuery query, long total, long matching, List<EntityRepository.Summary> items,
                            List<FacetView> facets, List<SortView> sorts, int pages, String previous, String next,
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
