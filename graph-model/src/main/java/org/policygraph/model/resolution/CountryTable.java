package org.policygraph.model.resolution;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The country resolution table ({@code resolution/countries.yaml}): country names as the datasets spell them,
 * resolved to jurisdiction ids, and the values of a country column that name no single country
 * ({@code not_countries}, such as "Multinational").
 */
public final class CountryTable {

    /** The file, relative to the data folder. */
    public static final String FILE = "resolution/countries.yaml";

    /** The jurisdiction types a country entry may give (those of DATA-FORMAT.md). */
    static final Set<String> TYPES = Set.of("supranational", "country", "state", "province", "region");

    private static final List<String> SECTIONS = List.of("countries", "not_countries");
    private static final List<String> FIELDS = List.of("id", "name", "iso_code", "jurisdiction_type", "aliases");

    private final List<Country> countries;
    private final List<String> notCountries;
    private final Map<String, Country> byFold = new HashMap<>();
    private final Set<String> notCountryFolds = new HashSet<>();

    private CountryTable(List<Country> countries, List<String> notCountries) {
        this.countries = List.copyOf(countries);
        this.notCountries = List.copyOf(notCountries);
        for (Country c : countries) {
            NamedEntries.index(byFold, c, c.name(), c.aliases());
        }
        notCountries.forEach(n -> notCountryFolds.add(Names.fold(n)));
    }

    /** A table with no entries: no country name resolves. */
    public static CountryTable empty() {
        return new CountryTable(List.of(), List.of());
    }

    /** Reads the table; problems go to {@code problems}. */
    public static CountryTable parse(String file, String text, Problems problems) {
        Map<String, List<YamlSections.Item>> sections = YamlSections.read(file, text, SECTIONS, problems);
        NamedEntries entries = new NamedEntries(file, problems);
        List<Country> countries = new ArrayList<>();
        for (YamlSections.Item item : sections.getOrDefault("countries", List.of())) {
            NamedEntries.Entry entry = entries.read(
                    item, FIELDS, ": the ISO 3166-1 alpha-2 code in lower case, like fr", "list each country once");
            if (entry == null) {
                continue;
            }
            String iso = YamlSections.text(file, item, "iso_code", problems, entry.id());
            String type = item.node().has("jurisdiction_type")
                    ? YamlSections.text(file, item, "jurisdiction_type", problems, entry.id())
                    : "country";
            if (type != null && !TYPES.contains(type)) {
                problems.add(
                        file,
                        item.line(),
                        entry.id(),
                        "jurisdiction_type",
                        "'" + type + "' is not a jurisdiction type; allowed: country, region, state, province, "
                                + "supranational, or null to assert none");
            }
            countries.add(new Country(entry.id(), entry.name(), iso, type, entry.aliases()));
        }
        List<String> notCountries =
                entries
                        .names(sections.getOrDefault("not_countries", List.of()), "not_countries", "not a country")
                        .stream()
                        .map(NamedEntries.Name::name)
                        .toList();
        return new CountryTable(countries, notCountries);
    }

    /** The country a name stands for, if the table lists it. */
    public Optional<Country> find(String name) {
        return Optional.ofNullable(byFold.get(Names.fold(name)));
    }

    /**
     * The country a dataset's country column names: as {@link #find}, else from the complete ISO 3166-1 table
     * ({@link IsoCountries}), so that a country this table does not list still resolves. A country the table lists
     * is always the table's entry (its id, name, aliases and type win).
     */
    public Optional<Country> findAny(String name) {
        Optional<Country> listed = find(name);
        if (listed.isPresent()) {
            return listed;
        }
        Optional<Country> iso = IsoCountries.find(name);
        return iso.map(c -> byId(c.id()).orElse(c));
    }

    /** The country of a jurisdiction id: the table's entry, else the ISO 3166-1 country of that id. */
    public Optional<Country> byId(String id) {
        for (Country c : countries) {
            if (c.id().equals(id)) {
                return Optional.of(c);
            }
        }
        return Optional.ofNullable(IsoCountries.byId().get(id));
    }

    /** Whether the name is listed as naming no single country. */
    public boolean isNotACountry(String name) {
        return notCountryFolds.contains(Names.fold(name));
    }

    /** The countries listed, in file order. */
    public List<Country> countries() {
        return countries;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CountryTable t && t.countries.equals(countries) && t.notCountries.equals(notCountries);
    }

    @Override
    public int hashCode() {
        return Objects.hash(countries, notCountries);
    }

    @Override
    public String toString() {
        return "CountryTable[" + countries.size() + " countries]";
    }
}
