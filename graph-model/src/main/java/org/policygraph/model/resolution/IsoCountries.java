package org.policygraph.model.resolution;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Every country of ISO 3166-1, from the Java runtime's own table ({@link Locale#getISOCountries()}, with the
 * English names of the Unicode CLDR that the runtime ships): the fallback for a country name that
 * {@code resolution/countries.yaml} does not list, so that a dataset naming any country loads ("Viet Nam",
 * "Mexico", "Portugal"). A name matches a country's English name, its alpha-2 or alpha-3 code, or, for names in
 * the ISO style that Epoch AI uses, the name without its parenthesised or comma-set qualifier ("Bolivia
 * (Plurinational State of)", "Moldova, Republic of"), compared {@linkplain Names#fold folded}. Names matching
 * several countries ("Korea") match none. Ids are the alpha-2 code in lower case, except {@code uk} for GB, as
 * everywhere in PolicyGraph. No jurisdiction_type is asserted: the table does not say which entries are
 * territories.
 */
final class IsoCountries {

    private static final Pattern QUALIFIER = Pattern.compile("\\s*(\\([^)]*\\)|,.*)$");

    private static final Map<String, Country> BY_FOLD = build();

    private IsoCountries() {}

    /** The ISO 3166-1 country a name stands for. */
    static Optional<Country> find(String name) {
        Country c = BY_FOLD.get(Names.fold(name));
        if (c == null) {
            String bare = QUALIFIER.matcher(name.strip()).replaceAll("");
            if (!bare.isEmpty() && !bare.equals(name.strip())) {
                c = BY_FOLD.get(Names.fold(bare));
            }
        }
        return Optional.ofNullable(c);
    }

    /** Every country, by its jurisdiction id. */
    static Map<String, Country> byId() {
        Map<String, Country> out = new HashMap<>();
        BY_FOLD.values().forEach(c -> out.putIfAbsent(c.id(), c));
        return Collections.unmodifiableMap(out);
    }

    private static Map<String, Country> build() {
        Map<String, Country> byFold = new HashMap<>();
        Map<String, Integer> claims = new HashMap<>();
        List<Country> all = new ArrayList<>();
        for (String code : Locale.getISOCountries()) {
            Locale locale = new Locale("", code);
            String name = locale.getDisplayCountry(Locale.ENGLISH);
            if (name == null || name.isBlank() || name.equals(code)) {
                continue;
            }
            String alpha3;
            try {
                alpha3 = locale.getISO3Country();
            } catch (java.util.MissingResourceException e) {
                alpha3 = "";
            }
            String id = code.equals("GB") ? "uk" : code.toLowerCase(Locale.ROOT);
            all.add(new Country(id, name, code, null, List.of()));
            for (String spelling : List.of(name, code, alpha3)) {
                if (!spelling.isEmpty()) {
                    claims.merge(Names.fold(spelling), 1, Integer::sum);
                }
            }
        }
        for (Country c : all) {
            Locale locale = new Locale("", c.isoCode());
            String alpha3;
            try {
                alpha3 = locale.getISO3Country();
            } catch (java.util.MissingResourceException e) {
                alpha3 = "";
            }
            for (String spelling : List.of(c.name(), c.isoCode(), alpha3)) {
                String key = Names.fold(spelling);
                if (!key.isEmpty() && claims.get(key) == 1) {
                    byFold.putIfAbsent(key, c);
                }
            }
        }
        return byFold;
    }
}
