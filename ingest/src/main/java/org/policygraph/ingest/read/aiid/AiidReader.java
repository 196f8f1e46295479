package org.policygraph.ingest.read.aiid;

import static org.policygraph.ingest.read.aiid.AiidColumns.CLASSIFIED_INCIDENT;
import static org.policygraph.ingest.read.aiid.AiidColumns.DATE;
import static org.policygraph.ingest.read.aiid.AiidColumns.DEPLOYER;
import static org.policygraph.ingest.read.aiid.AiidColumns.DESCRIPTION;
import static org.policygraph.ingest.read.aiid.AiidColumns.DEVELOPER;
import static org.policygraph.ingest.read.aiid.AiidColumns.DUPLICATE;
import static org.policygraph.ingest.read.aiid.AiidColumns.ENTITY;
import static org.policygraph.ingest.read.aiid.AiidColumns.HARMED;
import static org.policygraph.ingest.read.aiid.AiidColumns.INCIDENT_ID;
import static org.policygraph.ingest.read.aiid.AiidColumns.INTENT;
import static org.policygraph.ingest.read.aiid.AiidColumns.OBJECT_ID;
import static org.policygraph.ingest.read.aiid.AiidColumns.REPORTS;
import static org.policygraph.ingest.read.aiid.AiidColumns.RISK_DOMAIN;
import static org.policygraph.ingest.read.aiid.AiidColumns.RISK_SUBDOMAIN;
import static org.policygraph.ingest.read.aiid.AiidColumns.TIMING;
import static org.policygraph.ingest.read.aiid.AiidColumns.TITLE;
import static org.policygraph.ingest.read.aiid.AiidColumns.TRUE_INCIDENT;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
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
import org.policygraph.model.PropertyType;
import org.policygraph.model.RelType;
import org.policygraph.model.RelationshipRecord;
import org.policygraph.model.SourceRef;
import org.policygraph.model.resolution.Country;
import org.policygraph.model.resolution.Organisation;
import org.policygraph.model.resolution.OrganisationTable;

/**
 * Reads the AI Incident Database's CSV snapshot ({@code aiid/}): {@code incidents.csv}, {@code
 * classifications_MIT.csv} and {@code duplicates.csv}, columns by header name. Everything read cites the source
 * {@value #SOURCE} with the file, the row (the N-th data record, the header not counted) and the column.
 *
 * <ul>
 *   <li>Each incident is an Incident {@code aiid-incident-N} (N is AIID's incident id): name = title, date,
 *       description, aiid_id, url (its AIID citation page) and report_count (how many reports AIID lists).</li>
 *   <li>Its alleged developers, deployers and harmed parties are AIID entity slugs, each an Organisation, Person,
 *       Group or Jurisdiction as {@code resolution/aiid-entities.yaml} decides ({@link AiidEntities}; the rules
 *       are written at the top of that file), linked by ALLEGED_DEVELOPER, ALLEGED_DEPLOYER and HARMED.</li>
 *   <li>Each MIT classification row links its incident by ADDRESSES to the risk domain and the risk subdomain,
 *       Concepts {@code mit-risk-<slug of the label>}.</li>
 *   <li>A duplicate (duplicates.csv) is no node of its own: its id is an alias of the true incident, and a row of
 *       incidents.csv for it is merged into the true incident (the true row's title, date and description win).
 *       duplicates.csv must therefore be read before incidents.csv (file names sort so).</li>
 * </ul>
 *
 * <p>Errors name the file, the line, the row and the column; a file with any error contributes nothing.
 */
public final class AiidReader implements FileReader {

    /** The data folder. */
    public static final String FOLDER = "aiid";
    /** The id of the Source record the facts cite. */
    public static final String SOURCE = "ai-incident-database";
    /** The id prefix of incidents. */
    public static final String INCIDENT_PREFIX = "aiid-incident-";

