package org.policygraph.ingest.read.epoch;

import static org.policygraph.ingest.read.epoch.EpochColumns.ACCESSIBILITY;
import static org.policygraph.ingest.read.epoch.EpochColumns.CONFIDENCE;
import static org.policygraph.ingest.read.epoch.EpochColumns.COUNTRY;
import static org.policygraph.ingest.read.epoch.EpochColumns.DOMAIN;
import static org.policygraph.ingest.read.epoch.EpochColumns.LINK;
import static org.policygraph.ingest.read.epoch.EpochColumns.MODEL;
import static org.policygraph.ingest.read.epoch.EpochColumns.ORGANISATION;
import static org.policygraph.ingest.read.epoch.EpochColumns.ORGANISATION_CATEGORY;
import static org.policygraph.ingest.read.epoch.EpochColumns.PARAMETERS;
import static org.policygraph.ingest.read.epoch.EpochColumns.PUBLICATION_DATE;
import static org.policygraph.ingest.read.epoch.EpochColumns.TRAINING_COMPUTE;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.policygraph.ingest.read.DataFile;
import org.policygraph.ingest.read.DataText;
import org.policygraph.ingest.read.FileReader;
import org.policygraph.ingest.read.GraphBatch;
import org.policygraph.ingest.read.csv.CsvTable;
import org.policygraph.ingest.read.csv.CsvTable.Column;
import org.policygraph.ingest.read.csv.CsvTable.Row;
import org.policygraph.ingest.read.resolution.Resolution;
import org.policygraph.model.Ids;
import org.policygraph.model.Kind;
import org.policygraph.model.NodeRecord;
import org.policygraph.model.Origin;
import org.policygraph.model.PropertyType;
import org.policygraph.model.RelType;
import org.policygraph.model.RelationshipRecord;
import org.policygraph.model.SourceRef;
import org.policygraph.model.resolution.Country;
import org.policygraph.model.resolution.Organisation;

/**
 * Reads Epoch AI's "Notable AI Models" CSV ({@code epoch/*.csv}), one model a row, mapping columns by header name
 * ({@link EpochColumns}; older releases' names are accepted). Everything read cites the source
 * {@value #SOURCE} with the model's own identity ({@code model "GPT-4"}, not its row number), so that a re-ordered
 * copy of the file gives exactly the same graph.
 *
 * <ul>
 *   <li>Each row contributes a Model: id = the slug of its name, with released, parameters,
 *       training_compute_flop, compute_confidence, accessibility, domain and url (the first web address of the
 *       Link cell). When names of several rows give the same slug ("DeepLabV3" and "DeepLabV3+"), those rows get
 *       longer ids from their identity, the same whatever their order: "+" spelt "plus" (deeplabv3,
 *       deeplabv3-plus); if still alike, the first organisation's id appended; if still alike, the publication
 *       date. Rows alike in name, organisation and date are one model listed twice: an error naming both
 *       lines. A model whose id would be an organisation's ("Baichuan") gets "-model" appended: ids are unique
 *       across kinds.</li>
 *   <li>The Organization cell holds one or more names, comma-joined; each resolves through
 *       {@code resolution/organisations.yaml} and contributes an Organisation (once, citing the row naming it whose model id
 *       sorts first) and a DEVELOPS relationship to the model.</li>
 *   <li>Countries: the country cell is comma-joined too, but it is not one country per organisation (Epoch lists
 *       two for Google DeepMind, US and UK), so a country is paired with an organisation only in rows whose
 *       organisation and country lists are equally long, and an organisation gets HEADQUARTERED_IN only when every
 *       such pairing in the file gives it the same country. The same rule gives org_type from the
 *       categorization column (Industry: company, Academia: academic, Government: government). A country name
 *       resolves through {@code resolution/countries.yaml}, else through the complete ISO 3166-1 table of the
 *       Java runtime (CLDR's English names, the codes, ISO-style names such as "Viet Nam"); a name neither
 *       knows is an error.</li>
 * </ul>
 *
 * <p>A column the reader does not know is logged as a warning; a strict reader refuses the file instead.
 */
