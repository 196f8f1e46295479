package org.policygraph.web.compare;

import java.util.List;
import java.util.Set;

/** The rows of the regulation comparison: obligation categories as a journalist asks about them. */
final class Categories {

    /** A row: its key, heading, and the obligation categories (from the data) it gathers. */
    record Row(String key, String heading, Set<String> categories) {}

    static final String SCOPE = "scope";
    static final String RISK = "risk-classification";
    static final String DATES = "key-dates";
    /** The row of obligations whose category no row claims; shown last, only when there are some. */
    static final String OTHER = "other";

    static final List<Row> ROWS = List.of(
            new Row(SCOPE, "Scope and thresholds", Set.of("scope")),
            new Row(RISK, "Risk classification", Set.of("risk-classification", "prohibition")),
            new Row("transparency", "Transparency to users", Set.of("transparency")),
            new Row("labelling", "Labelling of AI-generated content", Set.of("labelling")),
            new Row("incident-reporting", "Incident reporting (deadline, recipient)", Set.of("incident-reporting")),
            new Row(
                    "safety",
                    "Safety framework or risk management",
                    Set.of("safety-framework", "risk-management", "evaluation", "security")),
            new Row(
                    "training-data",
                    "Training data and copyright",
                    Set.of("training-data", "copyright", "data-governance")),
            new Row("registration", "Registration or filing with a regulator", Set.of("registration")),
            new Row("whistleblower", "Whistleblower protection", Set.of("whistleblower")),
            new Row("content-values", "Content or values requirements", Set.of("content-values")),
            new Row("oversight", "Documentation and human oversight", Set.of("documentation", "human-oversight")),
            new Row("penalties", "Penalties", Set.of("penalties")),
            new Row(DATES, "Key dates", Set.of()));

    private Categories() {}

    /** The row an obligation category belongs to, or the last "other" bucket when none claims it. */
    static String rowOf(String category) {
        for (Row row : ROWS) {
            if (row.categories().contains(category)) {
                return row.key();
            }
        }
        return OTHER;
    }
}
