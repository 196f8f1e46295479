package org.policygraph.ingest.read.epoch;

import org.jboss.logging.Logger;
import org.policygraph.ingest.read.DataFile;
import org.policygraph.ingest.read.DataText;
import org.policygraph.ingest.read.FileReader;
import org.policygraph.ingest.read.GraphBatch;
import org.policygraph.ingest.read.csv.CsvTable;
import org.policygraph.ingest.read.csv.CsvTable.Column;
import org.policygraph.ingest.read.csv.CsvTable.Row;
import org.policygraph.ingest.read.resolution.Country;
import org.policygraph.ingest.read.resolution.Organisation;
import org.policygraph.ingest.read.resolution.Resolution;
import org.policygraph.model.Ids;
import org.policygraph.model.Kind;
import org.policygraph.model.NodeRecord;
import org.policygraph.model.Origin;
import org.policygraph.model.PropertyType;
import org.policygraph.model.RelType;
import org.policygraph.model.RelationshipRecord;
import org.policygraph.model.SourceRef;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

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

/**
 * Reads Epoch AI's "Notable AI Models" CSV ({@code epoch/*.csv}), one model a row, mapping columns by header name
 * ({@link EpochColumns}; older releases' names are accepted). Everything read cites the source
 * {@value #SOURCE} with the row ("row 12": the 12th data record, the header not counted).
 *
 * <ul>
 *   <li>Each row contributes a Model: id = the slug of its name, with released, parameters,
 *       training_compute_flop, compute_confidence, accessibility, domain and url (the first web address of the
 *       Link cell). When names of several rows give the same slug ("DeepLabV3" and "DeepLabV3+"), each of those
 *       rows gets a longer id: "+" spelt "plus" (deeplabv3, deeplabv3-plus); if still alike, the first
 *       organisation's id appended; if still alike, "-row-N".</li>
 *   <li>The Organization cell holds one or more names, comma-joined; each resolves through
 *       {@code resolution/organisations.yaml} and contributes an Organisation (once, citing the first row naming
 *       it) and a DEVELOPS relationship to the model.</li>
 *   <li>Countries: the country cell is comma-joined too, but it is not one country per organisation (Epoch lists
 *       two for Google DeepMind, US and UK), so a country is paired with an organisation only in rows whose
 *       organisation and country lists are equally long, and an organisation gets HEADQUARTERED_IN only when every
 *       such pairing in the file gives it the same country. The same rule gives org_type from the
 *       categorization column (Industry: company, Academia: academic, Government: government). A country name
 *       not in {@code resolution/countries.yaml} is an error.</li>
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
        CsvTable table = CsvTable.read(file.path(), text, EpochColumns.ALL,
                strict ? CsvTable.UnknownColumns.REFUSE : CsvTable.UnknownColumns.WARN, batch).orElse(null);
        if (table == null) {
            return;
        }
        for (EpochColumns.Used used : EpochColumns.USED) {
            if (!table.has(used.column())) {
                LOG.warnf("%s has no column '%s'; its models get no %s", file.path(), used.column().name(),
                        used.gives());
            }
        }
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
                entries.add(new Entry(row, name, id, developers(row)));
            }
            Map<Entry, String> ids = assignIds(entries);
            for (Entry entry : entries) {
                readModel(entry, ids.get(entry));
            }
            contributeOrganisations();
        }

        /** The organisations of a row's Organization cell, each spelling with what it resolves to. */
        private List<Named> developers(Row row) {
            List<Named> out = new ArrayList<>();
            for (String spelling : split(table.get(row, ORGANISATION))) {
                try {
                    out.add(new Named(spelling, resolution.organisations().resolve(spelling)));
                } catch (IllegalArgumentException e) {
                    batch.error(table.error(row, ORGANISATION, e.getMessage()));
                    out.add(new Named(spelling, List.of()));
                }
            }
            return out;
        }

        private Map<Entry, String> assignIds(List<Entry> entries) {
            Map<String, List<Entry>> bySlug = entries.stream()
                    .collect(Collectors.groupingBy(Entry::slug, LinkedHashMap::new, Collectors.toList()));
            Set<String> taken = new HashSet<>();
            bySlug.forEach((slug, group) -> {
                if (group.size() == 1) {
                    taken.add(slug);
                }
            });
            Map<Entry, String> ids = new LinkedHashMap<>();
            for (List<Entry> group : bySlug.values()) {
                if (group.size() == 1) {
                    ids.put(group.get(0), group.get(0).slug());
                    continue;
                }
                List<Function<Entry, String>> ways = List.of(
                        e -> Ids.slug(e.name().replace("+", " plus ")),
                        e -> Ids.slug(e.name().replace("+", " plus ")) + "-" + e.firstOrganisationId(),
                        e -> Ids.slug(e.name().replace("+", " plus ")) + "-row-" + e.row().number());
                for (Function<Entry, String> way : ways) {
                    List<String> candidates = group.stream().map(way).toList();
                    if (new HashSet<>(candidates).size() == candidates.size()
                            && candidates.stream().noneMatch(taken::contains)) {
                        for (int i = 0; i < group.size(); i++) {
                            ids.put(group.get(i), candidates.get(i));
                        }
                        taken.addAll(candidates);
                        LOG.infof("%s: rows %s have names with the same slug '%s'; their ids are %s",
                                table.file(), group.stream().map(e -> String.valueOf(e.row().number())).toList(),
                                group.get(0).slug(), candidates);
                        break;
                    }
                }
            }
            return ids;
        }

        private void readModel(Entry entry, String id) {
            Row row = entry.row();
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
            batch.contribute(new NodeRecord(Kind.MODEL, id, entry.name(), List.of(), null, properties,
                    List.of(new SourceRef(SOURCE, "row " + row.number(), null)), origin));

            SourceRef byOrganisation = new SourceRef(SOURCE,
                    "row " + row.number() + ", column " + table.header(ORGANISATION), null);
            Set<String> developers = new LinkedHashSet<>();
            for (Named named : entry.developers()) {
                for (Organisation organisation : named.organisations()) {
                    organisations.putIfAbsent(organisation.id(), new FirstSeen(organisation, row));
                    if (developers.add(organisation.id())) {
                        batch.contribute(new RelationshipRecord(RelType.DEVELOPS, organisation.id(), id, Map.of(),
                                List.of(byOrganisation), origin));
                    }
                }
            }
            pair(entry, row, COUNTRY, countries, this::countryKey);
            pair(entry, row, ORGANISATION_CATEGORY, categories, this::categoryKey);
        }

        /**
         * Pairs the n-th organisation of a row with the n-th value of another comma-joined column, when both lists
         * are equally long and the organisation's name stands for one organisation.
         */
        private void pair(Entry entry, Row row, Column column, Map<String, Evidence> evidence,
                          BiFunction<Row, String, String> key) {
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
                    evidence.computeIfAbsent(organisations.get(0).id(), k -> new Evidence()).add(keys.get(i), row);
                }
            }
        }

        /** A country name's jurisdiction id; "" for a name of no single country; null (and an error) if unknown. */
        private String countryKey(Row row, String name) {
            Country country = resolution.countries().find(name).orElse(null);
            if (country != null) {
                return country.id();
            }
            if (resolution.countries().isNotACountry(name)) {
                return "";
            }
            batch.error(table.error(row, COUNTRY, "'" + name + "' is not a country listed in "
                    + "resolution/countries.yaml; add it there (or to not_countries if it names no single country)"));
            return null;
        }

        private String categoryKey(Row row, String category) {
            String type = ORG_TYPES.get(category.toLowerCase(Locale.ROOT));
            if (type == null && unknownCategories.add(category)) {
                LOG.debugf("%s: organisation category '%s' (first in row %d) gives no org_type", table.file(),
                        category, row.number());
            }
            return type == null ? "" : type;
        }

        private void contributeOrganisations() {
            Set<String> jurisdictions = new HashSet<>();
            for (FirstSeen seen : organisations.values()) {
                Organisation organisation = seen.organisation();
                Map<String, Object> properties = new LinkedHashMap<>();
                Evidence category = categories.get(organisation.id());
                if (category != null && category.agreed() != null && !category.agreed().isEmpty()) {
                    properties.put("org_type", category.agreed());
                }
                Origin origin = new Origin(table.file(), seen.row().line());
                batch.contribute(new NodeRecord(Kind.ORGANISATION, organisation.id(), organisation.name(),
                        organisation.aliases(), null, properties, List.of(new SourceRef(SOURCE,
                        "row " + seen.row().number() + ", column " + table.header(ORGANISATION), null)), origin));

                Evidence country = countries.get(organisation.id());
                String countryId = country == null ? null : country.agreed();
                if (countryId == null || countryId.isEmpty()) {
                    continue;
                }
                Country c = resolution.countries().countries().stream().filter(x -> x.id().equals(countryId))
                        .findFirst().orElseThrow();
                Row first = country.rows().get(0);
                int others = country.rows().size() - 1;
                SourceRef ref = new SourceRef(SOURCE, "row " + first.number()
                        + (others == 0 ? "" : " and " + others + (others == 1 ? " other row" : " other rows"))
                        + ", columns " + table.header(ORGANISATION) + " and " + table.header(COUNTRY), null);
                Origin at = new Origin(table.file(), first.line());
                if (jurisdictions.add(c.id())) {
                    Map<String, Object> jurisdiction = new LinkedHashMap<>();
                    putText(jurisdiction, "jurisdiction_type", c.jurisdictionType());
                    putText(jurisdiction, "iso_code", c.isoCode());
                    batch.contribute(new NodeRecord(Kind.JURISDICTION, c.id(), c.name(), c.aliases(), null,
                            jurisdiction, List.of(new SourceRef(SOURCE, "row " + first.number() + ", column "
                            + table.header(COUNTRY), null)), at));
                }
                batch.contribute(new RelationshipRecord(RelType.HEADQUARTERED_IN, organisation.id(), c.id(),
                        Map.of(), List.of(ref), at));
            }
        }

        private void putNumber(Map<String, Object> properties, String property, Row row, Column column) {
            String value = table.get(row, column);
            if (value == null) {
                return;
            }
            if (!NUMBER.matcher(value).matches()) {
                batch.error(table.error(row, column, "must be a number, written plain (1500000) or in e-notation "
                        + "(1.326e+24), but is \"" + shorten(value) + "\""));
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

    /** A row's model: its name, the slug of the name, and its developers. */
    private record Entry(Row row, String name, String slug, List<Named> developers) {
        String firstOrganisationId() {
            return developers.stream().flatMap(n -> n.organisations().stream()).map(Organisation::id).findFirst()
                    .orElse("unknown");
        }
    }

    /** A name as written in a cell and the organisations it stands for. */
    private record Named(String spelling, List<Organisation> organisations) {
    }

    /** An organisation and the first row naming it. */
    private record FirstSeen(Organisation organisation, Row row) {
    }

    /** The values rows pair with one organisation: agreed when there is exactly one. */
    private static final class Evidence {
        private final Set<String> values = new LinkedHashSet<>();
        private final List<Row> rows = new ArrayList<>();

        void add(String value, Row row) {
            values.add(value);
            if (rows.isEmpty() || rows.get(rows.size() - 1) != row) {
                rows.add(row);
            }
        }

        String agreed() {
            return values.size() == 1 ? values.iterator().next() : null;
        }

        List<Row> rows() {
            return rows;
        }
    }

    /** The parts of a comma-joined cell, stripped, without empty ones. */
    static List<String> split(String cell) {
        if (cell == null) {
            return List.of();
        }
        return Arrays.stream(cell.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
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
