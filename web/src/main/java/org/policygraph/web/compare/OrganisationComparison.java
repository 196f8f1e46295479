package org.policygraph.web.compare;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.policygraph.model.RelType;
import org.policygraph.model.applicability.Applicability;
import org.policygraph.model.applicability.Status;
import org.policygraph.web.asof.AsOf;
import org.policygraph.web.asof.PointInTimeService;
import org.policygraph.web.compare.CompareRows.DirectReach;
import org.policygraph.web.compare.CompareRows.IncidentRow;
import org.policygraph.web.compare.CompareRows.IssuedRow;
import org.policygraph.web.compare.CompareRows.OrganisationRow;
import org.policygraph.web.compare.CompareRows.PositionRow;
import org.policygraph.web.compare.CompareRows.ReachViaModels;
import org.policygraph.web.compare.CompareRows.StanceRow;
import org.policygraph.web.ref.EntityRef;
import org.policygraph.web.system.TemplateExtensions;

/**
 * Organisations side by side: where they are, who leads them, their models, stances, positions on regulations,
 * signatures, the instruments they issued, their transparency score, incidents, and the rules that reach them.
 */
@ApplicationScoped
public class OrganisationComparison {

    /** The essay's labs. */
    static final List<String> DEFAULTS =
            List.of("openai", "anthropic", "meta", "google-deepmind", "mistral-ai", "deepseek");

    /** At most this many instruments an organisation issued are listed, then how many more. */
    static final int MAX_ISSUED = 12;

    private final CompareRepository repository;
    private final PointInTimeService pointInTime;

    OrganisationComparison(CompareRepository repository, PointInTimeService pointInTime) {
        this.repository = repository;
        this.pointInTime = pointInTime;
    }

    Comparison compare(List<String> ids) {
        return compare(ids, AsOf.now());
    }

    /**
     * Organisations side by side as they stood on a day: the newest model is the newest released by then, a position
     * or signature dated after the day is left out (an undated one is kept), and each rule that reaches the
     * organisation says whether it applied that day.
     */
    Comparison compare(List<String> ids, AsOf asOf) {
        TierDays days = new TierDays(pointInTime, asOf);
        CompareRepository.Fetched<OrganisationRow> fetched = repository.organisations(ids);
        Sources sources = fetched.sources();
        Table table = new Table()
                .row("hq", "Headquarters")
                .row("parent", "Parent")
                .row("leaders", "Leaders")
                .row("models", "Models")
                .row("largest", "Largest training compute")
                .row("newest", "Newest model")
                .row("stances", "Stances (and who asserts them)")
                .row("positions", "Regulations endorsed or opposed")
                .row("signatures", "Codes and commitments signed or declined")
                .row("issued", "Frameworks, policies and other instruments it issued")
                .row("fmti", "Transparency score (FMTI, Dec 2025)")
                .row("incidents", "Incidents (alleged developer or deployer)")
                .row("reach", "Regulations that reach it");
        for (OrganisationRow org : fetched.rows()) {
            String id = org.ref().id();
            table.put("hq", id, Cells.refs(org.headquarters()));
            table.put("parent", id, Cells.refs(org.parents()));
            table.put("leaders", id, Cells.refs(org.leaders()));
            table.put(
                    "models",
                    id,
                    org.modelCount() == 0
                            ? List.of()
                            : List.of(new Cell(org.modelCount() + " models", null, null, null, List.of())));
            if (org.largest() != null) {
                table.put(
                        "largest",
                        id,
                        List.of(new Cell(
                                org.largest().ref().name(),
                                Applicability.flop(org.largest().compute()),
                                org.largest().ref(),
                                null,
                                sources.cite(org.largest().sources()))));
            }
            org.dated().stream()
                    .filter(m -> asOf.reached(m.released()))
                    .max(Comparator.comparing(CompareRows.DatedModel::released))
                    .ifPresent(m -> table.put(
                            "newest",
                            id,
                            List.of(new Cell(m.ref().name(), "released " + m.released(), m.ref(), null, List.of()))));
            table.put(
                    "stances",
                    id,
                    org.stances().stream().map(s -> stance(s, sources)).toList());
            List<Cell> positions = new ArrayList<>();
            List<Cell> signatures = new ArrayList<>();
            for (PositionRow p : org.positions()) {
                if (p.date() != null && !asOf.reached(p.date())) {
                    continue; // taken after the day asked
                }
                (p.signature() ? signatures : positions).add(position(p, sources));
            }
            table.put("positions", id, positions);
            table.put("signatures", id, signatures);
            table.put("issued", id, issued(org.issued(), asOf, sources));
            table.put(
                    "incidents",
                    id,
                    org.incidents().stream().map(i -> incident(i, sources)).toList());
            if (org.fmti() != null) {
                table.put(
                        "fmti",
                        id,
                        List.of(new Cell(
                                TemplateExtensions.display(org.fmti().score()) + " / 100",
                                "upstream "
                                        + TemplateExtensions.display(org.fmti().upstream()) + ", model "
                                        + TemplateExtensions.display(org.fmti().model()) + ", downstream "
                                        + TemplateExtensions.display(org.fmti().downstream()),
                                null,
                                null,
                                sources.cite(org.sources(), "fmti"))));
            }
            List<Cell> reach = new ArrayList<>();
            for (DirectReach d : org.direct()) {
                String tierId = d.tier().id();
                reach.add(new Cell(
                        Cells.words(d.status()) + " " + d.tier().name() + inRegulation(d.regulation())
                                + days.suffix(tierId),
                        d.reason() + days.sentence(tierId),
                        d.tier(),
                        null,
                        sources.cite(d.sources())));
            }
            for (ReachViaModels v : org.viaModels()) {
                if (v.status() != Status.IN) {
                    continue;
                }
                String tierId = v.tier().id();
                reach.add(new Cell(
                        v.count() + " of its models fall under " + v.tier().name() + inRegulation(v.regulation())
                                + days.suffix(tierId),
                        "e.g. " + String.join(", ", v.examples()) + "." + days.sentence(tierId),
                        v.tier(),
                        null,
                        List.of()));
            }
            table.put("reach", id, reach);
        }
        List<EntityRef> columns =
                fetched.rows().stream().map(OrganisationRow::ref).toList();
        Selection.check(ids, columns, "an organisation");
        return new Comparison(
                "organisations",
                "Organisations side by side",
                columns,
                table.rows(),
                "Not recorded",
                Map.of(),
                List.of(
                        "Rules reach an organisation directly (a rule on organisations, e.g. SB 53's large frontier developer) "
                                + "or through its models; 'unknown' means a fact the rule needs is missing from the data.",
                        TierDays.note(asOf)
                                + " The newest model is the newest released by that day; positions and signatures dated"
                                + " after it are left out."));
    }

