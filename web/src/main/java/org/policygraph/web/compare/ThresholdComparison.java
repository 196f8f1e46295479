package org.policygraph.web.compare;

import io.quarkus.qute.TemplateGlobal;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.policygraph.model.Kind;
import org.policygraph.model.applicability.Applicability;
import org.policygraph.model.applicability.ModelFacts;
import org.policygraph.model.applicability.Status;
import org.policygraph.model.applicability.TierRule;
import org.policygraph.model.applicability.Verdict;
import org.policygraph.web.ref.EntityRef;
import org.policygraph.web.system.WebException;

/** Who would move in or out of a model tier at another compute threshold, across every model in the graph. */
@ApplicationScoped
public class ThresholdComparison {

    /**
     * The EU AI Act's tier of general-purpose AI models with systemic risk (Article 51): the what-if page's default
     * tier and the pages' example of a compute threshold (in templates, {@code systemicRiskTier}).
     */
    @TemplateGlobal(name = "systemicRiskTier")
    public static final String DEFAULT_TIER = "eu-ai-act-gpai-systemic-risk";

    private final CompareRepository repository;

    ThresholdComparison(CompareRepository repository) {
        this.repository = repository;
    }

    /** The tier's models at the threshold tried ({@code threshold} FLOP, the law's when blank) and who would move. */
    WhatIf whatIf(String tierId, String threshold) {
        List<TierRule> rules = repository.rules();
        List<String> tiers = rules.stream()
                .filter(r -> r.forModels() && r.computeThreshold() != null)
                .map(TierRule::tierId)
                .toList();
        TierRule rule = rules.stream()
                .filter(r -> r.tierId().equals(tierId) && r.forModels() && r.computeThreshold() != null)
                .findFirst()
                .orElseThrow(() -> WebException.badRequest("'" + tierId + "' is not a model tier with a compute "
                        + "threshold; those are " + String.join(", ", tiers) + "."));
        Double value = threshold == null || threshold.isBlank()
                ? rule.computeThreshold()
                : Thresholds.parse(List.of(tierId + ":" + threshold), rules).get(tierId);
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
        Comparator<WhatIf.Entry> byCompute = Comparator.comparing(
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
                tiers);
    }
}
