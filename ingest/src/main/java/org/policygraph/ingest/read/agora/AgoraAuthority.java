package org.policygraph.ingest.read.agora;

import java.util.Locale;
import java.util.Optional;
import org.policygraph.ingest.read.resolution.Resolution;
import org.policygraph.ingest.read.resolution.UsStateTable;
import org.policygraph.model.Ids;
import org.policygraph.model.resolution.Country;

/**
 * One row of AGORA's {@code authorities.csv} (Name, Jurisdiction, Parent authority) and what PolicyGraph makes of
 * it: what kind of body it is, the organisation that issues its documents (if it names one) and the jurisdiction
 * they apply in (if it names one). AGORA's {@code Jurisdiction} column is coarse ("United States", "Other
 * countries"), so the detail comes from the name and the parent: a child of "State governments" is a US state, a
 * child of "Local governments" is a city or county ("San Jose, CA"), "Government of Canada" is Canada.
 *
 * @param name         the authority's name as AGORA spells it
 * @param jurisdiction AGORA's jurisdiction column, or null
 * @param parent       the parent authority, or null
 * @param row          its row in authorities.csv (1-based, the header not counted)
 * @param line         the line it is on
 */
record AgoraAuthority(String name, String jurisdiction, String parent, int row, int line) {

    /** What kind of body an authority is; says the instrument type, the organisation and the jurisdiction. */
    enum Type {
        /** the United States Congress */
        CONGRESS,
        /** a US state (child of "State governments") */
        STATE,
        /** a US city or county (child of "Local governments") */
        LOCAL,
        /** a federal agency (child of "Federal government") */
        FEDERAL_AGENCY,
        /** the Executive Office of the President, or "Federal government" itself */
        FEDERAL_EXECUTIVE,
        /** "State governments" or "Local governments": a class of bodies, no one organisation */
        CLASS,
        /** "Private-sector companies" */
        COMPANIES,
        /** the European Union */
        EU,
        /** the UN, the OECD, "Other multinational" */
        MULTINATIONAL,
        /** Chinese central, provincial and local governments */
        CHINA,
        /** "Government of X" under "Other countries" */
        OTHER_COUNTRY,
        /** "Other authorities" and anything else */
        OTHER
    }

    Type type() {
        String p = parent == null ? "" : parent;
        String j = jurisdiction == null ? "" : jurisdiction;
        if (name.equals("United States Congress")) {
            return Type.CONGRESS;
        }
        if (p.equals("State governments")) {
            return Type.STATE;
        }
        if (p.equals("Local governments")) {
            return Type.LOCAL;
        }
        if (name.equals("Executive Office of the President") || name.equals("Federal government")) {
            return Type.FEDERAL_EXECUTIVE;
        }
        if (p.equals("Federal government")) {
            return Type.FEDERAL_AGENCY;
        }
        if (name.equals("State governments") || name.equals("Local governments")) {
            return Type.CLASS;
        }
        if (name.equals("Private-sector companies")) {
            return Type.COMPANIES;
        }
        if (name.equals("European Union")) {
            return Type.EU;
        }
        if (j.equals("Multinational")) {
            return Type.MULTINATIONAL;
        }
        if (j.equals("China")) {
            return Type.CHINA;
        }
        if (j.equals("Other countries")) {
            return Type.OTHER_COUNTRY;
        }
        return Type.OTHER;
    }

    /** The organisation's name and org_type, or empty when the authority names no one body. */
    Optional<String[]> organisation() {
        return switch (type()) {
            case CONGRESS -> Optional.of(new String[] {name, "legislature"});
            case STATE -> Optional.of(new String[] {name + " state government", "government"});
            case LOCAL -> Optional.of(new String[] {name + " local government", "government"});
            case FEDERAL_AGENCY -> Optional.of(new String[] {name, "agency"});
            case FEDERAL_EXECUTIVE ->
                Optional.of(new String[] {
                    name.equals("Federal government") ? "United States federal government" : name, "government"
                });
            case EU, CHINA, OTHER_COUNTRY -> Optional.of(new String[] {name, "government"});
            case MULTINATIONAL ->
                name.equals("Other multinational") ? Optional.empty() : Optional.of(new String[] {name, "government"});
            case CLASS, COMPANIES, OTHER -> Optional.empty();
        };
    }

    /** Where an authority's documents apply: a jurisdiction id with what the reader knows of it. */
    record Place(String id, String name, String isoCode, String type, String partOf) {}

    /** The jurisdiction of the authority's documents, or empty when it names none (a multinational venue). */
    Optional<Place> place(UsStateTable states, Resolution resolution) {
        String j = jurisdiction == null ? "" : jurisdiction;
        switch (type()) {
            case STATE:
                return states.byName(name).map(AgoraAuthority::statePlace);
            case LOCAL: {
                int comma = name.lastIndexOf(',');
                if (comma < 0) {
                    return Optional.empty();
                }
                String local = name.substring(0, comma).strip();
                Optional<UsStateTable.State> state = states.byPostal(name.substring(comma + 1));
                if (state.isEmpty()) {
                    return Optional.empty();
                }
                String kind = local.toLowerCase(Locale.ROOT).contains("county") ? "county" : "city";
                String id = state.get().id() + "-" + Ids.slug(local);
                String display = name;
                if (state.get().postal().equals("NY") && local.equals("New York")) {
                    id = "us-ny-new-york-city";
                    display = "New York City";
                }
                return Optional.of(
                        new Place(id, display, null, kind, state.get().id()));
            }
            case EU:
                return Optional.of(new Place("eu", "European Union", "EU", "supranational", null));
            case MULTINATIONAL, COMPANIES, OTHER:
                return Optional.empty();
            default:
                break;
        }
        if (j.equals("United States")) {
            return country(resolution, "United States");
        }
        if (j.equals("China")) {
            return country(resolution, "China");
        }
        if (type() == Type.OTHER_COUNTRY) {
            return country(resolution, name.replaceFirst("^Government of (the )?", ""));
        }
        return Optional.empty();
    }

    static Place statePlace(UsStateTable.State s) {
        return new Place(s.id(), s.name(), s.isoCode(), s.jurisdictionType(), "us");
    }

    private static Optional<Place> country(Resolution resolution, String name) {
        Optional<Country> c = resolution.countries().find(name);
        return c.map(country ->
                new Place(country.id(), country.name(), country.isoCode(), country.jurisdictionType(), null));
    }
}