public final class EpochReader implements FileReader {

    /** The data folder this reader reads. */
    public static final String FOLDER = "epoch";

    /** The id of the Source record the facts cite. */
    public static final String SOURCE = "epoch-ai-models";

    private static final Logger LOG = Logger.getLogger(EpochReader.class);

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private static final Map<String, String> ORG_TYPES = Map.of(
            "industry", "company",
            "academia", "academic",
            "government", "government");

    private final Resolution resolution;
    private final boolean strict;

    /** A reader that logs unknown columns as warnings. */
    public EpochReader(Resolution resolution) {
        this(resolution, false);
    }

    /**
     * A reader.
     *
     * @param resolution the organisation and country tables
     * @param strict     refuse a file with a column the reader does not know, instead of logging a warning
     */
    public EpochReader(Resolution resolution, boolean strict) {
        this.resolution = resolution;
        this.strict = strict;
    }

    @Override
    public boolean accepts(DataFile file) {
        return FOLDER.equals(file.folder()) && file.path().endsWith(".csv");
    }

    @Override
    public void read(DataFile file, GraphBatch batch) {
        if (!resolution.usable(batch)) {
            return;
        }
        String text = DataText.utf8(file, batch).orElse(null);
        if (text == null) {
            return;
        }
        CsvTable table = CsvTable.read(
                        file.path(),
                        text,
                        EpochColumns.ALL,
                        strict ? CsvTable.UnknownColumns.REFUSE : CsvTable.UnknownColumns.WARN,
                        batch)
                .orElse(null);
        if (table == null) {
            return;
        }
        for (EpochColumns.Used used : EpochColumns.USED) {
            if (!table.has(used.column())) {
                LOG.warnf(
                        "%s has no column '%s'; its models get no %s",
                        file.path(), used.column().name(), used.gives());
            }
        }
        // a curated record citing Epoch (by a release's row) is not cited again by model name
        batch.citedOnce(SOURCE);
        new FileRead(table, batch).run();
    }

    /** The reading of one file: its rows, the ids given, and what the rows say about organisations. */
    private final class FileRead {
        private final CsvTable table;
        private final GraphBatch batch;
        private final Map<String, FirstSeen> organisations = new LinkedHashMap<>();
        private final Map<String, Evidence> countries = new LinkedHashMap<>();
        private final Map<String, Evidence> categories = new LinkedHashMap<>();
        private final Set<String> unknownCategories = new HashSet<>();
        // entries by identity: a row's record equality would hash every cell
        private final Map<Entry, Integer> depth = new IdentityHashMap<>();
        private final Map<Entry, Cited> locators = new IdentityHashMap<>();

        FileRead(CsvTable table, GraphBatch batch) {
            this.table = table;
            this.batch = batch;
        }

        void run() {
            List<Entry> entries = new ArrayList<>();
            for (Row row : table.rows()) {
                String name = table.get(row, MODEL);
                if (name == null) {
                    batch.error(table.error(row, MODEL, "is empty; every model needs a name"));
                    continue;
                }
                String id = Ids.slug(name);
                if (id.isEmpty()) {
                    batch.error(table.error(row, MODEL, "'" + name + "' has no letters or digits to make an id of"));
                    continue;
                }
                entries.add(new Entry(row, name, id, developers(row), table.get(row, PUBLICATION_DATE)));
            }
            Map<Entry, String> ids = assignIds(entries);
            // the kind is part of a model's identity: a model named like an organisation ("Baichuan") is not it
            Set<String> organisationIds = new HashSet<>();
            resolution.organisations().organisations().forEach(o -> organisationIds.add(o.id()));
            entries.forEach(e ->
                    e.developers().forEach(n -> n.organisations().forEach(o -> organisationIds.add(o.id()))));
            for (Entry entry : entries) {
                String id = ids.get(entry);
                if (id != null && organisationIds.contains(id)) {
                    id = id + "-model";
                    ids.put(entry, id);
                }
                if (id != null) {
                    locators.put(entry, new Cited(id, locator(entry, depth.getOrDefault(entry, 0))));
                }
            }
            for (Entry entry : entries) {
                Cited cited = locators.get(entry);
                if (cited != null) {
                    readModel(entry, cited);
                }
            }
            contributeOrganisations();
        }

