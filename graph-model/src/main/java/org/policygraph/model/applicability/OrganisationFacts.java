package org.policygraph.model.applicability;

import java.util.List;
import org.policygraph.model.SourceRef;

/**
 * What the graph knows about an organisation that rules can use.
 *
 * @param id            the organisation's id
 * @param name          its name
 * @param headquarters  the jurisdiction ids it is headquartered in
 * @param revenue       annual revenue in USD, or null when not recorded
 * @param revenueSource where the revenue figure comes from, or null
 * @param models        the models it develops
 * @param monthlyUsers  monthly visitors or users of its generative AI systems, or null when not recorded
 * @param usersSource   where the user count comes from, or null
 */
public record OrganisationFacts(
        String id,
        String name,
        List<String> headquarters,
        Double revenue,
        SourceRef revenueSource,
        List<ModelFacts> models,
        Double monthlyUsers,
        SourceRef usersSource) {

    public OrganisationFacts {
        headquarters = headquarters == null ? List.of() : List.copyOf(headquarters);
        models = models == null ? List.of() : List.copyOf(models);
    }

    /** An organisation without a recorded user count. */
    public OrganisationFacts(
            String id,
            String name,
            List<String> headquarters,
            Double revenue,
            SourceRef revenueSource,
            List<ModelFacts> models) {
        this(id, name, headquarters, revenue, revenueSource, models, null, null);
    }
}