    static final String INCIDENTS = "incidents.csv";
    static final String CLASSIFICATIONS = "classifications_MIT.csv";
    static final String DUPLICATES = "duplicates.csv";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern OBJECT_ID_LITERAL = Pattern.compile("ObjectId\\([0-9a-fA-F]{24}\\)");
    private static final Pattern WHOLE = Pattern.compile("\\d{1,9}");

    private final Resolution resolution;
    private final AiidEntities entities;
    private final Map<GraphBatch, State> states = Collections.synchronizedMap(new WeakHashMap<>());

    /** A reader with the shipped entity table. */
    public AiidReader(Resolution resolution) {
        this(resolution, AiidEntities.builtIn());
    }

    public AiidReader(Resolution resolution, AiidEntities entities) {
        this.resolution = resolution;
        this.entities = entities;
    }

    @Override
    public boolean accepts(DataFile file) {
        return FOLDER.equals(file.folder()) || AiidEntities.FILE.equals(file.path());
    }

    @Override
    public void read(DataFile file, GraphBatch batch) {
        if (AiidEntities.FILE.equals(file.path())) {
            checkTable(file, batch);
            return;
        }
        String name = file.path().substring(file.path().lastIndexOf('/') + 1);
        if (name.equalsIgnoreCase("license.txt")) {
            return; // the snapshot's licence notice, shipped as it came; LICENSE.md says the same
        }
        if (!entities.problems().isEmpty()) {
            entities.problems().forEach(batch::error);
            return;
        }
        if (!resolution.usable(batch)) {
            return;
        }
        State state = states.computeIfAbsent(batch, b -> new State());
        switch (name) {
            case DUPLICATES -> readDuplicates(file, batch, state);
            case CLASSIFICATIONS -> readClassifications(file, batch, state);
            case INCIDENTS -> readIncidents(file, batch, state);
            default ->
                batch.error(new IngestError(
                        file.path(),
                        0,
                        null,
                        null,
                        "is not a file of the AIID snapshot "
                                + "this reader knows: " + FOLDER + "/ holds " + INCIDENTS + ", " + CLASSIFICATIONS
                                + ", "
                                + DUPLICATES + " and license.txt"));
        }
    }

    private void checkTable(DataFile file, GraphBatch batch) {
        String text = DataText.utf8(file, batch).orElse(null);
        if (text == null) {
            return;
        }
        AiidEntities read = AiidEntities.parse(file.path(), text, List.of());
        read.problems().forEach(batch::error);
        if (read.problems().isEmpty() && !read.equals(entities)) {
            batch.error(new IngestError(
                    file.path(),
                    0,
                    null,
                    null,
                    "differs from the table built into PolicyGraph "
                            + "(neo4j-data, policygraph/data/" + file.path()
                            + "), which the AIID reader uses; make the "
                            + "change there and rebuild"));
        }
    }

    /** What one batch has read of the snapshot so far. */
    private static final class State {
        final Map<Integer, Integer> trueOf = new LinkedHashMap<>();
        final Map<Integer, Row> duplicateRows = new HashMap<>();
        final List<Pending> classifications = new ArrayList<>();
        Set<Integer> incidents;
        String classificationsFile;
    }

    /** A classification row waiting for the incidents. */
    private record Pending(
            String file,
            Row row,
            int incident,
            String domain,
            String subdomain,
            String note,
            String domainHeader,
            String subdomainHeader) {}

    private CsvTable table(DataFile file, List<Column> columns, GraphBatch batch) {
        String text = DataText.utf8(file, batch).orElse(null);
        if (text == null) {
            return null;
        }
        return CsvTable.read(file.path(), text, columns, CsvTable.UnknownColumns.WARN, batch)
                .orElse(null);
    }