        /** The organisations of a row's Organization cell, each spelling with what it resolves to. */
        private List<Named> developers(Row row) {
            List<Named> out = new ArrayList<>();
            for (String spelling : organisationNames(table.get(row, ORGANISATION))) {
                try {
                    out.add(new Named(spelling, resolution.organisations().resolve(spelling)));
                } catch (IllegalArgumentException e) {
                    batch.error(table.error(row, ORGANISATION, e.getMessage()));
                    out.add(new Named(spelling, List.of()));
                }
            }
            return out;
        }

        /**
         * Gives each entry an id from its own identity, whatever the order of the rows: the slug of its name; where
         * several names give one slug, the slug with "+" spelt "plus"; where still alike, the first organisation's
         * id appended; then the publication date. Entries alike in all of these are one record listed twice: an
         * error naming both lines, and no id.
         */
        private Map<Entry, String> assignIds(List<Entry> entries) {
            Map<String, List<Entry>> bySlug = new TreeMap<>();
            for (Entry entry : entries) {
                bySlug.computeIfAbsent(entry.slug(), k -> new ArrayList<>()).add(entry);
            }
            Set<String> reserved = new HashSet<>(bySlug.keySet());
            Set<String> assigned = new HashSet<>();
            Map<Entry, String> ids = new IdentityHashMap<>();
            for (Map.Entry<String, List<Entry>> group : bySlug.entrySet()) {
                if (group.getValue().size() == 1) {
                    ids.put(group.getValue().get(0), group.getKey());
                    assigned.add(group.getKey());
                }
            }
            for (Map.Entry<String, List<Entry>> group : bySlug.entrySet()) {
                if (group.getValue().size() > 1) {
                    List<Entry> sorted = new ArrayList<>(group.getValue());
                    sorted.sort(Comparator.comparingInt(e -> e.row().line()));
                    assign(group.getKey(), sorted, 0, reserved, assigned, ids);
                    LOG.infof(
                            "%s: rows %s have names with the same slug '%s'; their ids are %s",
                            table.file(),
                            sorted.stream()
                                    .map(e -> String.valueOf(e.row().number()))
                                    .toList(),
                            group.getKey(),
                            sorted.stream().map(ids::get).toList());
                }
            }
            return ids;
        }

        private void assign(
                String slug,
                List<Entry> group,
                int tier,
                Set<String> reserved,
                Set<String> assigned,
                Map<Entry, String> ids) {
            if (tier == IDENTITY.size()) {
                Entry first = group.get(0);
                if (group.size() == 1) {
                    batch.error(table.error(
                            first.row(),
                            MODEL,
                            "gets no id of its own: every id made of its name, " + "organisation and date ("
                                    + describe(first) + ") is another model's"));
                }
                for (Entry repeat : group.subList(1, group.size())) {
                    batch.error(table.error(
                            repeat.row(),
                            MODEL,
                            "repeats the model of line " + first.row().line()
                                    + " (row " + first.row().number()
                                    + "): the same name, organisation and publication "
                                    + "date (" + describe(first) + "); list each model once"));
                }
                return;
            }
            Map<String, List<Entry>> byCandidate = new TreeMap<>();
            for (Entry entry : group) {
                byCandidate
                        .computeIfAbsent(IDENTITY.get(tier).apply(entry), k -> new ArrayList<>())
                        .add(entry);
            }
            for (Map.Entry<String, List<Entry>> sub : byCandidate.entrySet()) {
                String candidate = sub.getKey();
                boolean free =
                        !assigned.contains(candidate) && (candidate.equals(slug) || !reserved.contains(candidate));
                if (sub.getValue().size() == 1 && free) {
                    ids.put(sub.getValue().get(0), candidate);
                    depth.put(sub.getValue().get(0), tier);
                    assigned.add(candidate);
                } else {
                    assign(slug, sub.getValue(), tier + 1, reserved, assigned, ids);
                }
            }
        }

