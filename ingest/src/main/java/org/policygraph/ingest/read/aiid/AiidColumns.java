package org.policygraph.ingest.read.aiid;

import java.util.List;
import org.policygraph.ingest.read.csv.CsvTable.Column;

/** The columns of AIID's snapshot files, by header name. */
final class AiidColumns {

    private AiidColumns() {}

    // incidents.csv
    static final Column OBJECT_ID = Column.optional("_id");
    static final Column INCIDENT_ID = Column.required("incident_id");
    static final Column DATE = Column.required("date");
    static final Column REPORTS = Column.optional("reports");
    static final Column DEPLOYER = Column.required("Alleged deployer of AI system");
    static final Column DEVELOPER = Column.required("Alleged developer of AI system");
    static final Column HARMED = Column.required("Alleged harmed or nearly harmed parties");
    static final Column DESCRIPTION = Column.optional("description");
    static final Column TITLE = Column.required("title");

    static final List<Column> INCIDENTS = List.of(
            OBJECT_ID,
            INCIDENT_ID,
            DATE,
            REPORTS,
            DEPLOYER,
            DEVELOPER,
            HARMED,
            DESCRIPTION,
            TITLE,
            // known, not read
            Column.optional("editor_notes"),
            Column.optional("epoch_date_modified"),
            Column.optional("editors"),
            Column.optional("nlp_similar_incidents"),
            Column.optional("editor_similar_incidents"),
            Column.optional("editor_dissimilar_incidents"),
            Column.optional("flagged_dissimilar_incidents"),
            Column.optional("tsne"),
            Column.optional("embedding"),
            Column.optional("implicated_systems"));

    // classifications_MIT.csv
    static final Column NAMESPACE = Column.optional("Namespace");
    static final Column CLASSIFIED_INCIDENT = Column.required("Incident ID");
    static final Column PUBLISHED = Column.optional("Published");
    static final Column RISK_DOMAIN = Column.required("Risk Domain");
    static final Column RISK_SUBDOMAIN = Column.optional("Risk Subdomain");
    static final Column ENTITY = Column.optional("Entity");
    static final Column TIMING = Column.optional("Timing");
    static final Column INTENT = Column.optional("Intent");

    static final List<Column> CLASSIFICATIONS =
            List.of(NAMESPACE, CLASSIFIED_INCIDENT, PUBLISHED, RISK_DOMAIN, RISK_SUBDOMAIN, ENTITY, TIMING, INTENT);

    // duplicates.csv
    static final Column DUPLICATE = Column.required("duplicate_incident_number");
    static final Column TRUE_INCIDENT = Column.required("true_incident_number");

    static final List<Column> DUPLICATES = List.of(DUPLICATE, TRUE_INCIDENT);
}