    private void readDuplicates(DataFile file, GraphBatch batch, State state) {
        if (state.incidents != null) {
            batch.error(new IngestError(
                    file.path(),
                    0,
                    null,
                    null,
                    "is read after " + INCIDENTS + "; the duplicates must be known before the incidents are read"));
            return;
        }
        CsvTable table = table(file, AiidColumns.DUPLICATES, batch);
        if (table == null) {
            return;
        }
        int before = batch.errors().size();
        Map<Integer, Integer> read = new LinkedHashMap<>();
        Map<Integer, Row> rows = new HashMap<>();
        for (Row row : table.rows()) {
            Integer dup = whole(table, row, DUPLICATE, batch);
            Integer truth = whole(table, row, TRUE_INCIDENT, batch);
            if (dup == null || truth == null) {
                continue;
            }
            if (dup.equals(truth)) {
                batch.error(table.error(row, DUPLICATE, "is the incident's own number; a duplicate is of another"));
                continue;
            }
            if (read.putIfAbsent(dup, truth) != null) {
                batch.error(table.error(row, DUPLICATE, "incident " + dup + " is listed as a duplicate twice"));
                continue;
            }
            rows.put(dup, row);
        }
        // a true incident may itself be a duplicate (342 of 88, 88 of 1057): follow the chain to its end
        for (Map.Entry<Integer, Integer> e : read.entrySet()) {
            Set<Integer> path = new LinkedHashSet<>(List.of(e.getKey()));
            int end = e.getValue();
            while (read.containsKey(end) && path.add(end)) {
                end = read.get(end);
            }
            if (path.contains(end)) {
                batch.error(table.error(
                        rows.get(e.getKey()),
                        TRUE_INCIDENT,
                        "incidents " + path
                                + " are duplicates of each other in a circle; one of them must be the true incident"));
            } else {
                e.setValue(end);
            }
        }
        if (batch.errors().size() == before) {
            state.trueOf.putAll(read);
            state.duplicateRows.putAll(rows);
        }
    }

    private void readClassifications(DataFile file, GraphBatch batch, State state) {
        CsvTable table = table(file, AiidColumns.CLASSIFICATIONS, batch);
        if (table == null) {
            return;
        }
        int before = batch.errors().size();
        List<Pending> pending = new ArrayList<>();
        for (Row row : table.rows()) {
            Integer incident = whole(table, row, CLASSIFIED_INCIDENT, batch);
            String domain = table.get(row, RISK_DOMAIN);
            if (domain == null) {
                batch.error(table.error(row, RISK_DOMAIN, "is empty; a classification needs its risk domain"));
                continue;
            }
            if (incident == null) {
                continue;
            }
            List<String> notes = new ArrayList<>();
            for (Column c : List.of(ENTITY, TIMING, INTENT)) {
                String v = table.get(row, c);
                if (v != null) {
                    notes.add(table.header(c) + ": " + v);
                }
            }
            pending.add(new Pending(
                    table.file(),
                    row,
                    incident,
                    domain,
                    table.get(row, RISK_SUBDOMAIN),
                    notes.isEmpty() ? null : String.join("; ", notes),
                    table.header(RISK_DOMAIN),
                    table.header(RISK_SUBDOMAIN)));
        }
        if (batch.errors().size() != before) {
            return;
        }
        state.classificationsFile = table.file();
        if (state.incidents == null) {
            state.classifications.addAll(pending);
        } else {
            contributeClassifications(pending, state, batch);
        }
    }