        /**
         * Where an entry is in Epoch's file, by its own identity rather than its row, so that a re-ordered file
         * cites the same places: {@code model "GPT-4"}, with the organisation and the date where the name alone
         * does not tell the entry apart ({@code model "Twin" (Google, 2021-02-03)}).
         */
        private String locator(Entry entry, int tier) {
            StringBuilder sb =
                    new StringBuilder("model \"").append(entry.name()).append('"');
            List<String> parts = new ArrayList<>();
            if (tier >= 1 && !entry.developers().isEmpty()) {
                parts.add(entry.developers().get(0).spelling());
            }
            if (tier >= 2) {
                parts.add(entry.date() == null ? "no date" : entry.date());
            }
            if (!parts.isEmpty()) {
                sb.append(" (").append(String.join(", ", parts)).append(')');
            }
            return sb.toString();
        }

        private String describe(Entry entry) {
            return "\"" + entry.name() + "\", "
                    + (entry.developers().isEmpty()
                            ? "no organisation"
                            : entry.developers().stream().map(Named::spelling).collect(Collectors.joining(", ")))
                    + ", " + (entry.date() == null ? "no date" : entry.date());
        }

        private void readModel(Entry entry, Cited cited) {
            Row row = entry.row();
            String id = cited.id();
            Map<String, Object> properties = new LinkedHashMap<>();
            String date = table.get(row, PUBLICATION_DATE);
            if (date != null) {
                try {
                    properties.put("released", PropertyType.DATE.coerce(date));
                } catch (IllegalArgumentException e) {
                    batch.error(table.error(row, PUBLICATION_DATE, e.getMessage()));
                }
            }
            putNumber(properties, "parameters", row, PARAMETERS);
            putNumber(properties, "training_compute_flop", row, TRAINING_COMPUTE);
            putText(properties, "compute_confidence", table.get(row, CONFIDENCE));
            putText(properties, "accessibility", table.get(row, ACCESSIBILITY));
            putText(properties, "domain", String.join(", ", split(table.get(row, DOMAIN))));
            putText(properties, "url", link(table.get(row, LINK)));
            Origin origin = new Origin(table.file(), row.line());
            batch.contribute(new NodeRecord(
                    Kind.MODEL,
                    id,
                    entry.name(),
                    List.of(),
                    null,
                    properties,
                    List.of(new SourceRef(SOURCE, cited.locator(), null)),
                    origin));

            SourceRef byOrganisation =
                    new SourceRef(SOURCE, cited.locator() + ", column " + table.header(ORGANISATION), null);
            Set<String> developers = new LinkedHashSet<>();
            for (Named named : entry.developers()) {
                for (Organisation organisation : named.organisations()) {
                    organisations.merge(
                            organisation.id(),
                            new FirstSeen(organisation, entry, cited),
                            (a, b) -> a.cited().id().compareTo(b.cited().id()) <= 0 ? a : b);
                    if (developers.add(organisation.id())) {
                        batch.contribute(new RelationshipRecord(
                                RelType.DEVELOPS, organisation.id(), id, Map.of(), List.of(byOrganisation), origin));
                    }
                }
            }
            pair(entry, cited, COUNTRY, countries, this::countryKey);
            pair(entry, cited, ORGANISATION_CATEGORY, categories, this::categoryKey);
        }

        /**
         * Pairs the n-th organisation of a row with the n-th value of another comma-joined column, when both lists
         * are equally long and the organisation's name stands for one organisation.
         */
        private void pair(
                Entry entry,
                Cited cited,
                Column column,
                Map<String, Evidence> evidence,
                BiFunction<Row, String, String> key) {
            Row row = entry.row();
            List<String> values = split(table.get(row, column));
            List<String> keys = new ArrayList<>();
            for (String value : values) {
                keys.add(key.apply(row, value));
            }
            if (values.size() != entry.developers().size()) {
                return;
            }
            for (int i = 0; i < values.size(); i++) {
                List<Organisation> organisations = entry.developers().get(i).organisations();
                if (organisations.size() == 1 && keys.get(i) != null) {
                    evidence.computeIfAbsent(organisations.get(0).id(), k -> new Evidence())
                            .add(keys.get(i), cited);
                }
            }
        }