    private static String inRegulation(EntityRef regulation) {
        return regulation == null ? "" : " (" + regulation.name() + ")";
    }

    private static Cell stance(StanceRow s, Sources sources) {
        return new Cell(
                s.ref().name(),
                (s.position() == null ? "" : s.position() + "; ")
                        + (s.assertedBy().isEmpty() ? "" : "asserted by " + String.join(", ", s.assertedBy())),
                s.ref(),
                null,
                sources.cite(s.sources()));
    }

    private static Cell position(PositionRow p, Sources sources) {
        String verb = switch (p.type()) {
            case ENDORSED -> "Endorsed ";
            case OPPOSED -> "Opposed ";
            case SIGNED -> "Signed ";
            default -> "Declined to sign ";
        };
        List<String> detail = new ArrayList<>();
        if (p.date() != null) {
            detail.add("on " + p.date());
        }
        if (p.scope() != null) {
            detail.add("scope: " + p.scope());
        }
        if (p.role() != null) {
            detail.add("as " + p.role());
        }
        return new Cell(
                verb + p.regulation().name(),
                detail.isEmpty() ? null : String.join("; ", detail),
                p.regulation(),
                null,
                sources.cite(p.sources()));
    }

    private static Cell incident(IncidentRow i, Sources sources) {
        String role = i.role() == RelType.ALLEGED_DEVELOPER ? "developer" : "deployer";
        var latest = i.latest();
        return new Cell(
                "Alleged " + role + " in " + i.count() + " incident" + (i.count() == 1 ? "" : "s")
                        + " (AI Incident Database)",
                latest == null
                        ? null
                        : "latest: " + latest.ref().name() + (latest.date() == null ? "" : " (" + latest.date() + ")"),
                latest == null ? null : latest.ref(),
                null,
                latest == null ? List.of() : sources.cite(latest.sources()));
    }

    /**
     * The instruments an organisation issued (a lab's frontier safety framework, a regulator's rules), newest first,
     * leaving out those adopted after the day asked; at most {@link #MAX_ISSUED}, then how many more.
     */
    private static List<Cell> issued(List<IssuedRow> issued, AsOf asOf, Sources sources) {
        List<Cell> out = new ArrayList<>();
        int more = 0;
        for (IssuedRow reg : issued) {
            if (reg.adopted() != null && !asOf.reached(reg.adopted())) {
                continue;
            }
            if (out.size() == MAX_ISSUED) {
                more++;
                continue;
            }
            List<String> detail = new ArrayList<>();
            if (reg.instrumentType() != null) {
                detail.add(reg.instrumentType().replace('-', ' '));
            }
            if (reg.adopted() != null) {
                detail.add("adopted " + reg.adopted());
            }
            out.add(new Cell(
                    reg.regulation().name(),
                    detail.isEmpty() ? null : String.join("; ", detail),
                    reg.regulation(),
                    null,
                    sources.cite(reg.sources())));
        }
        if (more > 0) {
            out.add(new Cell("and " + more + " more", null, null, null, List.of()));
        }
        return out;
    }
}
