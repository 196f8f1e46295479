package org.policygraph.web.incidents;

import jakarta.enterprise.context.ApplicationScoped;
import org.policygraph.model.Kind;
import org.policygraph.web.ref.EntityRef;

/** Builds the incident panel of an entity page. */
@ApplicationScoped
public class IncidentPanels {

    private final IncidentRepository repository;
    private final ReportingClocks clocks;

    IncidentPanels(IncidentRepository repository, ReportingClocks clocks) {
        this.repository = repository;
        this.clocks = clocks;
    }

    /** The panel of a node's page. */
    public IncidentPanel of(EntityRef node) {
        if (node.kind() == Kind.INCIDENT) {
            return new IncidentPanel(clocks.forIncident(node.id()), java.util.List.of(), null);
        }
        if (node.kind() == Kind.ORGANISATION) {
            var domains = repository.domainsOf(node.id());
            if (domains.isEmpty()) {
                return IncidentPanel.NONE;
            }
            return new IncidentPanel(null, domains, clocks.forOrganisation(node));
        }
        return IncidentPanel.NONE;
    }
}
