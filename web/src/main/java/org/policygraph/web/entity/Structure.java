package org.policygraph.web.entity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A regulation's table of contents: its provisions in text order, grouped by chapter (articles), then annexes,
 * then recitals. Empty for nodes without provisions.
 */
public record Structure(List<Part> parts, int size) {

    /** One heading and the provisions under it. */
    public record Part(String heading, List<StructureItem> items) {}

    static Structure of(List<StructureItem> provisions) {
        List<StructureItem> sorted = provisions.stream()
                .sorted(Comparator.comparingLong(StructureItem::position)
                        .thenComparing(i -> i.ref().name()))
                .toList();
        Map<String, List<StructureItem>> parts = new LinkedHashMap<>();
        List<StructureItem> recitals = new ArrayList<>();
        for (StructureItem item : sorted) {
            if ("recital".equals(item.type())) {
                recitals.add(item);
                continue;
            }
            String heading =
                    "annex".equals(item.type()) ? "Annexes" : item.chapter() != null ? item.chapter() : "Provisions";
            parts.computeIfAbsent(heading, h -> new ArrayList<>()).add(item);
        }
        List<Part> out = new ArrayList<>();
        parts.forEach((h, items) -> out.add(new Part(h, items)));
        if (!recitals.isEmpty()) {
            out.add(new Part("Recitals", recitals));
        }
        return new Structure(out, provisions.size());
    }

    public boolean isEmpty() {
        return size == 0;
    }
}
