package org.policygraph.web.incidents;

import java.util.List;

/**
 * What an entity page shows about incidents: an incident's reporting clocks; an organisation's incidents by risk
 * domain and its reporting clocks across them. Empty for other kinds.
 *
 * @param clocks     the incident's clocks, or null
 * @param domains    the organisation's incidents by risk domain (empty when none)
 * @param comparison the organisation's incidents against the obligations, or null
 */
public record IncidentPanel(
        ReportingClocks.IncidentClocks clocks,
        List<IncidentRepository.DomainCount> domains,
        ReportingClocks.Comparison comparison) {

    public static final IncidentPanel NONE = new IncidentPanel(null, List.of(), null);

    /** Whether there is anything to show. */
    public boolean shown() {
        return (clocks != null && !clocks.clocks().isEmpty())
                || !domains.isEmpty()
                || (comparison != null && !comparison.rows().isEmpty());
    }
}