    private void contributeClassifications(List<Pending> pending, State state, GraphBatch batch) {
        Set<String> concepts = new HashSet<>();
        for (Pending p : pending) {
            int canonical = state.trueOf.getOrDefault(p.incident(), p.incident());
            if (!state.incidents.contains(canonical)) {
                batch.error(new IngestError(
                        p.file(),
                        p.row().line(),
                        "row " + p.row().number(),
                        "Incident ID",
                        "incident " + p.incident() + " is not in " + INCIDENTS));
                continue;
            }
            String locator = fileName(p.file()) + ", row " + p.row().number();
            Origin origin = new Origin(p.file(), p.row().line());
            String incident = INCIDENT_PREFIX + canonical;
            String domainId = conceptId(p.domain());
            if (concepts.add(domainId)) {
                batch.contribute(new NodeRecord(
                        Kind.CONCEPT,
                        domainId,
                        p.domain(),
                        List.of(),
                        "A risk domain of the MIT AI Risk Repository's domain taxonomy, as the AI Incident "
                                + "Database classifies incidents.",
                        Map.of(),
                        List.of(new SourceRef(SOURCE, locator + ", column " + p.domainHeader(), null)),
                        origin));
            }
            batch.contribute(new RelationshipRecord(
                    RelType.ADDRESSES,
                    incident,
                    domainId,
                    Map.of(),
                    List.of(new SourceRef(SOURCE, locator + ", column " + p.domainHeader(), null)),
                    origin));
            if (p.subdomain() != null) {
                String subId = conceptId(p.subdomain());
                if (concepts.add(subId)) {
                    batch.contribute(new NodeRecord(
                            Kind.CONCEPT,
                            subId,
                            p.subdomain(),
                            List.of(),
                            "A risk subdomain of the MIT AI Risk Repository, in the domain " + p.domain() + ".",
                            Map.of(),
                            List.of(new SourceRef(SOURCE, locator + ", column " + p.subdomainHeader(), null)),
                            origin));
                }
                Map<String, Object> props = p.note() == null ? Map.of() : Map.of("note", p.note());
                batch.contribute(new RelationshipRecord(
                        RelType.ADDRESSES,
                        incident,
                        subId,
                        props,
                        List.of(new SourceRef(SOURCE, locator + ", column " + p.subdomainHeader(), null)),
                        origin));
            }
        }
    }

    /** The Concept id of an MIT risk domain or subdomain label ("1.2. Exposure to toxic content"). */
    public static String conceptId(String label) {
        return "mit-risk-" + Ids.slug(label);
    }

    private void readIncidents(DataFile file, GraphBatch batch, State state) {
        if (state.incidents != null) {
            batch.error(new IngestError(
                    file.path(), 0, null, null, "is a second incidents file; the snapshot " + "has one"));
            return;
        }
        CsvTable table = table(file, AiidColumns.INCIDENTS, batch);
        if (table == null) {
            return;
        }
        int before = batch.errors().size();
        List<Incident> incidents = new ArrayList<>();
        Map<Integer, Row> seen = new HashMap<>();
        Set<String> actorSlugs = new HashSet<>();
        for (Row row : table.rows()) {
            Incident incident = parse(table, row, batch);
            if (incident == null) {
                continue;
            }
            Row other = seen.putIfAbsent(incident.aiidId(), row);
            if (other != null) {
                batch.error(table.error(
                        row,
                        INCIDENT_ID,
                        "incident " + incident.aiidId() + " is also on row " + other.number() + " (line " + other.line()
                                + "); each incident is one row"));
                continue;
            }
            actorSlugs.addAll(incident.developers());
            actorSlugs.addAll(incident.deployers());
            incidents.add(incident);
        }
        Set<Integer> ids = new HashSet<>(seen.keySet());
        for (Map.Entry<Integer, Integer> e : state.trueOf.entrySet()) {
            if (!ids.contains(e.getValue())) {
                Row row = state.duplicateRows.get(e.getKey());
                batch.error(new IngestError(
                        file.path(),
                        0,
                        null,
                        null,
                        "has no incident " + e.getValue()
                                + ", which " + DUPLICATES + " row " + row.number() + " (line " + row.line()
                                + ") names as the true incident of " + e.getKey()));
            }
        }
        if (batch.errors().size() != before) {
            state.incidents = Set.of();
            return;
        }
        // true incidents first, so that their title, date and description win over a duplicate's row
        List<Incident> ordered = new ArrayList<>(incidents.stream()
                .filter(i -> !state.trueOf.containsKey(i.aiidId()))
                .toList());
        ordered.addAll(incidents.stream()
                .filter(i -> state.trueOf.containsKey(i.aiidId()))
                .toList());
        Parties parties = new Parties(table, batch, actorSlugs);
        Set<Integer> canonical = new HashSet<>();
        for (Incident incident : ordered) {
            canonical.add(contribute(table, incident, state, parties, batch));
        }
        state.incidents = canonical;
        if (!state.classifications.isEmpty()) {
            contributeClassifications(state.classifications, state, batch);
            state.classifications.clear();
        }
    }

