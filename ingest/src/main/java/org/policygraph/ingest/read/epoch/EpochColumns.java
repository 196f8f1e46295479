package org.policygraph.ingest.read.epoch;

import java.util.List;
import org.policygraph.ingest.read.csv.CsvTable.Column;

/**
 * The columns of Epoch AI's model files, by header name: the current name first, then the names older releases
 * used ("System" before "Model", "Country (from Organization)" before "Country (of organization)"). Columns the
 * reader does not read are listed too, so that a column Epoch adds can be told from one it has always had.
 */
final class EpochColumns {

    static final Column MODEL = Column.required("Model", "System");
    static final Column ORGANISATION = Column.required("Organization", "Organization(s)", "Organisation");
    static final Column PUBLICATION_DATE = Column.optional("Publication date");
    static final Column DOMAIN = Column.optional("Domain");
    static final Column PARAMETERS = Column.optional("Parameters");
    static final Column TRAINING_COMPUTE = Column.optional("Training compute (FLOP)");
    static final Column CONFIDENCE = Column.optional("Confidence");
    static final Column LINK = Column.optional("Link");
    static final Column ORGANISATION_CATEGORY =
            Column.optional("Organization categorization", "Organization categorization (from Organization)");
    static final Column COUNTRY = Column.optional("Country (of organization)", "Country (from Organization)");
    static final Column ACCESSIBILITY = Column.optional("Model accessibility");

    /** The optional columns the reader reads, with the property (or fact) each gives. */
    static final List<Used> USED = List.of(
            new Used(PUBLICATION_DATE, "released"),
            new Used(DOMAIN, "domain"),
            new Used(PARAMETERS, "parameters"),
            new Used(TRAINING_COMPUTE, "training_compute_flop"),
            new Used(CONFIDENCE, "compute_confidence"),
            new Used(LINK, "url"),
            new Used(ACCESSIBILITY, "accessibility"),
            new Used(ORGANISATION_CATEGORY, "organisation org_type"),
            new Used(COUNTRY, "HEADQUARTERED_IN"));

    /** An optional column the reader reads, and what it gives. */
    record Used(Column column, String gives) {}

    /** Every known column: read or not. */
    static final List<Column> ALL = List.of(
            MODEL,
            ORGANISATION,
            PUBLICATION_DATE,
            DOMAIN,
            PARAMETERS,
            TRAINING_COMPUTE,
            CONFIDENCE,
            LINK,
            ORGANISATION_CATEGORY,
            COUNTRY,
            ACCESSIBILITY,
            // known, not read
            Column.optional("Task"),
            Column.optional("Parameters notes"),
            Column.optional("Training compute notes"),
            Column.optional("Training dataset"),
            Column.optional("Training dataset notes"),
            Column.optional(
                    "Training dataset size (gradients)",
                    "Training dataset size (datapoints)",
                    "Training dataset size (total)"),
            Column.optional("Dataset size notes"),
            Column.optional("Reference"),
            Column.optional("Citations"),
            Column.optional("Authors"),
            Column.optional("Abstract"),
            Column.optional("Notability criteria"),
            Column.optional("Notability criteria notes"),
            Column.optional("Epochs"),
            Column.optional("Training time (hours)"),
            Column.optional("Training time notes"),
            Column.optional("Training hardware"),
            Column.optional("Hardware quantity"),
            Column.optional("Hardware utilization (MFU)", "Hardware utilization"),
            Column.optional("Hardware utilization (HFU)"),
            Column.optional("Training compute cost (2023 USD)", "Training compute cost (2020 USD)"),
            Column.optional("Compute cost notes"),
            Column.optional("Training compute cost (cloud)"),
            Column.optional("Training compute cost (upfront)"),
            Column.optional("Hardware acquisition cost"),
            Column.optional("Training power draw (W)"),
            Column.optional("Base model"),
            Column.optional("Finetune compute (FLOP)"),
            Column.optional("Finetune compute notes"),
            Column.optional("Batch size"),
            Column.optional("Batch size notes"),
            Column.optional("Training code accessibility"),
            Column.optional("Inference code accessibility"),
            Column.optional("Accessibility notes"),
            Column.optional("Numerical format"),
            Column.optional("Frontier model"));

    private EpochColumns() {}
}
