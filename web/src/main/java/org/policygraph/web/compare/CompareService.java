package org.policygraph.web.compare;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.policygraph.model.Kind;
import org.policygraph.model.applicability.Applicability;
import org.policygraph.model.applicability.ModelFacts;
import org.policygraph.model.applicability.Status;
import org.policygraph.model.applicability.TierRule;
import org.policygraph.model.applicability.Verdict;
import org.policygraph.web.asof.AsOf;
import org.policygraph.web.asof.DatesRepository;
import org.policygraph.web.asof.PointInTime;
import org.policygraph.web.asof.PointInTimeService;
import org.policygraph.web.asof.Statement;
import org.policygraph.web.entity.Citation;
import org.policygraph.web.entity.EntityRef;
import org.policygraph.web.system.TemplateExtensions;
import org.policygraph.web.system.WebException;

/** Builds the comparisons from the repository's rows; the selection is always in the URL. */
@ApplicationScoped
public class CompareService {

    /** The essay's three jurisdictions' main rules. */
    static final List<String> DEFAULT_REGULATIONS = List.of("eu-ai-act", "ca-sb-53", "cn-generative-ai-measures");
    /** The essay's labs. */
    static final List<String> DEFAULT_ORGANISATIONS =
            List.of("openai", "anthropic", "meta", "google-deepmind", "mistral-ai", "deepseek");
    /** The essay's labs' flagship models. */
    static final List<String> DEFAULT_MODELS = List.of(
            "gpt-4", "claude-3-5-sonnet", "llama-3-1-405b", "gemini-1-0-ultra", "mistral-large-2", "deepseek-v3");

    static final int MAX_COLUMNS = 8;

    private final CompareRepository repository;
    private final DatesRepository datesRepository;
    private final PointInTimeService pointInTime;

    CompareService(CompareRepository repository, DatesRepository dates, PointInTimeService pointInTime) {
        this.repository = repository;
        this.datesRepository = dates;
        this.pointInTime = pointInTime;
    }

    /**
     * The state of risk tiers on one day, each tier read once: "not yet applicable, applies from 2027-01-01", from
     * the tier's dated statements (an amended date replaces the one it superseded) or its applies_from.
     */
    private final class TierDays {
        private final AsOf asOf;
        private final Map<String, PointInTime> states = new HashMap<>();

        TierDays(AsOf asOf) {
            this.asOf = asOf;
        }

        private PointInTime of(String tierId) {
            return states.computeIfAbsent(tierId, id -> pointInTime.of(Kind.RISK_TIER, id, List.of(), asOf));
        }

        /** " (not yet applicable on 2026-12-01)" when the tier did not yet apply that day, else empty. */
        String suffix(String tierId) {
            PointInTime p = of(tierId);
            return p != null && Boolean.FALSE.equals(p.applicable())
                    ? " (not yet applicable on " + asOf.text() + ")"
                    : "";
        }

        /** " On 2026-12-01 the tier was not yet applicable, applies from 2027-01-01." or empty without dates. */
        String sentence(String tierId) {
            PointInTime p = of(tierId);
            return p == null || p.status() == null ? "" : " On " + asOf.text() + " the tier was " + p.status() + ".";
        }
    }

    private static String dayNote(AsOf asOf) {
        return "Whether each rule applied is as of " + asOf.text() + (asOf.today() ? " (today)" : "")
                + ", from the tier's dates (amended dates replace superseded ones); add as-of=YYYY-MM-DD for another day.";
    }

    /** The ids chosen, from {@code ids=a,b} or repeated {@code ids}, or the defaults when none are chosen. */
    static List<String> ids(List<String> params, List<String> defaults) {
        Set<String> ids = new LinkedHashSet<>();
        if (params != null) {
            for (String p : params) {
                if (p == null) {
                    continue;
                }
                for (String id : p.split("[,\\s]+")) {
                    if (!id.isBlank()) {
                        ids.add(id.strip());
                    }
                }
            }
        }
        if (ids.isEmpty()) {
            return defaults;
        }
        if (ids.size() > MAX_COLUMNS) {
            throw WebException.badRequest(
                    "Compare at most " + MAX_COLUMNS + " at a time; " + ids.size() + " were chosen.");
        }
        return List.copyOf(ids);
    }

