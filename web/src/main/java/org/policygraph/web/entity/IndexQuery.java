package org.policygraph.web.entity;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.policygraph.model.Kind;
import org.policygraph.web.system.WebException;

/**
 * The state of an index page as the URL holds it: selected facet values, sort order and page. Unknown parameters
 * are refused with a message naming them, so a mistyped link does not silently show everything.
 */
public record IndexQuery(Kind kind, Map<String, Set<String>> filters, String sort, int page) {

    /** The index page of a kind as it first opens: no filters, the default sort, page 1. */
    public static IndexQuery firstPage(Kind kind) {
        return parse(kind, Map.of());
    }

    static IndexQuery parse(Kind kind, Map<String, List<String>> params) {
        Map<String, Set<String>> filters = new LinkedHashMap<>();
        String sort = IndexFacets.sorts(kind).get(0).key();
        int page = 1;
        Set<String> facetKeys =
                IndexFacets.facets(kind).stream().map(IndexFacets.Facet::key).collect(Collectors.toSet());
        for (Map.Entry<String, List<String>> e : params.entrySet()) {
            String key = e.getKey();
            List<String> values =
                    e.getValue().stream().filter(v -> v != null && !v.isBlank()).toList();
            if (key.equals("page")) {
                page = values.isEmpty() ? 1 : EntityPageResource.pageNumber(values.get(0));
            } else if (key.equals("sort")) {
                if (!values.isEmpty()) {
                    String wanted = values.get(0);
                    if (IndexFacets.sorts(kind).stream().noneMatch(s -> s.key().equals(wanted))) {
                        throw WebException.badRequest("The sort parameter must be one of "
                                + IndexFacets.sorts(kind).stream()
                                        .map(IndexFacets.Sort::key)
                                        .collect(Collectors.joining(", "))
                                + " for " + kind.plural() + ", not '" + wanted + "'.");
                    }
                    sort = wanted;
                }
            } else if (facetKeys.contains(key)) {
                if (!values.isEmpty()) {
                    filters.computeIfAbsent(key, k -> new LinkedHashSet<>()).addAll(values);
                }
            } else {
                throw WebException.badRequest("'" + key + "' is not a filter of " + kind.plural() + "; the filters are "
                        + (facetKeys.isEmpty()
                                ? "none"
                                : String.join(
                                        ", ",
                                        IndexFacets.facets(kind).stream()
                                                .map(IndexFacets.Facet::key)
                                                .toList()))
                        + ", and sort and page.");
            }
        }
        return new IndexQuery(kind, filters, sort, page);
    }

    boolean selected(String facet, String value) {
        return filters.getOrDefault(facet, Set.of()).contains(value);
    }

    /** The URL of this state with one facet value switched on or off, back on page 1. */
    String toggle(String facet, String value) {
        Map<String, Set<String>> next = copy();
        Set<String> values = next.computeIfAbsent(facet, k -> new LinkedHashSet<>());
        if (!values.remove(value)) {
            values.add(value);
        }
        return url(next, sort, 1);
    }

    String withSort(String key) {
        return url(filters, key, 1);
    }

    String withPage(int n) {
        return url(filters, sort, n);
    }

    /** The URL of this state without any filter. */
    String cleared() {
        return url(Map.of(), sort, 1);
    }

    private Map<String, Set<String>> copy() {
        Map<String, Set<String>> next = new LinkedHashMap<>();
        filters.forEach((k, v) -> next.put(k, new LinkedHashSet<>(v)));
        return next;
    }

    private String url(Map<String, Set<String>> f, String sortKey, int pageNumber) {
        List<String> parts = new ArrayList<>();
        f.forEach((k, vs) -> vs.forEach(v -> parts.add(enc(k) + "=" + enc(v))));
        if (!sortKey.equals(IndexFacets.sorts(kind).get(0).key())) {
            parts.add("sort=" + enc(sortKey));
        }
        if (pageNumber > 1) {
            parts.add("page=" + pageNumber);
        }
        return "/" + kind.plural() + (parts.isEmpty() ? "" : "?" + String.join("&", parts));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
