package org.policygraph.model.resolution;

import java.util.List;

/**
 * A country (or other jurisdiction) a country name resolves to.
 *
 * @param id               its jurisdiction id: the ISO 3166-1 alpha-2 code in lower case ({@code uk} for the UK)
 * @param name             its display name
 * @param isoCode          its ISO 3166-1 alpha-2 code
 * @param jurisdictionType {@code country}, or what else it is ({@code region}), or null to assert nothing
 * @param aliases          the other names it is known by
 */
public record Country(String id, String name, String isoCode, String jurisdictionType, List<String> aliases) {

    public Country {
        aliases = List.copyOf(aliases);
    }
}