    /** One row of incidents.csv. */
    private record Incident(
            Row row,
            int aiidId,
            String title,
            String date,
            String description,
            int reports,
            List<String> developers,
            List<String> deployers,
            List<String> harmed) {}

    private Incident parse(CsvTable table, Row row, GraphBatch batch) {
        int before = batch.errors().size();
        String objectId = table.get(row, OBJECT_ID);
        if (objectId != null && !OBJECT_ID_LITERAL.matcher(objectId).matches()) {
            batch.error(table.error(
                    row,
                    OBJECT_ID,
                    "must be a Mongo ObjectId literal like " + "ObjectId(625763db343edc875fe639ff), but is \""
                            + shorten(objectId) + "\""));
        }
        Integer id = whole(table, row, INCIDENT_ID, batch);
        String title = table.get(row, TITLE);
        if (title == null) {
            batch.error(table.error(row, TITLE, "is empty; every incident needs a title"));
        }
        String date = table.get(row, DATE);
        if (date == null) {
            batch.error(table.error(row, DATE, "is empty; every incident needs a date"));
        } else {
            try {
                date = (String) PropertyType.DATE.coerce(date);
            } catch (IllegalArgumentException | ClassCastException e) {
                batch.error(table.error(row, DATE, "must be a date like 2018-03-18, but is \"" + shorten(date) + "\""));
            }
        }
        List<String> reports = list(table, row, REPORTS, batch, true);
        List<String> deployers = list(table, row, DEPLOYER, batch, false);
        List<String> developers = list(table, row, DEVELOPER, batch, false);
        List<String> harmed = list(table, row, HARMED, batch, false);
        if (batch.errors().size() != before || id == null) {
            return null;
        }
        return new Incident(
                row,
                id,
                title,
                date,
                table.get(row, DESCRIPTION),
                reports == null ? 0 : reports.size(),
                developers,
                deployers,
                harmed);
    }

    private int contribute(CsvTable table, Incident incident, State state, Parties parties, GraphBatch batch) {
        Row row = incident.row();
        int canonical = state.trueOf.getOrDefault(incident.aiidId(), incident.aiidId());
        String id = INCIDENT_PREFIX + canonical;
        String file = fileName(table.file());
        Origin origin = new Origin(table.file(), row.line());
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("date", incident.date());
        if (incident.description() != null) {
            properties.put("description", incident.description());
        }
        properties.put("aiid_id", (long) canonical);
        properties.put("url", "https://incidentdatabase.ai/cite/" + canonical);
        if (table.has(REPORTS)) {
            properties.put("report_count", (long) incident.reports());
        }
        List<String> aliases = new ArrayList<>();
        aliases.add("AIID incident " + canonical);
        List<SourceRef> sources = new ArrayList<>();
        sources.add(new SourceRef(SOURCE, file + ", row " + row.number(), null));
        for (Map.Entry<Integer, Integer> e : state.trueOf.entrySet()) {
            if (e.getValue() == canonical) {
                aliases.add("AIID incident " + e.getKey());
                aliases.add(INCIDENT_PREFIX + e.getKey());
                sources.add(new SourceRef(
                        SOURCE,
                        DUPLICATES + ", row "
                                + state.duplicateRows.get(e.getKey()).number(),
                        null));
            }
        }
        batch.contribute(
                new NodeRecord(Kind.INCIDENT, id, incident.title(), aliases, null, properties, sources, origin));
        link(parties, incident.developers(), RelType.ALLEGED_DEVELOPER, DEVELOPER, false, id, row, origin, batch);
        link(parties, incident.deployers(), RelType.ALLEGED_DEPLOYER, DEPLOYER, false, id, row, origin, batch);
        link(parties, incident.harmed(), RelType.HARMED, HARMED, true, id, row, origin, batch);
        return canonical;
    }

