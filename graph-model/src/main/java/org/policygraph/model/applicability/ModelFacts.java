package org.policygraph.model.applicability;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.policygraph.model.Provenance;
import org.policygraph.model.SourceRef;

/**
 * What the graph knows about a model that rules can use.
 *
 * @param id            the model's id
 * @param name          its name
 * @param compute       training compute in FLOP, or null when no estimate is recorded
 * @param confidence    the estimate's confidence as the dataset states it, or null
 * @param domains       its domains (e.g. Language, Vision)
 * @param computeSource where the compute figure comes from, or null
 */
public record ModelFacts(
        String id, String name, Double compute, String confidence, List<String> domains, SourceRef computeSource) {

    /** The properties of a model that rules use, one map projection {@code m} per row. */
    public static final String PROJECTION =
            "m {.id, .name, .training_compute_flop, .compute_confidence, .domain, .sources, .locators, .quotes}";

    /** Every model's facts, one row per model with the column {@code m} ({@link #PROJECTION}). */
    public static final String QUERY = "MATCH (m:Model) RETURN " + PROJECTION + " AS m";

    /** The dataset whose row is a model's compute figure, preferred as the compute's source. */
    public static final String COMPUTE_DATASET = "epoch-ai-models";

    public ModelFacts {
        domains = domains == null ? List.of() : List.copyOf(domains);
    }

    /**
     * A model's facts from its properties ({@code id}, {@code name}, {@code training_compute_flop},
     * {@code compute_confidence}, {@code domain} as a comma-separated list, and its provenance lists).
     */
    public static ModelFacts of(Map<String, Object> m) {
        String domain = (String) m.get("domain");
        List<String> domains = domain == null
                ? List.of()
                : Arrays.stream(domain.split(","))
                        .map(String::strip)
                        .filter(d -> !d.isEmpty())
                        .toList();
        List<SourceRef> refs = Provenance.read(m);
        SourceRef computeSource = refs.stream()
                .filter(s -> s.source().equals(COMPUTE_DATASET))
                .findFirst()
                .orElse(refs.isEmpty() ? null : refs.get(0));
        return new ModelFacts(
                (String) m.get("id"),
                (String) m.get("name"),
                TierRules.number(m.get("training_compute_flop")),
                (String) m.get("compute_confidence"),
                domains,
                computeSource);
    }
}
