package org.policygraph.model;

import java.text.Normalizer;
import java.util.Locale;

/** Stable, readable ids: lower-case words joined by dashes, the same in files, URLs, JSON, exports and MERGE keys. */
public final class Ids {

    /** What a valid id looks like. */
    public static final String SLUG = "[a-z0-9]+(-[a-z0-9]+)*";

    private Ids() {}

    /** Whether {@code id} is a valid id. */
    public static boolean isSlug(String id) {
        return id != null && id.length() <= 160 && id.matches(SLUG);
    }

    /**
     * Turns a name into an id: accents dropped, lower case, every run of other characters a single dash.
     * "GPT-4o (May 2024)" becomes {@code gpt-4o-may-2024}.
     */
    public static String slug(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        String slug =
                ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return slug.length() > 160 ? slug.substring(0, 160).replaceAll("-+$", "") : slug;
    }
}
