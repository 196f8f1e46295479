package org.policygraph.ingest.read.fmti;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.policygraph.ingest.IngestError;
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
import org.policygraph.model.SourceRef;
import org.policygraph.model.resolution.Organisation;

/**
 * Reads a release of the Foundation Model Transparency Index ({@code fmti/<release>/}, e.g. {@code fmti/Dec2025/}):
 *
 * <ul>
 *   <li>{@code <release>_scores.csv}: one row per indicator, one column per company, 0 or 1. Each company's
 *       organisation (resolved through {@code resolution/organisations.yaml}) gets {@code fmti_score}, the number of
 *       indicators met, and {@code fmti_indicators_met}, their names.</li>
 *   <li>{@code <release>_indicators.csv}: each indicator's domain. With the scores, it gives the per-domain counts
 *       ({@code fmti_upstream}, {@code fmti_model}, {@code fmti_downstream}: the property is {@code fmti_} and the
 *       domain's name; a domain the Organisation kind has no property for is an error).</li>
 *   <li>{@code reports/<Company>_fmtransparencyreport_<release>.csv}: the company's disclosure, the justification
 *       and the score for each indicator. The report is cited on the organisation as the evidence for its
 *       indicators (row n of a report is indicator n), and its scores must agree with the scores file.</li>
 * </ul>
 *
 * <p>Facts cite the source {@code fmti-<release>} ({@code fmti-dec-2025}), with the file and column as locator.
 * The reader reads one file at a time, so it remembers, per batch, what it has read of a release: whichever of the
 * scores and the indicators comes second adds the domain counts, and a report read before the scores is checked
 * when they come.
 */
public final class FmtiReader implements FileReader {

    /** The data folder this reader reads. */
    public static final String FOLDER = "fmti";

    static final Column INDICATOR = Column.required("Indicator");
    static final Column DOMAIN = Column.required("Domain");
    static final Column SCORE = Column.required("Score");

    private static final List<Column> INDICATORS_COLUMNS = List.of(
            DOMAIN,
            Column.optional("Subdomain"),
            INDICATOR,
            Column.optional("Definition"),
            Column.optional("Notes"),
            Column.optional("Example disclosure"));
    private static final List<Column> REPORT_COLUMNS = List.of(
            INDICATOR,
            Column.optional("Definition"),
            Column.optional("Notes"),
            Column.optional("Disclosure"),
            Column.optional("Justification"),
            Column.optional("References"),
            SCORE);

    private static final Pattern PATH = Pattern.compile("fmti/([^/]+)/(.+)");
    private static final Pattern INDICATORS = Pattern.compile("[^/]+_indicators\\.csv");
    private static final Pattern SCORES = Pattern.compile("[^/]+_scores\\.csv");
    private static final Pattern REPORT = Pattern.compile("reports/(.+)_fmtransparencyreport_[^/]*\\.csv");

    private final Resolution resolution;
    private final Map<GraphBatch, Map<String, Release>> releases = new WeakHashMap<>();

    /** A reader resolving company names with the given tables. */
    public FmtiReader(Resolution resolution) {
        this.resolution = resolution;
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
        Matcher path = PATH.matcher(file.path());
        String inner = path.matches() ? path.group(2) : "";
        boolean known = INDICATORS.matcher(inner).matches()
                || SCORES.matcher(inner).matches()
                || REPORT.matcher(inner).matches();
        if (!known) {
            batch.error(new IngestError(
                    file.path(),
                    0,
                    null,
                    null,
                    "is not a file of an FMTI release: expected "
                            + "fmti/<release>/<release>_scores.csv, <release>_indicators.csv or "
                            + "reports/<Company>_fmtransparencyreport_<release>.csv"));
            return;
        }
        String text = DataText.utf8(file, batch).orElse(null);
        if (text == null) {
            return;
        }
        Release release = releases.computeIfAbsent(batch, b -> new HashMap<>())
                .computeIfAbsent(path.group(1), r -> new Release(r, batch));
        Matcher report = REPORT.matcher(inner);
        if (INDICATORS.matcher(inner).matches()) {
            CsvTable.read(file.path(), text, INDICATORS_COLUMNS, CsvTable.UnknownColumns.WARN, batch)
                    .ifPresent(t -> release.indicators(t, inner));
        } else if (SCORES.matcher(inner).matches()) {
            CsvTable.read(file.path(), text, List.of(INDICATOR), CsvTable.UnknownColumns.ACCEPT, batch)
                    .ifPresent(t -> release.scores(t, inner));
        } else if (report.matches()) {
            String company = report.group(1).replace('_', ' ');
            CsvTable.read(file.path(), text, REPORT_COLUMNS, CsvTable.UnknownColumns.WARN, batch)
                    .ifPresent(t -> release.report(t, inner, company));
        }
    }

