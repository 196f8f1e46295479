package org.policygraph.web.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The part of a matching node's text that shows why it matched, cut around the first word found and split into
 * plain and marked segments (so templates escape the text and only the marks are markup).
 */
public record Snippet(String field, List<Segment> segments) {

    /** A run of text, marked when it is one of the words searched for. */
    public record Segment(String text, boolean mark) {}

    private static final int WINDOW = 90;

    /**
     * Finds the first field (in the order given) holding one of the words, and cuts a window around it.
     *
     * @param words  the words searched for, lower case
     * @param fields field name and text pairs, in order of preference
     * @return the snippet, or null when no field holds any word (a typo match)
     */
    static Snippet of(List<String> words, List<String[]> fields) {
        for (String[] field : fields) {
            String text = field[1];
            if (text == null || text.isBlank()) {
                continue;
            }
            String lower = text.toLowerCase(Locale.ROOT);
            int first = -1;
            for (String w : words) {
                int at = lower.indexOf(w);
                if (at >= 0 && (first < 0 || at < first)) {
                    first = at;
                }
            }
            if (first < 0) {
                continue;
            }
            int start = Math.max(0, first - WINDOW);
            int end = Math.min(text.length(), first + WINDOW * 2);
            while (start > 0 && !Character.isWhitespace(text.charAt(start - 1))) {
                start--;
            }
            while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
                end++;
            }
            return new Snippet(
                    field[0],
                    mark(
                            (start > 0 ? "…" : "") + text.substring(start, end) + (end < text.length() ? "…" : ""),
                            words));
        }
        return null;
    }

    static List<Segment> mark(String text, List<String> words) {
        List<Segment> out = new ArrayList<>();
        String lower = text.toLowerCase(Locale.ROOT);
        int pos = 0;
        while (pos < text.length()) {
            int best = -1;
            int bestLen = 0;
            for (String w : words) {
                int at = lower.indexOf(w, pos);
                if (at >= 0 && (best < 0 || at < best || (at == best && w.length() > bestLen))) {
                    best = at;
                    bestLen = w.length();
                }
            }
            if (best < 0) {
                out.add(new Segment(text.substring(pos), false));
                break;
            }
            if (best > pos) {
                out.add(new Segment(text.substring(pos, best), false));
            }
            out.add(new Segment(text.substring(best, best + bestLen), true));
            pos = best + bestLen;
        }
        return out;
    }
}
