package org.policygraph.model.resolution;

import java.text.Normalizer;
import java.util.Locale;

/** How names are compared: accents, case, spaces and punctuation ignored, so "Open AI" matches "OpenAI". */
public final class Names {

    private Names() {}

    /** The key two names share when they are spelt alike; empty when the name has no letters or digits. */
    public static String fold(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "");
    }
}