    private void link(
            Parties parties,
            List<String> slugs,
            RelType type,
            Column column,
            boolean harmed,
            String incident,
            Row row,
            Origin origin,
            GraphBatch batch) {
        SourceRef ref = new SourceRef(
                SOURCE,
                fileName(parties.table.file()) + ", row " + row.number() + ", column " + parties.table.header(column),
                null);
        Set<String> done = new HashSet<>();
        for (String slug : slugs) {
            for (Party party : parties.of(slug, harmed, row, column)) {
                if (done.add(party.id())) {
                    // a slug naming a model (AIID lists systems among developers and deployers): the incident
                    // involves it
                    batch.contribute(new RelationshipRecord(
                            party.kind() == Kind.MODEL ? RelType.INVOLVES : type,
                            incident,
                            party.id(),
                            Map.of(),
                            List.of(ref),
                            origin));
                }
            }
        }
    }

    /** A node an AIID slug stands for. */
    record Party(Kind kind, String id, String name, Map<String, Object> properties, List<String> aliases) {}

    /** The parties of the slugs of one file, each decided once and contributed once (citing its first row). */
    private final class Parties {
        final CsvTable table;
        final GraphBatch batch;
        final Set<String> actorSlugs;
        final Map<String, List<Party>> actors = new HashMap<>();
        final Map<String, List<Party>> harmedParties = new HashMap<>();
        final Set<String> contributed = new HashSet<>();
        final Set<String> listedIds = new HashSet<>();

        Parties(CsvTable table, GraphBatch batch, Set<String> actorSlugs) {
            this.table = table;
            this.batch = batch;
            this.actorSlugs = actorSlugs;
            resolution.organisations().organisations().forEach(o -> listedIds.add(o.id()));
        }

        List<Party> of(String slug, boolean harmed, Row row, Column column) {
            Map<String, List<Party>> cache = harmed ? harmedParties : actors;
            List<Party> parties = cache.get(slug);
            if (parties == null) {
                parties = decide(slug, harmed);
                cache.put(slug, parties);
            }
            for (Party p : parties) {
                if (p.kind() != Kind.MODEL && contributed.add(p.id())) {
                    batch.contribute(new NodeRecord(
                            p.kind(),
                            p.id(),
                            p.name(),
                            p.aliases(),
                            null,
                            p.properties(),
                            List.of(new SourceRef(
                                    SOURCE,
                                    fileName(table.file()) + ", row " + row.number() + ", column "
                                            + table.header(column),
                                    null)),
                            new Origin(table.file(), row.line())));
                }
            }
            return parties;
        }

        private List<Party> decide(String slug, boolean harmed) {
            String organisation = entities.organisation(slug);
            if (organisation != null) {
                Organisation listed = resolution.organisations().organisations().stream()
                        .filter(o -> o.id().equals(organisation))
                        .findFirst()
                        .orElse(null);
                return List.of(organisationParty(
                        listed != null ? listed : new Organisation(organisation, humanise(slug), List.of()), slug));
            }
            String model = entities.model(slug);
            if (model != null) {
                return List.of(new Party(Kind.MODEL, model, null, Map.of(), List.of()));
            }
            String person = entities.person(slug);
            if (person != null) {
                return List.of(new Party(Kind.PERSON, person, humanise(person), Map.of(), List.of()));
            }
            String groupType = entities.groupType(slug);
            if (groupType != null) {
                return List.of(group(slug, groupType));
            }
            OrganisationTable table = resolution.organisations();
            List<Organisation> resolved = table.resolve(slug.replace('-', ' '));
            if (!harmed) {
                return resolved.isEmpty()
                        ? List.of(group(slug, "people"))
                        : resolved.stream().map(o -> organisationParty(o, slug)).toList();
            }
            boolean known =
                    table.lists(slug.replace('-', ' ')) || resolved.stream().anyMatch(o -> listedIds.contains(o.id()));
            if (known || actorSlugs.contains(slug) || entities.looksLikeOrganisation(slug)) {
                return resolved.isEmpty()
                        ? List.of(group(slug, "people"))
                        : resolved.stream().map(o -> organisationParty(o, slug)).toList();
            }
            Country country =
                    resolution.countries().find(slug.replace('-', ' ')).orElse(null);
            if (country != null) {
                Map<String, Object> props = new LinkedHashMap<>();
                if (country.jurisdictionType() != null) {
                    props.put("jurisdiction_type", country.jurisdictionType());
                }
                if (country.isoCode() != null) {
                    props.put("iso_code", country.isoCode());
                }
                return List.of(new Party(Kind.JURISDICTION, country.id(), country.name(), props, country.aliases()));
            }
            return List.of(group(slug, "harmed party"));
        }

