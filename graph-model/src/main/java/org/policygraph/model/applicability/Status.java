package org.policygraph.model.applicability;

/** Whether a model or organisation falls under a tier. Missing data gives {@link #UNKNOWN}, never a silent no. */
public enum Status {
    /** The data meets the rule: e.g. training compute above the threshold. */
    IN("falls under"),
    /** The data points to it but a fact the rule needs is not recorded (e.g. whether a service is public). */
    LIKELY("likely falls under"),
    /** A fact the rule needs is missing (no compute estimate, no revenue figure). */
    UNKNOWN("unknown"),
    /** The data says it does not meet the rule. */
    OUT("does not fall under");

    private final String words;

    Status(String words) {
        this.words = words;
    }

    /** The status in words, e.g. "falls under". */
    public String words() {
        return words;
    }

    /** The value stored on {@code FALLS_UNDER}: {@code in}, {@code likely}, {@code unknown}. */
    public String key() {
        return name().toLowerCase();
    }
}