        /** A country name's jurisdiction id; "" for a name of no single country; null (and an error) if unknown. */
        private String countryKey(Row row, String name) {
            Country country = resolution.countries().findAny(name).orElse(null);
            if (country != null) {
                return country.id();
            }
            if (resolution.countries().isNotACountry(name)) {
                return "";
            }
            batch.error(table.error(
                    row,
                    COUNTRY,
                    "'" + name + "' is neither a country listed in "
                            + "resolution/countries.yaml nor a name of an ISO 3166-1 country; add it there (or to "
                            + "not_countries if it names no single country)"));
            return null;
        }

        private String categoryKey(Row row, String category) {
            String type = ORG_TYPES.get(category.toLowerCase(Locale.ROOT));
            if (type == null && unknownCategories.add(category)) {
                LOG.debugf(
                        "%s: organisation category '%s' (first in row %d) gives no org_type",
                        table.file(), category, row.number());
            }
            return type == null ? "" : type;
        }

        private void contributeOrganisations() {
            // each country's node cites the first (by model id) of the rows that headquarter an organisation in it
            Map<String, Cited> countryCited = new TreeMap<>();
            for (FirstSeen seen : organisations.values()) {
                Evidence country = countries.get(seen.organisation().id());
                String countryId = country == null ? null : country.agreed();
                if (countryId != null && !countryId.isEmpty()) {
                    countryCited.merge(countryId, country.first(), (a, b) -> a.id().compareTo(b.id()) <= 0 ? a : b);
                }
            }
            Set<String> jurisdictions = new HashSet<>();
            for (FirstSeen seen : organisations.values()) {
                Organisation organisation = seen.organisation();
                Map<String, Object> properties = new LinkedHashMap<>();
                Evidence category = categories.get(organisation.id());
                if (category != null
                        && category.agreed() != null
                        && !category.agreed().isEmpty()) {
                    properties.put("org_type", category.agreed());
                }
                Origin origin = new Origin(table.file(), seen.entry().row().line());
                batch.contribute(new NodeRecord(
                        Kind.ORGANISATION,
                        organisation.id(),
                        organisation.name(),
                        organisation.aliases(),
                        null,
                        properties,
                        List.of(new SourceRef(
                                SOURCE, seen.cited().locator() + ", column " + table.header(ORGANISATION), null)),
                        origin));

                Evidence country = countries.get(organisation.id());
                String countryId = country == null ? null : country.agreed();
                if (countryId == null || countryId.isEmpty()) {
                    continue;
                }
                Country c = resolution.countries().byId(countryId).orElseThrow();
                Cited first = country.first();
                int others = country.size() - 1;
                SourceRef ref = new SourceRef(
                        SOURCE,
                        first.locator()
                                + (others == 0 ? "" : " and " + others + (others == 1 ? " other row" : " other rows"))
                                + ", columns " + table.header(ORGANISATION) + " and " + table.header(COUNTRY),
                        null);
                Origin at = new Origin(table.file(), seen.entry().row().line());
                if (jurisdictions.add(c.id())) {
                    Map<String, Object> jurisdiction = new LinkedHashMap<>();
                    putText(jurisdiction, "jurisdiction_type", c.jurisdictionType());
                    putText(jurisdiction, "iso_code", c.isoCode());
                    batch.contribute(new NodeRecord(
                            Kind.JURISDICTION,
                            c.id(),
                            c.name(),
                            c.aliases(),
                            null,
                            jurisdiction,
                            List.of(new SourceRef(
                                    SOURCE,
                                    countryCited.get(c.id()).locator() + ", column " + table.header(COUNTRY),
                                    null)),
                            at));
                }
                batch.contribute(new RelationshipRecord(
                        RelType.HEADQUARTERED_IN, organisation.id(), c.id(), Map.of(), List.of(ref), at));
            }
        }

