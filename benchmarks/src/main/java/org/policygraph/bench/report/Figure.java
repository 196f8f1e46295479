package org.policygraph.bench.report;

import java.util.Locale;

/**
 * One measured figure and the baseline measured in the same run on the same data.
 *
 * @param section       what it belongs to: ingest, export, pages, start
 * @param name          what was measured
 * @param value         the figure
 * @param unit          its unit
 * @param baseline      what it is compared with
 * @param baselineValue the baseline's figure, in the same unit
 * @param ratio         value / baseline (for throughputs higher is better; for latencies lower is)
 * @param target        the target, or null
 * @param met           whether the target is met (null without a target)
 * @param missedBy      by how much a target is missed, empty when met or without a target
 * @param note          what limits the figure, and anything a reader needs to judge it
 */
public record Figure(
        String section,
        String name,
        double value,
        String unit,
        String baseline,
        Double baselineValue,
        Double ratio,
        String target,
        Boolean met,
        String missedBy,
        String note) {

    /** A figure with a baseline and a target that applies to the figure itself. */
    public static Figure of(
            String section,
            String name,
            double value,
            String unit,
            String baseline,
            Double baselineValue,
            Target target,
            double targetValue,
            String note) {
        Double ratio = baselineValue == null || baselineValue == 0 ? null : value / baselineValue;
        return new Figure(
                section,
                name,
                value,
                unit,
                baseline,
                baselineValue,
                ratio,
                target == null ? null : target.text(),
                target == null ? null : target.met(targetValue),
                target == null ? "" : target.missedBy(targetValue),
                note);
    }

    /** A number as the report writes it: three significant digits, thousands separated. */
    public static String format(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return String.valueOf(v);
        }
        double a = Math.abs(v);
        if (a >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (a >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