    /** What has been read of one release in one batch. */
    private final class Release {
        private final String source;
        private final GraphBatch batch;
        private CsvTable indicatorsTable;
        private String indicatorsFile;
        private final Map<String, String> domainOf = new LinkedHashMap<>();
        private final Map<String, Row> indicatorRows = new HashMap<>();
        private CsvTable scoresTable;
        private String scoresFile;
        private final Map<String, Row> scoreRows = new LinkedHashMap<>();
        private final Map<String, Integer> companyColumns = new LinkedHashMap<>();
        private final Map<String, Map<String, Integer>> scores = new LinkedHashMap<>();
        private final List<Report> pendingReports = new ArrayList<>();

        Release(String name, GraphBatch batch) {
            this.source = "fmti-" + Ids.slug(name.replaceAll("(?<=\\p{L})(?=\\d)", " "));
            this.batch = batch;
        }

        void indicators(CsvTable table, String file) {
            indicatorsTable = table;
            indicatorsFile = file;
            for (Row row : table.rows()) {
                String indicator = table.get(row, INDICATOR);
                String domain = table.get(row, DOMAIN);
                if (indicator == null || domain == null) {
                    batch.error(table.error(
                            row,
                            indicator == null ? INDICATOR : DOMAIN,
                            "is empty; every indicator needs a name and a domain"));
                    continue;
                }
                if (domainOf.putIfAbsent(indicator, domain) != null) {
                    batch.error(table.error(
                            row,
                            INDICATOR,
                            "'" + indicator + "' is listed twice (also in row "
                                    + indicatorRows.get(indicator).number() + ")"));
                    continue;
                }
                indicatorRows.put(indicator, row);
            }
            if (scoresTable != null) {
                domains();
            }
        }

        void scores(CsvTable table, String file) {
            scoresTable = table;
            scoresFile = file;
            for (int i = 0; i < table.headers().size(); i++) {
                if (i != table.index(INDICATOR)) {
                    companyColumns.put(table.headers().get(i), i);
                }
            }
            for (Row row : table.rows()) {
                String indicator = table.get(row, INDICATOR);
                if (indicator == null) {
                    batch.error(table.error(row, INDICATOR, "is empty; every row scores one indicator"));
                    continue;
                }
                if (scoreRows.putIfAbsent(indicator, row) != null) {
                    batch.error(table.error(
                            row,
                            INDICATOR,
                            "'" + indicator + "' is listed twice (also in row "
                                    + scoreRows.get(indicator).number() + ")"));
                    continue;
                }
                companyColumns.forEach((company, index) -> {
                    Integer score = score(row.value(index));
                    if (score == null) {
                        batch.error(table.error(
                                row,
                                index,
                                "must be 0 or 1 (indicator not met or met), but is \"" + row.value(index) + "\""));
                    } else {
                        scores.computeIfAbsent(company, c -> new LinkedHashMap<>())
                                .put(indicator, score);
                    }
                });
            }
            for (String company : companyColumns.keySet()) {
                Organisation organisation = organisation(company, new Origin(table.file(), 1), company);
                if (organisation == null) {
                    continue;
                }
                Map<String, Integer> byIndicator = scores.getOrDefault(company, Map.of());
                List<String> met = byIndicator.entrySet().stream()
                        .filter(e -> e.getValue() == 1)
                        .map(Map.Entry::getKey)
                        .sorted() // not in row order: a re-ordered file gives the same list
                        .toList();
                Map<String, Object> properties = new LinkedHashMap<>();
                properties.put("fmti_score", (double) met.size());
                properties.put("fmti_indicators_met", met);
                contribute(
                        organisation,
                        properties,
                        new SourceRef(
                                source,
                                file + ", column " + company + ": 0 or 1 for each of its " + byIndicator.size()
                                        + " indicators, one a row",
                                null),
                        new Origin(table.file(), 1));
            }
            if (indicatorsTable != null) {
                domains();
            }
            pendingReports.forEach(this::check);
            pendingReports.clear();
        }

        void report(CsvTable table, String file, String company) {
            Organisation organisation = organisation(company, new Origin(table.file(), 0), null);
            Report report = new Report(table, company);
            for (Row row : table.rows()) {
                String indicator = table.get(row, INDICATOR);
                Integer score = score(table.get(row, SCORE));
                if (indicator == null) {
                    batch.error(table.error(row, INDICATOR, "is empty; every row reports on one indicator"));
                } else if (score == null) {
                    batch.error(table.error(
                            row,
                            SCORE,
                            "must be 0 or 1 (indicator not met or met), but is \"" + table.get(row, SCORE) + "\""));
                } else {
                    report.scores().put(indicator, new Scored(row, score));
                }
            }
            if (organisation != null) {
                contribute(
                        organisation,
                        Map.of(),
                        new SourceRef(
                                source,
                                file + ": the disclosure, justification " + "and score for each indicator, one a row",
                                null),
                        new Origin(table.file(), 1));
            }
            if (scoresTable != null) {
                check(report);
            } else {
                pendingReports.add(report);
            }
        }