        private Party organisationParty(Organisation o, String slug) {
            boolean own = !listedIds.contains(o.id());
            String name = own ? humanise(slug) : o.name();
            return new Party(Kind.ORGANISATION, o.id(), name, Map.of(), own ? List.of() : o.aliases());
        }

        private Party group(String slug, String groupType) {
            // named from the id, not the slug: two slugs of one id ("lgbtq+-people", "lgbtq-people") give one name
            // whichever row comes first, so that a re-ordered file changes nothing
            String id = idOf(slug);
            return new Party(Kind.GROUP, id, humanise(id), Map.of("group_type", groupType), List.of());
        }
    }

    private static String idOf(String slug) {
        return Ids.slug(slug);
    }

    /** A display name made of a slug: "keolis-north-america" is "Keolis North America". */
    static String humanise(String slug) {
        StringBuilder out = new StringBuilder();
        for (String word : slug.split("-")) {
            if (word.isEmpty()) {
                continue;
            }
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return out.toString();
    }

    private static List<String> list(CsvTable table, Row row, Column column, GraphBatch batch, boolean numbers) {
        String cell = table.get(row, column);
        if (cell == null) {
            return List.of();
        }
        JsonNode node;
        try {
            node = JSON.readTree(cell);
        } catch (Exception e) {
            node = null;
        }
        String wanted = numbers
                ? "a JSON array of report numbers, like [2,3,4]"
                : "a JSON array of AIID entity slugs, like [\"openai\"]";
        if (node == null || !node.isArray()) {
            batch.error(table.error(row, column, "must be " + wanted + ", but is " + quoted(cell)));
            return null;
        }
        List<String> out = new ArrayList<>();
        LinkedHashSet<String> unique = new LinkedHashSet<>();
        for (JsonNode item : node) {
            boolean ok = numbers
                    ? item.canConvertToLong() && item.isIntegralNumber()
                    : item.isTextual()
                            && !item.asText().isBlank()
                            && !Ids.slug(item.asText()).isEmpty();
            if (!ok) {
                batch.error(table.error(row, column, "must be " + wanted + ", but holds " + quoted(item.toString())));
                return null;
            }
            unique.add(numbers ? item.asText() : item.asText().strip().toLowerCase(Locale.ROOT));
        }
        out.addAll(unique);
        return out;
    }

    private static Integer whole(CsvTable table, Row row, Column column, GraphBatch batch) {
        String v = table.get(row, column);
        if (v == null || !WHOLE.matcher(v).matches() || Integer.parseInt(v) == 0) {
            batch.error(table.error(
                    row,
                    column,
                    "must be an incident number (a whole number from 1), but is " + (v == null ? "empty" : quoted(v))));
            return null;
        }
        return Integer.parseInt(v);
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String quoted(String value) {
        return "\"" + shorten(value) + "\"";
    }

    private static String shorten(String value) {
        return value.length() > 60 ? value.substring(0, 57) + "..." : value;
    }
}