    /** What-if thresholds from {@code threshold=TIER:FLOP} parameters, checked against the tiers that exist. */
    Map<String, Double> thresholds(List<String> params, List<TierRule> rules) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (params == null) {
            return out;
        }
        for (String p : params) {
            if (p == null || p.isBlank()) {
                continue;
            }
            int colon = p.lastIndexOf(':');
            if (colon < 0) {
                throw WebException.badRequest(
                        "A threshold is written TIER:FLOP, e.g. eu-ai-act-gpai-systemic-risk:1e24, not '" + p + "'.");
            }
            String tier = p.substring(0, colon).strip();
            String value = p.substring(colon + 1).strip();
            if (rules.stream().noneMatch(r -> r.tierId().equals(tier) && r.computeThreshold() != null)) {
                throw WebException.badRequest("'" + tier + "' is not a tier with a compute threshold; those are "
                        + String.join(
                                ", ",
                                rules.stream()
                                        .filter(r -> r.computeThreshold() != null)
                                        .map(TierRule::tierId)
                                        .toList())
                        + ".");
            }
            try {
                double d = Double.parseDouble(value);
                if (!(d > 0) || Double.isInfinite(d)) {
                    throw new NumberFormatException();
                }
                out.put(tier, d);
            } catch (NumberFormatException e) {
                throw WebException.badRequest("The threshold for " + tier
                        + " must be a positive number of FLOP such as 1e24, not '" + value + "'.");
            }
        }
        return out;
    }

    Comparison regulations(List<String> ids) {
        return regulations(ids, AsOf.now());
    }

    /**
     * Regulations side by side as they stood on a day: the key dates are the statements in force that day (a date an
     * amendment replaced by then is shown as superseded, never as current; one an amendment set only later is left
     * out), and, for parts of a regulation without dated statements, their applies_from.
     */
    Comparison regulations(List<String> ids, AsOf asOf) {
        CompareRepository.Fetched fetched = repository.regulations(ids);
        List<EntityRef> columns = new ArrayList<>();
        Map<String, Map<String, List<Cell>>> byRow = new LinkedHashMap<>();
        Categories.ROWS.forEach(r -> byRow.put(r.key(), new LinkedHashMap<>()));
        Map<String, Map<String, List<Cell>>> other = new LinkedHashMap<>();
        for (Map<String, Object> row : fetched.rows()) {
            Map<String, Object> reg = map(row.get("reg"));
            String id = (String) reg.get("id");
            columns.add(new EntityRef(id, Kind.REGULATION, (String) reg.get("name")));
            Map<String, ObligationEntry> obligations = new LinkedHashMap<>();
            List<Cell> dates = new ArrayList<>();
            for (Object o : list(row.get("viaProvision"))) {
                Map<String, Object> entry = map(o);
                Map<String, Object> ob = map(entry.get("o"));
                if (ob.isEmpty()) {
                    continue;
                }
                Map<String, Object> p = map(entry.get("p"));
                EntityRef provision = p.isEmpty()
                        ? null
                        : new EntityRef((String) p.get("id"), Kind.PROVISION, (String) p.get("name"));
                obligations.putIfAbsent((String) ob.get("id"), obligationCell(ob, provision, fetched.titles()));
            }
            for (Object o : list(row.get("direct"))) {
                Map<String, Object> ob = map(map(o).get("o"));
                if (!ob.isEmpty()) {
                    obligations.putIfAbsent((String) ob.get("id"), obligationCell(ob, null, fetched.titles()));
                }
            }
            for (ObligationEntry entry : obligations.values()) {
                String rowKey = Categories.rowOf(entry.category());
                (rowKey.equals("other") ? other : byRow)
                        .computeIfAbsent(rowKey, k -> new LinkedHashMap<>())
                        .computeIfAbsent(id, k -> new ArrayList<>())
                        .add(entry.cell());
            }
            for (Object t : list(row.get("tiers"))) {
                Map<String, Object> tier = map(t);
                EntityRef ref = new EntityRef((String) tier.get("id"), Kind.RISK_TIER, (String) tier.get("name"));
                List<Citation> cites = CompareRepository.cite(tier, fetched.titles());
                List<String> thresholds = new ArrayList<>();
                if (tier.get("compute_threshold_flop") instanceof Number n) {
                    thresholds.add("training compute more than " + Applicability.flop(n.doubleValue()));
                }
                if (tier.get("revenue_threshold_usd") instanceof Number n) {
                    thresholds.add("annual revenue more than " + String.format(Locale.ROOT, "$%,.0f", n.doubleValue()));
                }
                if (tier.get("user_threshold") instanceof Number n) {
                    thresholds.add("more than " + String.format(Locale.ROOT, "%,.0f", n.doubleValue())
                            + " monthly visitors or users");
                }
                if (tier.get("scope_jurisdiction") != null) {
                    thresholds.add("services offered to the public in "
                            + String.valueOf(tier.get("scope_jurisdiction")).toUpperCase(Locale.ROOT));
                }
                if (!thresholds.isEmpty()) {
                    byRow.get(Categories.SCOPE)
                            .computeIfAbsent(id, k -> new ArrayList<>())
                            .add(new Cell(ref.name(), String.join("; ", thresholds), ref, null, cites));
                }
                String level = tier.get("level") == null ? null : "level " + tier.get("level");
                byRow.get(Categories.RISK)
                        .computeIfAbsent(id, k -> new ArrayList<>())
                        .add(new Cell(ref.name(), level, ref, null, cites));
                if (tier.get("applies_from") != null) {
                    dates.add(new Cell(
                            tier.get("applies_from") + ": " + ref.name() + " applies", null, ref, null, cites));
                }
            }
            List<Citation> regCites = CompareRepository.cite(reg, fetched.titles());
            EntityRef regRef = columns.get(columns.size() - 1);
            if (reg.get("adopted") != null) {
                dates.add(new Cell(reg.get("adopted") + ": adopted", null, regRef, null, regCites));
            }
            if (reg.get("in_force") != null) {
                dates.add(new Cell(reg.get("in_force") + ": in force", null, regRef, null, regCites));
            }
            for (ObligationEntry e : obligations.values()) {
                if (e.appliesFrom() != null) {
                    Cell c = e.cell();
                    dates.add(new Cell(
                            e.appliesFrom() + ": " + c.text() + " applies", null, c.ref(), c.provision(), c.sources()));
                }
            }
            dates = datesAsOf(id, dates, asOf);
            dates.sort((a, b) -> a.text().compareTo(b.text()));
            byRow.get(Categories.DATES).put(id, dates);
        }
        if (columns.isEmpty()) {
            throw WebException.notFound("None of " + String.join(", ", ids) + " is a regulation.");
        }
        List<Comparison.ComparisonRow> rows = new ArrayList<>();
        for (Categories.Row r : Categories.ROWS) {
            rows.add(new Comparison.ComparisonRow(r.key(), r.heading(), byRow.get(r.key())));
        }
        if (!other.isEmpty()) {
            rows.add(new Comparison.ComparisonRow("other", "Other obligations", other.get("other")));
        }
        missing(ids, columns, "regulation");
        return new Comparison(
                "regulations",
                "Regulations side by side",
                columns,
                rows,
                "No provision found",
                Map.of(),
                List.of(
                        "Each entry is an obligation with the provision that imposes it; the categories come from the data.",
                        "Key dates as they stood on " + asOf.text() + (asOf.today() ? " (today)" : "")
                                + ": dates replaced by an amendment are marked superseded; add as-of=YYYY-MM-DD for another day."));
    }

    /**
     * The key dates of one regulation on a day: the dated statements of its family replace the applies_from cells of
     * the parts they are about.
     */
    private List<Cell> datesAsOf(String regulationId, List<Cell> propertyCells, AsOf asOf) {
        DatesRepository.Family family = datesRepository.family(regulationId);
        if (family.statements().isEmpty()) {
            return propertyCells;
        }
        Set<String> dated = new java.util.HashSet<>();
        for (DatesRepository.Member m : family.members()) {
            if (!m.events().isEmpty()
                    || (m.ref().kind() == Kind.OBLIGATION && !m.tierEvents().isEmpty())) {
                dated.add(m.ref().id());
            }
        }
        List<Cell> out = new ArrayList<>();
        for (Cell c : propertyCells) {
            if (c.ref() == null
                    || !dated.contains(c.ref().id())
                    || c.ref().kind() == Kind.REGULATION && !c.text().contains("applies")) {
                out.add(c);
            }
        }
        for (Statement s : family.statements().values()) {
            if (!s.madeBy(asOf)) {
                continue; // set by an amendment that had not taken effect that day
            }
            Statement.Link by = s.supersededAsOf(asOf);
            String state = by != null
                    ? "superseded" + (by.effective() == null ? "" : " in " + by.effective()) + " by " + by.date()
                    : s.deadline()
                            ? (asOf.reached(s.date()) ? "deadline passed" : "deadline to come")
                            : asOf.reached(s.date()) ? "applicable" : "not yet applicable";
            out.add(new Cell(
                    s.date() + (by != null ? " (superseded)" : "") + ": "
                            + s.event().name(),
                    state + (s.secondary() ? "; from secondary sources" : ""),
                    s.event(),
                    null,
                    s.sources()));
        }
        return out;
    }

    /** An obligation's cell, with the category that picks its row and the date it applies from. */
    private record ObligationEntry(Cell cell, String category, String appliesFrom) {}

    private static ObligationEntry obligationCell(
            Map<String, Object> ob, EntityRef provision, Map<String, Citation> titles) {
        List<String> detail = new ArrayList<>();
        if (ob.get("role") != null) {
            detail.add("for " + ob.get("role"));
        }
        if (ob.get("deadline") != null) {
            detail.add("deadline: " + ob.get("deadline"));
        }
        if (ob.get("recipient") != null) {
            detail.add("to: " + ob.get("recipient"));
        }
        if (ob.get("penalty") != null) {
            detail.add("penalty: " + ob.get("penalty"));
        }
        Cell cell = new Cell(
                (String) ob.get("name"),
                detail.isEmpty() ? null : String.join("; ", detail),
                new EntityRef((String) ob.get("id"), Kind.OBLIGATION, (String) ob.get("name")),
                provision,
                CompareRepository.cite(ob, titles));
        return new ObligationEntry(
                cell,
                String.valueOf(ob.getOrDefault("category", "")),
                ob.get("applies_from") == null ? null : String.valueOf(ob.get("applies_from")));
    }

    Comparison organisations(List<String> ids) {
        return organisations(ids, AsOf.now());
    }

    /**
     * Organisations side by side as they stood on a day: the newest model is the newest released by then, and each
     * rule that reaches the organisation says whether it applied that day.
     */
    Comparison organisations(List<String> ids, AsOf asOf) {
        TierDays days = new TierDays(asOf);
        CompareRepository.Fetched fetched = repository.organisations(ids);
        List<EntityRef> columns = new ArrayList<>();
        Map<String, Map<String, List<Cell>>> rows = new LinkedHashMap<>();
        for (String key : List.of(
                "hq",
                "parent",
                "leaders",
                "models",
                "largest",
                "newest",
                "stances",
                "positions",
                "signatures",
                "issued",
                "fmti",
                "incidents",
                "reach")) {
            rows.put(key, new LinkedHashMap<>());
        }
        for (Map<String, Object> row : fetched.rows()) {
            Map<String, Object> org = map(row.get("org"));
            String id = (String) org.get("id");
            columns.add(new EntityRef(id, Kind.ORGANISATION, (String) org.get("name")));
            List<Citation> orgCites = CompareRepository.cite(org, fetched.titles());
            put(rows, "hq", id, refs(row.get("hq"), Kind.JURISDICTION));
            put(rows, "parent", id, refs(row.get("parents"), Kind.ORGANISATION));
            put(rows, "leaders", id, refs(row.get("leaders"), Kind.PERSON));
            long count = ((Number) row.getOrDefault("modelCount", 0L)).longValue();
            put(
                    rows,
                    "models",
                    id,
                    count == 0 ? List.of() : List.of(new Cell(count + " models", null, null, null, List.of())));
            Map<String, Object> largest = map(row.get("largest"));
            if (!largest.isEmpty()) {
                put(
                        rows,
                        "largest",
                        id,
                        List.of(new Cell(
                                (String) largest.get("name"),
                                Applicability.flop(((Number) largest.get("training_compute_flop")).doubleValue()),
                                new EntityRef((String) largest.get("id"), Kind.MODEL, (String) largest.get("name")),
                                null,
                                CompareRepository.cite(largest, fetched.titles()))));
            }
            List<Object> dated = list(row.get("dated"));
            dated.stream()
                    .map(CompareService::map)
                    .filter(m -> asOf.reached(String.valueOf(m.get("released"))))
                    .max((a, b) -> String.valueOf(a.get("released")).compareTo(String.valueOf(b.get("released"))))
                    .ifPresent(m -> put(
                            rows,
                            "newest",
                            id,
                            List.of(new Cell(
                                    (String) m.get("name"),
                                    "released " + m.get("released"),
                                    new EntityRef((String) m.get("id"), Kind.MODEL, (String) m.get("name")),
                                    null,
                                    List.of()))));
            List<Cell> stances = new ArrayList<>();
            for (Object s : list(row.get("stances"))) {
                Map<String, Object> st = map(s);
                List<String> by =
                        list(st.get("by")).stream().map(String::valueOf).toList();
                stances.add(new Cell(
                        (String) st.get("name"),
                        (st.get("position") == null ? "" : st.get("position") + "; ")
                                + (by.isEmpty() ? "" : "asserted by " + String.join(", ", by)),
                        new EntityRef((String) st.get("id"), Kind.STANCE, (String) st.get("name")),
                        null,
                        CompareRepository.cite(st, fetched.titles())));
            }
            put(rows, "stances", id, stances);
            List<Cell> positions = new ArrayList<>();
            List<Cell> signatures = new ArrayList<>();
            for (Object p : list(row.get("positions"))) {
                Map<String, Object> pos = map(p);
                Map<String, Object> reg = map(pos.get("reg"));
                Map<String, Object> rel = map(pos.get("rel"));
                if (reg.isEmpty()) {
                    continue;
                }
                String type = String.valueOf(pos.get("type"));
                String verb = switch (type) {
                    case "ENDORSED" -> "Endorsed ";
                    case "OPPOSED" -> "Opposed ";
                    case "SIGNED" -> "Signed ";
                    default -> "Declined to sign ";
                };
                List<String> detail = new ArrayList<>();
                if (rel.get("date") != null) {
                    detail.add("on " + rel.get("date"));
                }
                if (rel.get("scope") != null) {
                    detail.add("scope: " + rel.get("scope"));
                }
                if (rel.get("role") != null) {
                    detail.add("as " + rel.get("role"));
                }
                Cell cell = new Cell(
                        verb + reg.get("name"),
                        detail.isEmpty() ? null : String.join("; ", detail),
                        new EntityRef((String) reg.get("id"), Kind.REGULATION, (String) reg.get("name")),
                        null,
                        CompareRepository.cite(rel, fetched.titles()));
                (type.equals("SIGNED") || type.equals("DECLINED") ? signatures : positions).add(cell);
            }
            put(rows, "positions", id, positions);
            put(rows, "signatures", id, signatures);
            put(rows, "issued", id, issued(row.get("issued"), asOf, fetched.titles()));
            List<Cell> incidents = new ArrayList<>();
            for (Object i : list(row.get("incidents"))) {
                Map<String, Object> entry = map(i);
                Map<String, Object> latest = map(entry.get("latest"));
                String role = "ALLEGED_DEVELOPER".equals(entry.get("role")) ? "developer" : "deployer";
                long n = ((Number) entry.get("n")).longValue();
                incidents.add(new Cell(
                        "Alleged " + role + " in " + n + " incident" + (n == 1 ? "" : "s") + " (AI Incident Database)",
                        latest.isEmpty()
                                ? null
                                : "latest: " + latest.get("name")
                                        + (latest.get("date") == null ? "" : " (" + latest.get("date") + ")"),
                        latest.isEmpty()
                                ? null
                                : new EntityRef((String) latest.get("id"), Kind.INCIDENT, (String) latest.get("name")),
                        null,
                        CompareRepository.cite(latest, fetched.titles())));
            }
            put(rows, "incidents", id, incidents);
            if (org.get("fmti_score") != null) {
                put(
                        rows,
                        "fmti",
                        id,
                        List.of(new Cell(
                                TemplateExtensions.display(org.get("fmti_score")) + " / 100",
                                "upstream " + TemplateExtensions.display(org.get("fmti_upstream")) + ", model "
                                        + TemplateExtensions.display(org.get("fmti_model")) + ", downstream "
                                        + TemplateExtensions.display(org.get("fmti_downstream")),
                                null,
                                null,
                                orgCites.stream()
                                        .filter(c -> c.source().startsWith("fmti"))
                                        .toList())));
            }
            List<Cell> reach = new ArrayList<>();
            for (Object d : list(row.get("direct"))) {
                Map<String, Object> entry = map(d);
                Map<String, Object> tier = map(entry.get("tier"));
                if (tier.isEmpty()) {
                    continue;
                }
                Map<String, Object> rel = map(entry.get("rel"));
                Map<String, Object> reg = map(entry.get("reg"));
                String tierId = (String) tier.get("id");
                reach.add(new Cell(
                        statusWords((String) rel.get("status")) + " " + tier.get("name")
                                + (reg.isEmpty() ? "" : " (" + reg.get("name") + ")") + days.suffix(tierId),
                        rel.get("reason") + days.sentence(tierId),
                        new EntityRef((String) tier.get("id"), Kind.RISK_TIER, (String) tier.get("name")),
                        null,
                        CompareRepository.cite(rel, fetched.titles())));
            }
            for (Object v : list(row.get("viaModels"))) {
                Map<String, Object> entry = map(v);
                Map<String, Object> tier = map(entry.get("tier"));
                if (tier.isEmpty() || !"in".equals(entry.get("status"))) {
                    continue;
                }
                Map<String, Object> reg = map(entry.get("reg"));
                String tierId = (String) tier.get("id");
                reach.add(new Cell(
                        entry.get("n") + " of its models fall under " + tier.get("name")
                                + (reg.isEmpty() ? "" : " (" + reg.get("name") + ")") + days.suffix(tierId),
                        "e.g. "
                                + String.join(
                                        ", ",
                                        list(entry.get("examples")).stream()
                                                .map(String::valueOf)
                                                .toList()) + "." + days.sentence(tierId),
                        new EntityRef((String) tier.get("id"), Kind.RISK_TIER, (String) tier.get("name")),
                        null,
                        List.of()));
            }
            put(rows, "reach", id, reach);
        }
        if (columns.isEmpty()) {
            throw WebException.notFound("None of " + String.join(", ", ids) + " is an organisation.");
        }
        Map<String, String> headings = Map.ofEntries(
                Map.entry("hq", "Headquarters"),
                Map.entry("parent", "Parent"),
                Map.entry("leaders", "Leaders"),
                Map.entry("models", "Models"),
                Map.entry("largest", "Largest training compute"),
                Map.entry("newest", "Newest model"),
                Map.entry("stances", "Stances (and who asserts them)"),
                Map.entry("positions", "Regulations endorsed or opposed"),
                Map.entry("signatures", "Codes and commitments signed or declined"),
                Map.entry("issued", "Frameworks, policies and other instruments it issued"),
                Map.entry("fmti", "Transparency score (FMTI, Dec 2025)"),
                Map.entry("incidents", "Incidents (alleged developer or deployer)"),
                Map.entry("reach", "Regulations that reach it"));
        List<Comparison.ComparisonRow> out = new ArrayList<>();
        rows.forEach((k, v) -> out.add(new Comparison.ComparisonRow(k, headings.get(k), v)));
        missing(ids, columns, "organisation");
        return new Comparison(
                "organisations",
                "Organisations side by side",
                columns,
                out,
                "Not recorded",
                Map.of(),
                List.of(
                        "Rules reach an organisation directly (a rule on organisations, e.g. SB 53's large frontier developer) "
                                + "or through its models; 'unknown' means a fact the rule needs is missing from the data.",
                        dayNote(asOf) + " The newest model is the newest released by that day."));
    }

    Comparison models(List<String> ids, List<String> thresholdParams) {
        return models(ids, thresholdParams, AsOf.now());
    }

    /**
     * Models side by side as they stood on a day: each tier a model falls under says whether it applied that day
     * (the RAISE Act's frontier-model tier, for one, from 2027-01-01), and a model released after the day says so.
     */
    Comparison models(List<String> ids, List<String> thresholdParams, AsOf asOf) {
        TierDays days = new TierDays(asOf);
        List<TierRule> rules = repository.rules();
        Map<String, Double> whatIf = thresholds(thresholdParams, rules);
        List<TierRule> modelRules = rules.stream().filter(TierRule::forModels).toList();
        CompareRepository.Fetched fetched = repository.models(ids);
        Map<String, List<EntityRef>> obligations =
                repository.obligations(modelRules.stream().map(TierRule::tierId).toList());
        Map<String, Citation> titles = new HashMap<>(fetched.titles());
        List<String> ruleSources = modelRules.stream()
                .filter(r -> r.source() != null)
                .map(r -> r.source().source())
                .toList();
        titles.putAll(repository.titles(ruleSources));
        List<EntityRef> columns = new ArrayList<>();
        Map<String, Map<String, List<Cell>>> rows = new LinkedHashMap<>();
        for (String key : List.of("developer", "released", "parameters", "compute", "accessibility", "openness")) {
            rows.put(key, new LinkedHashMap<>());
        }
        modelRules.forEach(r -> rows.put("tier:" + r.tierId(), new LinkedHashMap<>()));
        for (Map<String, Object> row : fetched.rows()) {
            Map<String, Object> model = map(row.get("model"));
            String id = (String) model.get("id");
            columns.add(new EntityRef(id, Kind.MODEL, (String) model.get("name")));
            List<Citation> cites = CompareRepository.cite(model, titles);
            put(rows, "developer", id, refs(row.get("developers"), Kind.ORGANISATION));
            value(
                    rows,
                    "released",
                    id,
                    model.get("released"),
                    model.get("released") == null || asOf.reached(String.valueOf(model.get("released")))
                            ? null
                            : "not yet released on " + asOf.text(),
                    cites);
            value(rows, "parameters", id, model.get("parameters"), null, cites);
            value(
                    rows,
                    "compute",
                    id,
                    model.get("training_compute_flop") == null
                            ? null
                            : Applicability.flop(((Number) model.get("training_compute_flop")).doubleValue()),
                    model.get("compute_confidence") == null
                            ? null
                            : "Epoch confidence: " + model.get("compute_confidence"),
                    cites);
            value(rows, "accessibility", id, model.get("accessibility"), null, cites);
            if (model.get("openness_open") != null) {
                put(
                        rows,
                        "openness",
                        id,
                        List.of(new Cell(
                                model.get("openness_open") + " open, " + model.get("openness_partial") + " partial, "
                                        + model.get("openness_closed") + " closed",
                                "European Open Source AI Index ratings",
                                null,
                                null,
                                cites.stream()
                                        .filter(c -> c.source().startsWith("osai"))
                                        .toList())));
            }
            ModelFacts facts = ModelFacts.of(model);
            for (TierRule rule : modelRules) {
                Verdict stated = Applicability.model(rule, facts);
                Verdict verdict = whatIf.containsKey(rule.tierId())
                        ? Applicability.model(rule.withComputeThreshold(whatIf.get(rule.tierId())), facts)
                        : stated;
                String move = verdict.status() == stated.status()
                        ? ""
                        : verdict.status() == Status.IN
                                ? " (would move in)"
                                : stated.status() == Status.IN ? " (would move out)" : "";
                List<Citation> vc = new ArrayList<>();
                verdict.sources().forEach(s -> {
                    Citation t = titles.get(s.source());
                    vc.add(new Citation(
                            s.source(),
                            t == null ? s.source() : t.title(),
                            t == null ? null : t.url(),
                            s.locator(),
                            s.quote()));
                });
                String applies = verdict.status() == Status.IN && obligations.containsKey(rule.tierId())
                        ? " Obligations: "
                                + String.join(
                                        "; ",
                                        obligations.get(rule.tierId()).stream()
                                                .map(EntityRef::name)
                                                .toList())
                                + "."
                        : "";
                boolean reaches = verdict.status() != Status.OUT;
                put(
                        rows,
                        "tier:" + rule.tierId(),
                        id,
                        List.of(new Cell(
                                capitalise(verdict.status().words())
                                        + move
                                        + (reaches ? days.suffix(rule.tierId()) : ""),
                                verdict.reason() + applies + (reaches ? days.sentence(rule.tierId()) : ""),
                                new EntityRef(rule.tierId(), Kind.RISK_TIER, rule.tierName()),
                                null,
                                vc)));
            }
        }
        if (columns.isEmpty()) {
            throw WebException.notFound("None of " + String.join(", ", ids) + " is a model.");
        }
        Map<String, String> headings = new HashMap<>(Map.of(
                "developer",
                "Developer",
                "released",
                "Released",
                "parameters",
                "Parameters",
                "compute",
                "Training compute",
                "accessibility",
                "Accessibility",
                "openness",
                "Openness (OSAI index)"));
        modelRules.forEach(r -> headings.put(
                "tier:" + r.tierId(),
                (r.regulationName() == null ? "" : r.regulationName() + ": ")
                        + r.tierName()
                        + (r.computeThreshold() == null
                                ? ""
                                : " (threshold "
                                        + Applicability.flop(whatIf.getOrDefault(r.tierId(), r.computeThreshold()))
                                        + (whatIf.containsKey(r.tierId()) ? ", what-if" : "") + ")")));
        List<Comparison.ComparisonRow> out = new ArrayList<>();
        rows.forEach((k, v) -> out.add(new Comparison.ComparisonRow(k, headings.get(k), v)));
        missing(ids, columns, "model");
        List<String> notes = new ArrayList<>(List.of(
                "Training compute is Epoch AI's estimate; a model without one is "
                        + "'unknown', never 'no'. The rules compare with 'greater than', as the EU AI Act Art. 51(2) and SB 53 "
                        + "22757.11(i) do.",
                dayNote(asOf)));
        if (!whatIf.isEmpty()) {
            notes.add("What-if thresholds: "
                    + String.join(
                            ", ",
                            whatIf.entrySet().stream()
                                    .map(e -> e.getKey() + " at " + Applicability.flop(e.getValue()))
                                    .toList())
                    + ".");
        }
        return new Comparison("models", "Models side by side", columns, out, "Not recorded", whatIf, notes);
    }

    static final int MAX_ISSUED = 12;

    /**
     * The instruments an organisation issued (a lab's frontier safety framework, a regulator's rules), newest first,
     * leaving out those adopted after the day asked; at most {@link #MAX_ISSUED}, then how many more.
     */
    private static List<Cell> issued(Object value, AsOf asOf, Map<String, Citation> titles) {
        List<Cell> out = new ArrayList<>();
        int more = 0;
        for (Object i : list(value)) {
            Map<String, Object> entry = map(i);
            Map<String, Object> reg = map(entry.get("reg"));
            if (reg.isEmpty() || reg.get("adopted") != null && !asOf.reached(String.valueOf(reg.get("adopted")))) {
                continue;
            }
            if (out.size() == MAX_ISSUED) {
                more++;
                continue;
            }
            List<String> detail = new ArrayList<>();
            if (reg.get("instrument_type") != null) {
                detail.add(String.valueOf(reg.get("instrument_type")).replace('-', ' '));
            }
            if (reg.get("adopted") != null) {
                detail.add("adopted " + reg.get("adopted"));
            }
            out.add(new Cell(
                    (String) reg.get("name"),
                    detail.isEmpty() ? null : String.join("; ", detail),
                    new EntityRef((String) reg.get("id"), Kind.REGULATION, (String) reg.get("name")),
                    null,
                    CompareRepository.cite(map(entry.get("rel")), titles)));
        }
        if (more > 0) {
            out.add(new Cell("and " + more + " more", null, null, null, List.of()));
        }
        return out;
    }

    /** Who would move in or out of a tier at another compute threshold, across every model in the graph. */
    WhatIf whatIf(String tierId, String threshold) {
        List<TierRule> rules = repository.rules();
        TierRule rule = rules.stream()
                .filter(r -> r.tierId().equals(tierId) && r.forModels() && r.computeThreshold() != null)
                .findFirst()
                .orElseThrow(() -> WebException.badRequest("'" + tierId + "' is not a model tier with a compute "
                        + "threshold; those are "
                        + String.join(
                                ", ",
                                rules.stream()
                                        .filter(r -> r.forModels() && r.computeThreshold() != null)
                                        .map(TierRule::tierId)
                                        .toList())
                        + "."));
        Double value = threshold == null || threshold.isBlank()
                ? rule.computeThreshold()
                : thresholds(List.of(tierId + ":" + threshold), rules).get(tierId);
        TierRule changed = rule.withComputeThreshold(value);
        List<WhatIf.Entry> in = new ArrayList<>();
        List<WhatIf.Entry> movingIn = new ArrayList<>();
        List<WhatIf.Entry> movingOut = new ArrayList<>();
        long unknown = 0;
        for (ModelFacts m : repository.allModelFacts()) {
            Verdict before = Applicability.model(rule, m);
            Verdict after = Applicability.model(changed, m);
            WhatIf.Entry entry =
                    new WhatIf.Entry(new EntityRef(m.id(), Kind.MODEL, m.name()), m.compute(), after.reason());
            if (after.status() == Status.UNKNOWN) {
                unknown++;
            }
            if (after.status() == Status.IN) {
                in.add(entry);
            }
            if (after.status() == Status.IN && before.status() != Status.IN) {
                movingIn.add(entry);
            }
            if (after.status() != Status.IN && before.status() == Status.IN) {
                movingOut.add(entry);
            }
        }
        java.util.Comparator<WhatIf.Entry> byCompute = java.util.Comparator.comparing(
                        (WhatIf.Entry e) -> e.compute() == null ? 0 : e.compute())
                .reversed();
        in.sort(byCompute);
        movingIn.sort(byCompute);
        movingOut.sort(byCompute);
        return new WhatIf(
                rule.tierId(),
                rule.tierName(),
                rule.regulationName(),
                rule.computeThreshold(),
                value,
                in,
                movingIn,
                movingOut,
                unknown,
                rules.stream()
                        .filter(r -> r.forModels() && r.computeThreshold() != null)
                        .map(TierRule::tierId)
                        .toList());
    }

    private static void missing(List<String> ids, List<EntityRef> found, String kind) {
        if (found.size() < ids.size()) {
            List<String> absent = ids.stream()
                    .filter(id -> found.stream().noneMatch(f -> f.id().equals(id)))
                    .toList();
            throw WebException.notFound("There is no " + kind + " with the id "
                    + String.join(", ", absent.stream().map(a -> "'" + a + "'").toList())
                    + "; use the picker to choose one.");
        }
    }

    private static String statusWords(String status) {
        return status == null
                ? ""
                : capitalise(Status.valueOf(status.toUpperCase(Locale.ROOT)).words());
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static void put(Map<String, Map<String, List<Cell>>> rows, String row, String column, List<Cell> cells) {
        rows.get(row).put(column, cells);
    }

    private static void value(
            Map<String, Map<String, List<Cell>>> rows,
            String row,
            String column,
            Object value,
            String detail,
            List<Citation> cites) {
        if (value != null) {
            put(
                    rows,
                    row,
                    column,
                    List.of(new Cell(
                            TemplateExtensions.display(value),
                            detail,
                            null,
                            null,
                            cites.stream()
                                    .filter(c -> c.source().startsWith("epoch"))
                                    .toList())));
        }
    }

    private static List<Cell> refs(Object value, Kind kind) {
        return list(value).stream()
                .map(CompareService::map)
                .filter(m -> !m.isEmpty())
                .map(m -> new Cell(
                        (String) m.get("name"),
                        null,
                        new EntityRef((String) m.get("id"), kind, (String) m.get("name")),
                        null,
                        List.of()))
                .toList();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o) {
        return o instanceof List<?> l ? (List<Object>) l : List.of();
    }
}