        /** The per-domain counts, once both the scores and the indicators are read. */
        private void domains() {
            for (Map.Entry<String, Row> e : scoreRows.entrySet()) {
                if (!domainOf.containsKey(e.getKey())) {
                    batch.error(scoresTable.error(
                            e.getValue(),
                            INDICATOR,
                            "'" + e.getKey() + "' is not an indicator " + "of " + indicatorsFile
                                    + ", so its domain is unknown"));
                }
            }
            for (Map.Entry<String, Row> e : indicatorRows.entrySet()) {
                if (!scoreRows.containsKey(e.getKey())) {
                    batch.error(indicatorsTable.error(
                            e.getValue(), INDICATOR, "'" + e.getKey() + "' has no row in " + scoresFile));
                }
            }
            Map<String, String> properties = new LinkedHashMap<>();
            for (Map.Entry<String, String> e : domainOf.entrySet()) {
                String domain = e.getValue();
                if (properties.containsKey(domain)) {
                    continue;
                }
                String property = "fmti_" + Ids.slug(domain).replace('-', '_');
                if (!Kind.ORGANISATION.properties().containsKey(property)) {
                    batch.error(indicatorsTable.error(
                            indicatorRows.get(e.getKey()),
                            DOMAIN,
                            "'" + domain
                                    + "' is a domain the Organisation kind has no property for (" + property
                                    + "); add it to Kind.ORGANISATION and DATA-FORMAT.md"));
                }
                properties.put(domain, property);
            }
            for (String company : companyColumns.keySet()) {
                Organisation organisation = organisation(company, null, null);
                if (organisation == null) {
                    continue;
                }
                Map<String, Object> counts = new LinkedHashMap<>();
                properties.values().stream()
                        .filter(Kind.ORGANISATION.properties()::containsKey)
                        .forEach(p -> counts.put(p, 0.0));
                scores.getOrDefault(company, Map.of()).forEach((indicator, score) -> {
                    String domain = domainOf.get(indicator);
                    if (domain != null && score == 1 && counts.containsKey(properties.get(domain))) {
                        counts.merge(properties.get(domain), 1.0, (a, b) -> (Double) a + (Double) b);
                    }
                });
                contribute(
                        organisation,
                        counts,
                        new SourceRef(source, indicatorsFile + ", column Domain: the domain of each indicator", null),
                        new Origin(indicatorsTable.file(), 1));
            }
        }

        private void check(Report report) {
            CsvTable table = report.table();
            Map<String, Integer> column = scores.get(report.company());
            if (!companyColumns.containsKey(report.company())) {
                batch.error(new IngestError(
                        table.file(),
                        0,
                        null,
                        null,
                        "is the report of '" + report.company() + "' (after its file name), but " + scoresFile
                                + " has no column of that name"));
                return;
            }
            report.scores().forEach((indicator, scored) -> {
                Integer score = column == null ? null : column.get(indicator);
                if (!scoreRows.containsKey(indicator)) {
                    batch.error(table.error(
                            scored.row(), INDICATOR, "'" + indicator + "' is not an indicator of " + scoresFile));
                } else if (score != null && score != scored.score()) {
                    batch.error(table.error(
                            scored.row(),
                            SCORE,
                            "is " + scored.score() + " here but " + score
                                    + " in " + scoresFile + " (row "
                                    + scoreRows.get(indicator).number() + ", column "
                                    + report.company() + "); the two files must agree"));
                }
            });
        }

        /** The one organisation a company name resolves to; null (with an error when {@code at} is given) if not one. */
        private Organisation organisation(String company, Origin at, String column) {
            List<Organisation> found;
            try {
                found = resolution.organisations().resolve(company);
            } catch (IllegalArgumentException e) {
                found = List.of();
            }
            if (found.size() != 1) {
                if (at != null) {
                    batch.error(new IngestError(
                            at.file(),
                            at.line(),
                            column == null ? null : "header",
                            column,
                            "the company '" + company + "' must resolve to one organisation, but resolves to "
                                    + found.size() + "; see resolution/organisations.yaml"));
                }
                return null;
            }
            return found.get(0);
        }

        private void contribute(
                Organisation organisation, Map<String, Object> properties, SourceRef ref, Origin origin) {
            batch.contribute(new NodeRecord(
                    Kind.ORGANISATION,
                    organisation.id(),
                    organisation.name(),
                    organisation.aliases(),
                    null,
                    properties,
                    List.of(ref),
                    origin));
        }
    }

    /** A company's report: its score for each indicator. */
    private record Report(CsvTable table, String company, Map<String, Scored> scores) {
        Report(CsvTable table, String company) {
            this(table, company, new LinkedHashMap<>());
        }
    }

    /** A report row's score. */
    private record Scored(Row row, int score) {}

    private static Integer score(String value) {
        if ("0".equals(value)) {
            return 0;
        }
        if ("1".equals(value)) {
            return 1;
        }
        return null;
    }
}
