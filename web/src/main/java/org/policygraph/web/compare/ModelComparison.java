package org.policygraph.web.compare;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.policygraph.model.Kind;
import org.policygraph.model.applicability.Applicability;
import org.policygraph.model.applicability.Status;
import org.policygraph.model.applicability.TierRule;
import org.policygraph.model.applicability.Verdict;
import org.policygraph.web.asof.AsOf;
import org.policygraph.web.asof.PointInTimeService;
import org.policygraph.web.compare.CompareRows.ModelRow;
import org.policygraph.web.ref.Citation;
import org.policygraph.web.ref.EntityRef;

/**
 * Models side by side: developer, release, size, compute, access, openness, and for each tier with a rule on models
 * whether the model falls under it (re-run at a what-if compute threshold when one is given), as of a day.
 */
@ApplicationScoped
public class ModelComparison {

    /** The essay's labs' flagship models. */
    static final List<String> DEFAULTS = List.of(
            "gpt-4", "claude-3-5-sonnet", "llama-3-1-405b", "gemini-1-0-ultra", "mistral-large-2", "deepseek-v3");

    private final CompareRepository repository;
    private final PointInTimeService pointInTime;

    ModelComparison(CompareRepository repository, PointInTimeService pointInTime) {
        this.repository = repository;
        this.pointInTime = pointInTime;
    }

    Comparison compare(List<String> ids, List<String> thresholdParams) {
        return compare(ids, thresholdParams, AsOf.now());
    }

    /**
     * Models side by side as they stood on a day: each tier a model falls under says whether it applied that day
     * (the RAISE Act's frontier-model tier, for one, from 2027-01-01), and a model released after the day says so.
     */
    Comparison compare(List<String> ids, List<String> thresholdParams, AsOf asOf) {
        TierDays days = new TierDays(pointInTime, asOf);
        List<TierRule> rules = repository.rules();
        Map<String, Double> whatIf = Thresholds.parse(thresholdParams, rules);
        List<TierRule> modelRules = rules.stream().filter(TierRule::forModels).toList();
        CompareRepository.Fetched<ModelRow> fetched = repository.models(ids);
        Map<String, List<EntityRef>> obligations =
                repository.obligations(modelRules.stream().map(TierRule::tierId).toList());
        Sources sources = fetched.sources()
                .with(repository.titles(modelRules.stream()
                        .filter(r -> r.source() != null)
                        .map(r -> r.source().source())
                        .toList()));
        Table table = new Table()
                .row("developer", "Developer")
                .row("released", "Released")
                .row("parameters", "Parameters")
                .row("compute", "Training compute")
                .row("accessibility", "Accessibility")
                .row("openness", "Openness (OSAI index)");
        modelRules.forEach(r -> table.row("tier:" + r.tierId(), heading(r, whatIf)));
        for (ModelRow model : fetched.rows()) {
            String id = model.ref().id();
            List<Citation> epoch = sources.cite(model.sources(), "epoch");
            table.put("developer", id, Cells.refs(model.developers()));
            table.put(
                    "released",
                    id,
                    Cells.value(
                            model.released(),
                            model.released() == null || asOf.reached(model.released())
                                    ? null
                                    : "not yet released on " + asOf.text(),
                            epoch));
            table.put("parameters", id, Cells.value(model.parameters(), null, epoch));
            table.put(
                    "compute",
                    id,
                    Cells.value(
                            model.compute() == null ? null : Applicability.flop(model.compute()),
                            model.computeConfidence() == null ? null : "Epoch confidence: " + model.computeConfidence(),
                            epoch));
            table.put("accessibility", id, Cells.value(model.accessibility(), null, epoch));
            if (model.openness() != null) {
                table.put(
                        "openness",
                        id,
                        List.of(new Cell(
                                model.openness().open() + " open, "
                                        + model.openness().partial() + " partial, "
                                        + model.openness().closed() + " closed",
                                "European Open Source AI Index ratings",
                                null,
                                null,
                                sources.cite(model.sources(), "osai"))));
            }
            for (TierRule rule : modelRules) {
                table.put(
                        "tier:" + rule.tierId(), id, List.of(verdict(model, rule, whatIf, obligations, days, sources)));
            }
        }
        List<EntityRef> columns = fetched.rows().stream().map(ModelRow::ref).toList();
        Selection.check(ids, columns, "a model");
        List<String> notes = new ArrayList<>(List.of(
                "Training compute is Epoch AI's estimate; a model without one is "
                        + "'unknown', never 'no'. The rules compare with 'greater than', as the EU AI Act Art. 51(2) and SB 53 "
                        + "22757.11(i) do.",
                TierDays.note(asOf)));
        if (!whatIf.isEmpty()) {
            notes.add("What-if thresholds: "
                    + String.join(
                            ", ",
                            whatIf.entrySet().stream()
                                    .map(e -> e.getKey() + " at " + Applicability.flop(e.getValue()))
                                    .toList())
                    + ".");
        }
        return new Comparison("models", "Models side by side", columns, table.rows(), "Not recorded", whatIf, notes);
    }

    /** A tier's row heading: the regulation, the tier and its threshold (the what-if one when tried). */
    private static String heading(TierRule r, Map<String, Double> whatIf) {
        return (r.regulationName() == null ? "" : r.regulationName() + ": ")
                + r.tierName()
                + (r.computeThreshold() == null
                        ? ""
                        : " (threshold "
                                + Applicability.flop(whatIf.getOrDefault(r.tierId(), r.computeThreshold()))
                                + (whatIf.containsKey(r.tierId()) ? ", what-if" : "") + ")");
    }

    /** Whether a model falls under a tier, moved in or out by a what-if threshold, with the obligations it brings. */
    private static Cell verdict(
            ModelRow model,
            TierRule rule,
            Map<String, Double> whatIf,
            Map<String, List<EntityRef>> obligations,
            TierDays days,
            Sources sources) {
        Verdict stated = Applicability.model(rule, model.facts());
        Verdict verdict = whatIf.containsKey(rule.tierId())
                ? Applicability.model(rule.withComputeThreshold(whatIf.get(rule.tierId())), model.facts())
                : stated;
        String move = verdict.status() == stated.status()
                ? ""
                : verdict.status() == Status.IN
                        ? " (would move in)"
                        : stated.status() == Status.IN ? " (would move out)" : "";
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
        return new Cell(
                Cells.words(verdict.status()) + move + (reaches ? days.suffix(rule.tierId()) : ""),
                verdict.reason() + applies + (reaches ? days.sentence(rule.tierId()) : ""),
                new EntityRef(rule.tierId(), Kind.RISK_TIER, rule.tierName()),
                null,
                sources.cite(verdict.sources()));
    }
}
