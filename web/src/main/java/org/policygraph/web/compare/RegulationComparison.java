package org.policygraph.web.compare;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.policygraph.model.Kind;
import org.policygraph.model.applicability.Applicability;
import org.policygraph.web.asof.AsOf;
import org.policygraph.web.asof.DatesRepository;
import org.policygraph.web.asof.Statement;
import org.policygraph.web.compare.CompareRows.ObligationRow;
import org.policygraph.web.compare.CompareRows.RegulationRow;
import org.policygraph.web.compare.CompareRows.TierRow;
import org.policygraph.web.ref.Citation;
import org.policygraph.web.ref.EntityRef;

/**
 * Regulations side by side: their obligations by category (with the provision that imposes each), their tiers'
 * thresholds and risk levels, and their key dates as they stood on a day.
 */
@ApplicationScoped
public class RegulationComparison {

    /** The essay's three jurisdictions' main rules. */
    static final List<String> DEFAULTS = List.of("eu-ai-act", "ca-sb-53", "cn-generative-ai-measures");

    private final CompareRepository repository;
    private final DatesRepository datesRepository;

    RegulationComparison(CompareRepository repository, DatesRepository dates) {
        this.repository = repository;
        this.datesRepository = dates;
    }

    Comparison compare(List<String> ids) {
        return compare(ids, AsOf.now());
    }

    /**
     * Regulations side by side as they stood on a day: the key dates are the statements in force that day (a date an
     * amendment replaced by then is shown as superseded, never as current; one an amendment set only later is left
     * out), and, for parts of a regulation without dated statements, their applies_from.
     */
    Comparison compare(List<String> ids, AsOf asOf) {
        CompareRepository.Fetched<RegulationRow> fetched = repository.regulations(ids);
        Sources sources = fetched.sources();
        Table table = new Table();
        Categories.ROWS.forEach(r -> table.row(r.key(), r.heading()));
        Map<String, List<Cell>> other = new LinkedHashMap<>();
        for (RegulationRow reg : fetched.rows()) {
            String id = reg.ref().id();
            List<Cell> dates = new ArrayList<>();
            for (ObligationRow ob : reg.obligations()) {
                Cell cell = obligationCell(ob, sources);
                String rowKey = Categories.rowOf(ob.category());
                if (rowKey.equals(Categories.OTHER)) {
                    other.computeIfAbsent(id, k -> new ArrayList<>()).add(cell);
                } else {
                    table.add(rowKey, id, cell);
                }
            }
            for (TierRow tier : reg.tiers()) {
                List<Citation> cites = sources.cite(tier.sources());
                List<String> thresholds = thresholds(tier);
                if (!thresholds.isEmpty()) {
                    table.add(
                            Categories.SCOPE,
                            id,
                            new Cell(tier.ref().name(), String.join("; ", thresholds), tier.ref(), null, cites));
                }
                String level = tier.level() == null ? null : "level " + tier.level();
                table.add(Categories.RISK, id, new Cell(tier.ref().name(), level, tier.ref(), null, cites));
                if (tier.appliesFrom() != null) {
                    dates.add(new Cell(
                            tier.appliesFrom() + ": " + tier.ref().name() + " applies", null, tier.ref(), null, cites));
                }
            }
            List<Citation> regCites = sources.cite(reg.sources());
            if (reg.adopted() != null) {
                dates.add(new Cell(reg.adopted() + ": adopted", null, reg.ref(), null, regCites));
            }
            if (reg.inForce() != null) {
                dates.add(new Cell(reg.inForce() + ": in force", null, reg.ref(), null, regCites));
            }
            for (ObligationRow ob : reg.obligations()) {
                if (ob.appliesFrom() != null) {
                    Cell c = obligationCell(ob, sources);
                    dates.add(new Cell(
                            ob.appliesFrom() + ": " + c.text() + " applies",
                            null,
                            c.ref(),
                            c.provision(),
                            c.sources()));
                }
            }
            dates = datesAsOf(id, dates, asOf);
            dates.sort((a, b) -> a.text().compareTo(b.text()));
            table.put(Categories.DATES, id, dates);
        }
        List<EntityRef> columns =
                fetched.rows().stream().map(RegulationRow::ref).toList();
        Selection.check(ids, columns, "a regulation");
        List<Comparison.ComparisonRow> rows = table.rows();
        if (!other.isEmpty()) {
            rows.add(new Comparison.ComparisonRow(Categories.OTHER, "Other obligations", other));
        }
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

    /** A tier's thresholds and scope in words. */
    private static List<String> thresholds(TierRow tier) {
        List<String> out = new ArrayList<>();
        if (tier.computeThreshold() != null) {
            out.add("training compute more than " + Applicability.flop(tier.computeThreshold()));
        }
        if (tier.revenueThreshold() != null) {
            out.add("annual revenue more than " + String.format(Locale.ROOT, "$%,.0f", tier.revenueThreshold()));
        }
        if (tier.userThreshold() != null) {
            out.add("more than " + String.format(Locale.ROOT, "%,.0f", tier.userThreshold())
                    + " monthly visitors or users");
        }
        if (tier.scopeJurisdiction() != null) {
            out.add("services offered to the public in "
                    + tier.scopeJurisdiction().toUpperCase(Locale.ROOT));
        }
        return out;
    }

    /** An obligation's entry: its name, for whom, the deadline, recipient and penalty, and the provision. */
    private static Cell obligationCell(ObligationRow ob, Sources sources) {
        List<String> detail = new ArrayList<>();
        if (ob.role() != null) {
            detail.add("for " + ob.role());
        }
        if (ob.deadline() != null) {
            detail.add("deadline: " + ob.deadline());
        }
        if (ob.recipient() != null) {
            detail.add("to: " + ob.recipient());
        }
        if (ob.penalty() != null) {
            detail.add("penalty: " + ob.penalty());
        }
        return new Cell(
                ob.ref().name(),
                detail.isEmpty() ? null : String.join("; ", detail),
                ob.ref(),
                ob.provision(),
                sources.cite(ob.sources()));
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
        Set<String> dated = new HashSet<>();
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
}