        private void putNumber(Map<String, Object> properties, String property, Row row, Column column) {
            String value = table.get(row, column);
            if (value == null) {
                return;
            }
            if (!NUMBER.matcher(value).matches()) {
                batch.error(table.error(
                        row,
                        column,
                        "must be a number, written plain (1500000) or in e-notation " + "(1.326e+24), but is \""
                                + shorten(value) + "\""));
                return;
            }
            double number = Double.parseDouble(value);
            if (number < 0 || !Double.isFinite(number)) {
                batch.error(table.error(row, column, "must not be negative, but is " + value));
                return;
            }
            properties.put(property, number);
        }
    }

    /** A row's model: its name, the slug of the name, its developers and its publication date (or null). */
    private record Entry(Row row, String name, String slug, List<Named> developers, String date) {
        String firstOrganisationId() {
            return developers.stream()
                    .flatMap(n -> n.organisations().stream())
                    .map(Organisation::id)
                    .findFirst()
                    .orElse("unknown");
        }
    }

    /** The parts of a model's identity, each tried in turn when names give the same slug. */
    private static final List<Function<Entry, String>> IDENTITY = List.of(
            e -> Ids.slug(e.name().replace("+", " plus ")),
            e -> Ids.slug(e.name().replace("+", " plus ")) + "-" + e.firstOrganisationId(),
            e -> Ids.slug(e.name().replace("+", " plus ")) + "-" + e.firstOrganisationId() + "-"
                    + (e.date() == null ? "undated" : Ids.slug(e.date())));

    /** A model's id and the locator that cites its row. */
    private record Cited(String id, String locator) {}

    /** A name as written in a cell and the organisations it stands for. */
    private record Named(String spelling, List<Organisation> organisations) {}

    /** An organisation and the row naming it that its node cites (the one whose model id sorts first). */
    private record FirstSeen(Organisation organisation, Entry entry, Cited cited) {}

    /** The values rows pair with one organisation: agreed when there is exactly one. */
    private static final class Evidence {
        private final Set<String> values = new LinkedHashSet<>();
        private final Set<Cited> rows = new HashSet<>();
        private Cited first;

        void add(String value, Cited row) {
            values.add(value);
            rows.add(row);
            if (first == null || row.id().compareTo(first.id()) < 0) {
                first = row;
            }
        }

        String agreed() {
            return values.size() == 1 ? values.iterator().next() : null;
        }

        /** The row whose model id sorts first. */
        Cited first() {
            return first;
        }

        /** How many rows. */
        int size() {
            return rows.size();
        }
    }

    /** The parts of a comma-joined cell, stripped, without empty ones. */
    static List<String> split(String cell) {
        if (cell == null) {
            return List.of();
        }
        return Arrays.stream(cell.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static final Pattern LEGAL_FORM =
            Pattern.compile("(?i)(inc|incorporated|corp|corporation|co|ltd|" + "limited|llc|plc|gmbh|ag|s\\.?a)\\.?");

    /**
     * The organisation names of an Organization cell: its comma-joined parts, except that a part that is only a
     * legal form ("OpenAI, Inc.") belongs to the name before it.
     */
    static List<String> organisationNames(String cell) {
        List<String> out = new ArrayList<>();
        for (String part : split(cell)) {
            if (!out.isEmpty() && LEGAL_FORM.matcher(part).matches()) {
                out.set(out.size() - 1, out.get(out.size() - 1) + ", " + part);
            } else {
                out.add(part);
            }
        }
        return out;
    }

    /** The first web address of a Link cell (it may hold several, one a line), or null. */
    static String link(String cell) {
        if (cell == null) {
            return null;
        }
        String first = cell.strip().split("\\s+")[0];
        return first.startsWith("http://") || first.startsWith("https://") ? first : null;
    }

    private static void putText(Map<String, Object> properties, String property, String value) {
        if (value != null && !value.isBlank()) {
            properties.put(property, value);
        }
    }

    private static String shorten(String value) {
        return value.length() > 60 ? value.substring(0, 57) + "..." : value;
    }
}
