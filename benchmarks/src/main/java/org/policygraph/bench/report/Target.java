package org.policygraph.bench.report;

import java.util.Locale;

/**
 * A target a figure should meet: at least or at most a value.
 *
 * @param text   the target as the issue states it, e.g. {@code >= 1.0x LOAD CSV} or {@code p99 <= 20 ms}
 * @param limit  the value
 * @param atMost whether the figure must be at most the limit (else at least)
 * @param unit   the limit's unit, for saying by how much it is missed
 */
public record Target(String text, double limit, boolean atMost, String unit) {

    /** The figure must be at least this. */
    public static Target atLeast(String text, double limit, String unit) {
        return new Target(text, limit, false, unit);
    }

    /** The figure must be at most this. */
    public static Target atMost(String text, double limit, String unit) {
        return new Target(text, limit, true, unit);
    }

    public boolean met(double value) {
        return atMost ? value <= limit : value >= limit;
    }

    /** By how much a value misses the target, as a sentence fragment; empty when it is met. */
    public String missedBy(double value) {
        if (met(value)) {
            return "";
        }
        double gap = Math.abs(value - limit);
        return String.format(
                Locale.ROOT,
                "missed by %s %s (%.2fx the target)",
                Figure.format(gap),
                unit,
                limit == 0 ? Double.POSITIVE_INFINITY : value / limit);
    }
}
