package org.policygraph.web.asof;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.policygraph.model.Kind;
import org.policygraph.web.ref.EntityRef;

/**
 * Answers "what applied on this day?" for regulations, risk tiers, obligations and provisions of any instrument:
 * from their dated statements where the data has them (the one in force that day, the superseded ones kept), else
 * from their {@code applies_from} property.
 */
@ApplicationScoped
public class PointInTimeService {

    /** The kinds whose pages answer for a day. */
    public static final Set<Kind> KINDS = Set.of(Kind.REGULATION, Kind.RISK_TIER, Kind.OBLIGATION, Kind.PROVISION);

    private final DatesRepository repository;

    PointInTimeService(DatesRepository repository) {
        this.repository = repository;
    }

    /** A node on a day, or null for kinds that have no dates of application. */
    public PointInTime of(Kind kind, String id, List<DatesRepository.AmendingAct> acts, AsOf asOf) {
        if (!KINDS.contains(kind)) {
            return null;
        }
        DatesRepository.NodeDates nodeDates = repository.dates(id);
        List<PointInTime.DateView> dates = views(nodeDates.statements(), asOf);
        Verdict verdict = verdict(dates, nodeDates.appliesFrom(), asOf);
        List<PointInTime.AmendmentView> amendments = acts.stream()
                .map(a -> new PointInTime.AmendmentView(
                        a.act(), a.officialId(), a.effective(), a.effective() != null && asOf.reached(a.effective())))
                .toList();
        List<PointInTime.MemberState> members = new ArrayList<>();
        List<String> changes = new ArrayList<>();
        if (kind == Kind.REGULATION) {
            DatesRepository.Family family = repository.family(id);
            for (DatesRepository.Member m : family.members()) {
                if (m.ref().kind() == Kind.REGULATION || m.ref().kind() == Kind.PROVISION) {
                    continue;
                }
                List<Statement> own = m.events().stream()
                        .map(family.statements()::get)
                        .filter(Objects::nonNull)
                        .toList();
                List<Statement> used = own.isEmpty()
                        ? m.tierEvents().stream()
                                .map(family.statements()::get)
                                .filter(Objects::nonNull)
                                .toList()
                        : own;
                Verdict v = verdict(views(used, asOf), m.appliesFrom(), asOf);
                if (v.status() != null) {
                    members.add(new PointInTime.MemberState(m.ref(), v.status(), Boolean.TRUE.equals(v.applicable())));
                }
            }
            members.sort(Comparator.comparing(
                            (PointInTime.MemberState s) -> s.ref().kind().ordinal())
                    .thenComparing(s -> s.ref().name()));
            if (asOf.since() != null) {
                changes = changes(family, asOf);
            }
        }
        return new PointInTime(
                asOf.text(),
                asOf.today(),
                asOf.since() == null ? null : asOf.since().toString(),
                verdict.status(),
                verdict.applicable(),
                dates,
                amendments,
                members,
                changes);
    }

    /** The state of each statement on the day asked. */
    static List<PointInTime.DateView> views(List<Statement> statements, AsOf asOf) {
        List<PointInTime.DateView> out = new ArrayList<>();
        for (Statement s : statements) {
            String state;
            String sentence;
            String what = s.deadline() ? "deadline " + s.date() : "applies from " + s.date();
            if (!s.madeBy(asOf)) {
                state = "not-yet-made";
                sentence = what + ": not yet law on " + asOf.text() + " (set by an amendment that took effect in "
                        + s.madeOn() + ")";
            } else if (s.supersededAsOf(asOf) != null) {
                Statement.Link by = s.supersededAsOf(asOf);
                state = "superseded";
                sentence = what + ": superseded" + (by.effective() == null ? "" : " in " + by.effective())
                        + " by a later date, " + by.date();
            } else if (s.deadline()) {
                state = asOf.reached(s.date()) ? "passed" : "upcoming";
                sentence = state.equals("passed")
                        ? "deadline " + s.date() + " (passed)"
                        : "deadline " + s.date() + " (not yet reached on " + asOf.text() + ")";
            } else if (asOf.reached(s.date())) {
                state = "applicable";
                sentence = "applicable since " + s.date();
            } else {
                state = "not-yet-applicable";
                sentence = "not yet applicable, applies from " + s.date();
            }
            out.add(new PointInTime.DateView(
                    s.event(),
                    s.date(),
                    s.eventType(),
                    state,
                    sentence,
                    s.description(),
                    s.secondary(),
                    s.sources(),
                    s.via()));
        }
        return out;
    }

    /** A node's state in words, from the statements in force that day, else from its applies_from property. */
    record Verdict(String status, Boolean applicable) {}

    static Verdict verdict(List<PointInTime.DateView> dates, String appliesFrom, AsOf asOf) {
        List<String> from = dates.stream()
                .filter(PointInTime.DateView::current)
                .filter(d -> !"deadline".equals(d.kind()))
                .map(PointInTime.DateView::date)
                .filter(Objects::nonNull)
                .sorted()
                .distinct()
                .toList();
        if (from.isEmpty() && appliesFrom != null) {
            from = List.of(appliesFrom);
        }
        if (from.isEmpty()) {
            return new Verdict(null, null);
        }
        List<String> reached = from.stream().filter(asOf::reached).toList();
        List<String> later = from.stream().filter(d -> !asOf.reached(d)).toList();
        if (reached.isEmpty()) {
            return new Verdict(
                    "not yet applicable, applies from " + later.get(0)
                            + (later.size() > 1
                                    ? " (parts from " + String.join(", ", later.subList(1, later.size())) + ")"
                                    : ""),
                    false);
        }
        if (later.isEmpty()) {
            return new Verdict("applicable since " + reached.get(0), true);
        }
        return new Verdict(
                "partly applicable: since " + reached.get(0) + ", the rest from " + String.join(", ", later), true);
    }

    /** What changed in a regulation's family between {@code since} and the day asked. */
    static List<String> changes(DatesRepository.Family family, AsOf asOf) {
        List<String> out = new ArrayList<>();
        Map<String, Statement> statements = family.statements();
        for (Statement s : statements.values()) {
            String made = s.madeOn();
            if (made != null && asOf.between(made)) {
                out.add(made + ": " + s.event().name() + " (set by an amendment"
                        + s.supersedes().stream()
                                .map(l -> ", replacing " + l.date())
                                .reduce("", String::concat) + ")");
            }
            if (s.madeBy(asOf) && s.supersededAsOf(asOf) == null && !s.deadline() && asOf.between(s.date())) {
                out.add(s.date() + ": became applicable: " + s.event().name());
            }
            if (s.deadline() && s.madeBy(asOf) && s.supersededAsOf(asOf) == null && asOf.between(s.date())) {
                out.add(s.date() + ": deadline reached: " + s.event().name());
            }
        }
        out.sort(Comparator.naturalOrder());
        return List.copyOf(new java.util.LinkedHashSet<>(out));
    }

    /** The acts amending a regulation (for its own page and those of its parts). */
    public List<DatesRepository.AmendingAct> amendments(String regulationId) {
        return regulationId == null ? List.of() : repository.amendments(regulationId);
    }

    /** Whether a ref is a regulation's. */
    static boolean isRegulation(EntityRef ref) {
        return ref.kind() == Kind.REGULATION;
    }
}
