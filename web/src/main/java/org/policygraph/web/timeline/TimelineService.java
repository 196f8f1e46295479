package org.policygraph.web.timeline;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.policygraph.model.Kind;
import org.policygraph.web.asof.AsOf;
import org.policygraph.web.system.WebException;

/** Filters the events and counts what each filter value would show. */
@ApplicationScoped
public class TimelineService {

    private final TimelineRepository repository;

    TimelineService(TimelineRepository repository) {
        this.repository = repository;
    }

    /** A filter value with its count and the link that switches it. */
    public record Option(String value, String label, long count, boolean selected, String url) {}

    /** The events to show, grouped by year, and the filters. */
    public record Timeline(
            List<TimelineRepository.Event> events,
            Map<String, List<TimelineRepository.Event>> years,
            List<Option> jurisdictions,
            List<Option> kinds,
            List<Option> types,
            boolean filtered,
            AsOf asOf) {

        /** How many of the shown events were still to come on the day asked. */
        public long toCome() {
            return events.stream().filter(e -> "to-come".equals(e.state())).count();
        }
    }

    Timeline timeline(List<String> jurisdictionParams, List<String> kindParams) {
        return timeline(jurisdictionParams, kindParams, List.of(), AsOf.now());
    }

    Timeline timeline(List<String> jurisdictionParams, List<String> kindParams, AsOf asOf) {
        return timeline(jurisdictionParams, kindParams, List.of(), asOf);
    }

    Timeline timeline(List<String> jurisdictionParams, List<String> kindParams, List<String> typeParams, AsOf asOf) {
        Set<String> places = clean(jurisdictionParams);
        Set<String> kinds = clean(kindParams);
        Set<String> types = clean(typeParams);
        for (String k : kinds) {
            if (Kind.byPlural(k).isEmpty()) {
                throw WebException.badRequest(
                        "'" + k + "' in kind is not a kind; use a plural such as regulations or models.");
            }
        }
        List<TimelineRepository.Event> all =
                repository.events().stream().map(e -> e.on(asOf)).toList();
        List<TimelineRepository.Event> shown = all.stream()
                .filter(e -> places.isEmpty() || e.places().stream().anyMatch(places::contains))
                .filter(e -> kinds.isEmpty() || kinds.contains(e.node().kind().plural()))
                .filter(e -> types.isEmpty() || types.contains(e.type()))
                .toList();
        Map<String, List<TimelineRepository.Event>> years = new LinkedHashMap<>();
        shown.forEach(
                e -> years.computeIfAbsent(e.year(), y -> new ArrayList<>()).add(e));

        Map<String, Long> placeCounts = new TreeMap<>();
        all.stream()
                .filter(e -> kinds.isEmpty() || kinds.contains(e.node().kind().plural()))
                .filter(e -> types.isEmpty() || types.contains(e.type()))
                .forEach(e -> new LinkedHashSet<>(e.places()).forEach(p -> placeCounts.merge(p, 1L, Long::sum)));
        Map<String, Long> kindCounts = new TreeMap<>();
        all.stream()
                .filter(e -> places.isEmpty() || e.places().stream().anyMatch(places::contains))
                .filter(e -> types.isEmpty() || types.contains(e.type()))
                .forEach(e -> kindCounts.merge(e.node().kind().plural(), 1L, Long::sum));
        Map<String, Long> typeCounts = new TreeMap<>();
        all.stream()
                .filter(e -> places.isEmpty() || e.places().stream().anyMatch(places::contains))
                .filter(e -> kinds.isEmpty() || kinds.contains(e.node().kind().plural()))
                .filter(e -> e.type() != null)
                .forEach(e -> typeCounts.merge(e.type(), 1L, Long::sum));
        List<Option> placeOptions = placeCounts.entrySet().stream()
                .map(e -> new Option(
                        e.getKey(),
                        e.getKey(),
                        e.getValue(),
                        places.contains(e.getKey()),
                        url(toggle(places, e.getKey()), kinds, types)))
                .toList();
        List<Option> kindOptions = kindCounts.entrySet().stream()
                .map(e -> new Option(
                        e.getKey(),
                        e.getKey(),
                        e.getValue(),
                        kinds.contains(e.getKey()),
                        url(places, toggle(kinds, e.getKey()), types)))
                .toList();
        List<Option> typeOptions = typeCounts.entrySet().stream()
                .map(e -> new Option(
                        e.getKey(),
                        e.getKey(),
                        e.getValue(),
                        types.contains(e.getKey()),
                        url(places, kinds, toggle(types, e.getKey()))))
                .toList();
        return new Timeline(
                shown,
                years,
                placeOptions,
                kindOptions,
                typeOptions,
                !places.isEmpty() || !kinds.isEmpty() || !types.isEmpty(),
                asOf);
    }

    private static Set<String> toggle(Set<String> set, String value) {
        Set<String> next = new LinkedHashSet<>(set);
        if (!next.remove(value)) {
            next.add(value);
        }
        return next;
    }

    private static String url(Set<String> places, Set<String> kinds, Set<String> types) {
        List<String> parts = new ArrayList<>();
        places.forEach(p -> parts.add("jurisdiction=" + URLEncoder.encode(p, StandardCharsets.UTF_8)));
        kinds.forEach(k -> parts.add("kind=" + URLEncoder.encode(k, StandardCharsets.UTF_8)));
        types.forEach(t -> parts.add("type=" + URLEncoder.encode(t, StandardCharsets.UTF_8)));
        return "/timeline" + (parts.isEmpty() ? "" : "?" + String.join("&", parts));
    }

    private static Set<String> clean(List<String> values) {
        Set<String> out = new LinkedHashSet<>();
        if (values != null) {
            values.stream()
                    .filter(v -> v != null && !v.isBlank())
                    .map(String::strip)
                    .forEach(out::add);
        }
        return out;
    }
}
