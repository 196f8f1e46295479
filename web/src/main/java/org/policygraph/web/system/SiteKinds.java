package org.policygraph.web.system;

import io.quarkus.qute.TemplateGlobal;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.policygraph.model.Kind;

/**
 * The kinds as every page shows them, from {@link Kind}: the navigation's links (each kind's URL and heading come
 * from its plural), and the colour of each kind in the graph views, which the scripts read from the page's
 * {@code data-kind-colours} rather than keeping their own list.
 */
public final class SiteKinds {

    /** A kind's link in the navigation, e.g. {@code /risk-tiers}, "Risk tiers". */
    public record Link(String url, String heading) {}

    /** The kinds in the navigation, in its order (the rest are reached from these pages). */
    static final List<Kind> NAVIGATION = List.of(
            Kind.REGULATION,
            Kind.RISK_TIER,
            Kind.OBLIGATION,
            Kind.ORGANISATION,
            Kind.MODEL,
            Kind.PERSON,
            Kind.INCIDENT,
            Kind.JURISDICTION,
            Kind.CONCEPT,
            Kind.SOURCE);

    /** Each kind's colour in the graph views; a kind without one is drawn grey. */
    static final Map<Kind, String> COLOURS = new EnumMap<>(Map.ofEntries(
            Map.entry(Kind.JURISDICTION, "#7c5cbf"),
            Map.entry(Kind.REGULATION, "#2453a6"),
            Map.entry(Kind.PROVISION, "#5b8bd9"),
            Map.entry(Kind.RISK_TIER, "#c0392b"),
            Map.entry(Kind.OBLIGATION, "#e67e22"),
            Map.entry(Kind.ORGANISATION, "#16a085"),
            Map.entry(Kind.PERSON, "#27ae60"),
            Map.entry(Kind.MODEL, "#8e44ad"),
            Map.entry(Kind.STANCE, "#d35400"),
            Map.entry(Kind.CONCEPT, "#7f8c8d"),
            Map.entry(Kind.CLAIM, "#b7950b"),
            Map.entry(Kind.SOURCE, "#95a5a6")));

    private SiteKinds() {}

    /** The navigation's links to the kinds' index pages. */
    @TemplateGlobal
    public static List<Link> navigation() {
        return NAVIGATION.stream()
                .map(k -> new Link("/" + k.plural(), heading(k)))
                .toList();
    }

    /** The kinds' colours as JSON keyed by label, e.g. {@code {"Regulation":"#2453a6"}}. */
    @TemplateGlobal
    public static String kindColours() {
        return COLOURS.entrySet().stream()
                .map(e -> "\"" + e.getKey().label() + "\":\"" + e.getValue() + "\"")
                .collect(Collectors.joining(",", "{", "}"));
    }

    /** A kind's heading, e.g. "Risk tiers" for risk-tiers. */
    static String heading(Kind kind) {
        String words = kind.plural().replace('-', ' ');
        return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }
}
