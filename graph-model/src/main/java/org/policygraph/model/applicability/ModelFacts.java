package org.policygraph.model.applicability;

import java.util.List;
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

    public ModelFacts {
        domains = domains == null ? List.of() : List.copyOf(domains);
    }
}
