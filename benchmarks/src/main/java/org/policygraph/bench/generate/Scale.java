package org.policygraph.bench.generate;

import java.util.Locale;

/**
 * How big a generated graph is, by its number of models; every other kind and relationship type grows in the
 * default data's proportions ({@link Proportions}).
 *
 * @param label  how the scale was asked for: {@code x1}, {@code 10k}, {@code 1m}
 * @param models the number of models
 */
public record Scale(String label, int models) {

    public Scale {
        if (models < 1) {
            throw new IllegalArgumentException("a scale needs at least one model, not " + models);
        }
    }

    /**
     * Reads a scale: {@code 1} or {@code x1} is the default data's size ({@value Proportions#DEFAULT_MODELS} models),
     * {@code x10} ten times that; {@code 10k}, {@code 100k}, {@code 1m} (or a plain number above 100) are model
     * counts.
     */
    public static Scale parse(String text) {
        String s = text.strip().toLowerCase(Locale.ROOT);
        try {
            if (s.startsWith("x") || (s.matches("\\d+") && Integer.parseInt(s) <= 100)) {
                int times = Integer.parseInt(s.startsWith("x") ? s.substring(1) : s);
                return new Scale("x" + times, Proportions.DEFAULT_MODELS * times);
            }
            if (s.endsWith("k")) {
                return new Scale(s, Math.multiplyExact(Integer.parseInt(s.substring(0, s.length() - 1)), 1_000));
            }
            if (s.endsWith("m")) {
                return new Scale(s, Math.multiplyExact(Integer.parseInt(s.substring(0, s.length() - 1)), 1_000_000));
            }
            return new Scale(s, Integer.parseInt(s));
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a scale; write 1 (the default data's size), x10, " + "10k, 100k or 1m", e);
        }
    }

    /** How many times the default data's size this is. */
    public double factor() {
        return (double) models / Proportions.DEFAULT_MODELS;
    }

    /** A count from the default data, scaled, never below {@code min}. */
    public int scaled(int defaultCount, int min) {
        return (int) Math.max(min, Math.round(defaultCount * factor()));
    }

    @Override
    public String toString() {
        return label + " (" + String.format(Locale.ROOT, "%,d", models) + " models)";
    }
}
