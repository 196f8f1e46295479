package org.policygraph.ingest.read.agora;

import static org.policygraph.ingest.read.agora.AgoraColumns.AGORA_ID;
import static org.policygraph.ingest.read.agora.AgoraColumns.AUTHORITY;
import static org.policygraph.ingest.read.agora.AgoraColumns.CASUAL_NAME;
import static org.policygraph.ingest.read.agora.AgoraColumns.COLLECTIONS;
import static org.policygraph.ingest.read.agora.AgoraColumns.LINK;
import static org.policygraph.ingest.read.agora.AgoraColumns.OFFICIAL_NAME;
import static org.policygraph.ingest.read.agora.AgoraColumns.PROPOSED_DATE;
import static org.policygraph.ingest.read.agora.AgoraColumns.STATUS;
import static org.policygraph.ingest.read.agora.AgoraColumns.STATUS_DATE;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import org.jboss.logging.Logger;
import org.policygraph.ingest.IngestError;
import org.policygraph.ingest.read.DataFile;
import org.policygraph.ingest.read.DataText;
import org.policygraph.ingest.read.FileReader;
import org.policygraph.ingest.read.GraphBatch;
import org.policygraph.ingest.read.csv.CsvTable;
import org.policygraph.ingest.read.csv.CsvTable.Row;
import org.policygraph.ingest.read.resolution.DatasetResolution;
import org.policygraph.ingest.read.resolution.InstrumentTable;
import org.policygraph.ingest.read.resolution.Resolution;
import org.policygraph.model.Ids;
import org.policygraph.model.Kind;
import org.policygraph.model.NodeRecord;
import org.policygraph.model.Origin;
import org.policygraph.model.PropertyType;
import org.policygraph.model.RelType;
import org.policygraph.model.RelationshipRecord;
import org.policygraph.model.SourceRef;
import org.policygraph.model.resolution.Organisation;

/**
 * Reads the bulk export of ETO's AGORA (AI Governance and Regulatory Archive): {@code agora/authorities.csv},
 * {@code agora/collections.csv} and {@code agora/documents.csv}, columns mapped by header name. Everything read
 * cites the source {@value #SOURCE} with the file and row ("documents.csv AGORA id 757").
 *
 * <ul>
 *   <li>{@code authorities.csv}: each authority that names one body becomes an Organisation (org_type legislature,
 *       agency, government), an agency SUBSIDIARY_OF the federal government; each jurisdiction it names becomes a
 *       Jurisdiction (a US state {@code us-ca} with its ISO 3166-2 code, PART_OF {@code us}; a city
 *       {@code us-ca-san-jose} PART_OF its state; a country through {@code resolution/countries.yaml}).</li>
 *   <li>{@code documents.csv}: each row a Regulation, id from {@code resolution/instruments.yaml} or
 *       {@code agora-<AGORA ID>}: name = official name, alias = casual name, instrument_type ({@link InstrumentTypes}),
 *       binding, status (enacted, proposed, defunct), adopted (the activity date of an enacted document), url,
 *       agora_id, collections; ISSUED_BY its authority's organisation, APPLIES_IN its jurisdiction, ADDRESSES a
 *       Concept per thematic flag set to True; and two Events: its status as AGORA states it on its most recent
 *       activity date (event_type {@code status}), and its proposal (event_type {@code proposed}).</li>
 *   <li>{@code collections.csv}: the collection names, to mend a name with commas that the export splits.</li>
 * </ul>
 *
 * <p>ETO's summaries and tags are not read (see DATA-FORMAT.md, "AGORA"). {@code documents.csv} is read after
 * {@code authorities.csv} (files are read in path order); without it, it is refused. The export's
 * {@code segments.csv} and {@code fulltext/} are accepted and not read.
 */
public final class AgoraReader implements FileReader {

    public static final String FOLDER = "agora";
    public static final String SOURCE = "agora";

    private static final Logger LOG = Logger.getLogger(AgoraReader.class);

    private static final Map<String, String> STATUSES =
            Map.of("enacted", "enacted", "proposed", "proposed", "defunct", "defunct");

    private final Resolution resolution;
    private final DatasetResolution datasets;
    private final Map<GraphBatch, State> states = Collections.synchronizedMap(new WeakHashMap<>());

    /** What the files of one batch said so far. */
    private static final class State {
        final Map<String, AgoraAuthority> authorities = new HashMap<>();
        final Set<String> collections = new LinkedHashSet<>();
        boolean authoritiesRead;
    }

    public AgoraReader(Resolution resolution, DatasetResolution datasets) {
        this.resolution = resolution;
        this.datasets = datasets;
    }

    @Override
    public boolean accepts(DataFile file) {
        return FOLDER.equals(file.folder());
    }

    @Override
    public void read(DataFile file, GraphBatch batch) {
        String name = file.path().substring(FOLDER.length() + 1);
        if (name.equals("segments.csv") || name.startsWith("fulltext/")) {
            LOG.debugf("%s: AGORA's text segments are not read", file.path());
            return;
        }
        if (!name.equals("authorities.csv") && !name.equals("collections.csv") && !name.equals("documents.csv")) {
            batch.error(new IngestError(
                    file.path(),
                    0,
                    null,
                    null,
                    "is not a file of AGORA's export: the " + FOLDER
                            + "/ folder holds authorities.csv, collections.csv and documents.csv (segments.csv and fulltext/ "
                            + "are accepted and not read)"));
            return;
        }
        if (!resolution.usable(batch) || !datasets.usable(batch)) {
            return;
        }
        String text = DataText.utf8(file, batch).orElse(null);
        if (text == null) {
            return;
        }
        State state = states.computeIfAbsent(batch, b -> new State());
        switch (name) {
            case "authorities.csv" -> readAuthorities(file, text, batch, state);
            case "collections.csv" -> readCollections(file, text, batch, state);
            default -> readDocuments(file, text, batch, state);
        }
    }

    private String fileName(CsvTable table) {
        return table.file().substring(table.file().lastIndexOf('/') + 1);
    }

    // ---------------------------------------------------------------- authorities

    private void readAuthorities(DataFile file, String text, GraphBatch batch, State state) {
        CsvTable table = CsvTable.read(
                        file.path(),
                        text,
                        List.of(
                                AgoraColumns.AUTHORITY_NAME,
                                AgoraColumns.AUTHORITY_JURISDICTION,
                                AgoraColumns.AUTHORITY_PARENT),
                        CsvTable.UnknownColumns.WARN,
                        batch)
                .orElse(null);
        state.authoritiesRead = true;
        if (table == null) {
            return;
        }
        List<AgoraAuthority> all = new ArrayList<>();
        for (Row row : table.rows()) {
            String authority = table.get(row, AgoraColumns.AUTHORITY_NAME);
            if (authority == null) {
                batch.error(table.error(row, AgoraColumns.AUTHORITY_NAME, "is empty; every authority needs a name"));
                continue;
            }
            AgoraAuthority a = new AgoraAuthority(
                    authority,
                    table.get(row, AgoraColumns.AUTHORITY_JURISDICTION),
                    table.get(row, AgoraColumns.AUTHORITY_PARENT),
                    row.number(),
                    row.line());
            if (state.authorities.putIfAbsent(authority, a) != null) {
                batch.error(table.error(
                        row, AgoraColumns.AUTHORITY_NAME, "'" + authority + "' is listed twice; each authority once"));
                continue;
            }
            all.add(a);
        }
        for (AgoraAuthority a : all) {
            String parent = a.parent();
            if (parent != null && !state.authorities.containsKey(parent)) {
                batch.error(new IngestError(
                        table.file(),
                        a.line(),
                        "row " + a.row(),
                        AgoraColumns.AUTHORITY_PARENT.name(),
                        "'" + parent + "' is not an authority listed in this file"));
            }
        }
        Set<String> places = new HashSet<>();
        for (AgoraAuthority a : all) {
            Origin origin = new Origin(table.file(), a.line());
            SourceRef ref = new SourceRef(SOURCE, fileName(table) + " row " + a.row() + " (" + a.name() + ")", null);
            Optional<String> org = organisationId(a);
            org.ifPresent(id -> {
                String[] o = a.organisation().orElseThrow();
                batch.contribute(new NodeRecord(
                        Kind.ORGANISATION, id, o[0], List.of(), null, Map.of("org_type", o[1]), List.of(ref), origin));
                AgoraAuthority parent = a.parent() == null ? null : state.authorities.get(a.parent());
                Optional<String> parentOrg = parent == null ? Optional.empty() : organisationId(parent);
                if (a.type() == AgoraAuthority.Type.FEDERAL_AGENCY
                        && parentOrg.isPresent()
                        && !parentOrg.get().equals(id)) {
                    batch.contribute(new RelationshipRecord(
                            RelType.SUBSIDIARY_OF,
                            id,
                            parentOrg.get(),
                            Map.of(),
                            List.of(new SourceRef(
                                    SOURCE,
                                    fileName(table) + " row " + a.row() + ", column "
                                            + table.header(AgoraColumns.AUTHORITY_PARENT),
                                    null)),
                            origin));
                }
            });
            Optional<AgoraAuthority.Place> place = a.place(datasets.states(), resolution);
            if (place.isEmpty()
                    && (a.type() == AgoraAuthority.Type.OTHER_COUNTRY
                            || a.type() == AgoraAuthority.Type.STATE
                            || a.type() == AgoraAuthority.Type.LOCAL)) {
                LOG.warnf(
                        "%s row %d: no jurisdiction is known for '%s'; its documents get no APPLIES_IN (add the "
                                + "country to resolution/countries.yaml or the state to resolution/us-states.yaml)",
                        table.file(), a.row(), a.name());
            }
            place.ifPresent(p -> contributePlace(p, ref, origin, batch, places));
        }
    }

    private void contributePlace(
            AgoraAuthority.Place p, SourceRef ref, Origin origin, GraphBatch batch, Set<String> done) {
        if (!done.add(p.id())) {
            return;
        }
        Map<String, Object> props = new LinkedHashMap<>();
        if (p.type() != null) {
            props.put("jurisdiction_type", p.type());
        }
        if (p.isoCode() != null) {
            props.put("iso_code", p.isoCode());
        }
        List<SourceRef> refs = new ArrayList<>(List.of(ref));
        if (p.isoCode() != null && p.isoCode().startsWith("US-")) {
            refs.add(new SourceRef("iso-3166-2-us", p.isoCode() + " " + p.name(), null));
        }
        batch.contribute(new NodeRecord(Kind.JURISDICTION, p.id(), p.name(), List.of(), null, props, refs, origin));
        if (p.partOf() != null) {
            if (p.partOf().equals("us")) {
                resolution
                        .countries()
                        .find("United States")
                        .ifPresent(us -> contributePlace(
                                new AgoraAuthority.Place(us.id(), us.name(), us.isoCode(), us.jurisdictionType(), null),
                                ref,
                                origin,
                                batch,
                                done));
            } else {
                datasets.states().states().stream()
                        .filter(s -> s.id().equals(p.partOf()))
                        .findFirst()
                        .ifPresent(s -> contributePlace(AgoraAuthority.statePlace(s), ref, origin, batch, done));
            }
            batch.contribute(
                    new RelationshipRecord(RelType.PART_OF, p.id(), p.partOf(), Map.of(), List.of(ref), origin));
        }
    }

    /** The id of the organisation an authority stands for, through the organisation resolution table. */
    private Optional<String> organisationId(AgoraAuthority a) {
        return a.organisation().flatMap(o -> {
            List<Organisation> resolved = resolution.organisations().resolve(o[0]);
            return resolved.size() == 1 ? Optional.of(resolved.get(0).id()) : Optional.empty();
        });
    }

    // ---------------------------------------------------------------- collections

    private void readCollections(DataFile file, String text, GraphBatch batch, State state) {
        CsvTable table = CsvTable.read(
                        file.path(),
                        text,
                        List.of(AgoraColumns.COLLECTION_NAME, AgoraColumns.COLLECTION_DESCRIPTION),
                        CsvTable.UnknownColumns.WARN,
                        batch)
                .orElse(null);
        if (table == null) {
            return;
        }
        for (Row row : table.rows()) {
            String n = table.get(row, AgoraColumns.COLLECTION_NAME);
            if (n == null) {
                batch.error(table.error(row, AgoraColumns.COLLECTION_NAME, "is empty; every collection needs a name"));
                continue;
            }
            state.collections.add(n);
        }
    }

    // ---------------------------------------------------------------- documents

    private void readDocuments(DataFile file, String text, GraphBatch batch, State state) {
        if (!state.authoritiesRead) {
            batch.error(
                    new IngestError(
                            file.path(),
                            0,
                            null,
                            null,
                            "needs " + FOLDER + "/authorities.csv, read "
                                    + "before it (AGORA's documents name their authority; the authorities file says what each is)"));
            return;
        }
        CsvTable table = CsvTable.read(
                        file.path(), text, AgoraColumns.documentsKnown(), CsvTable.UnknownColumns.ACCEPT, batch)
                .orElse(null);
        if (table == null) {
            return;
        }
        List<Integer> themes = new ArrayList<>();
        for (int i = 0; i < table.headers().size(); i++) {
            String header = table.headers().get(i);
            if (!table.unknownColumns().contains(header)) {
                continue;
            }
            if (AgoraColumns.THEME.matcher(header).matches()) {
                themes.add(i);
            } else {
                LOG.warnf("%s: column '%s' is not known to the reader and not read", file.path(), header);
            }
        }
        String latest = null;
        for (Row row : table.rows()) {
            String d = table.get(row, STATUS_DATE);
            if (d != null && d.matches("\\d{4}-\\d{2}-\\d{2}") && (latest == null || d.compareTo(latest) > 0)) {
                latest = d;
            }
        }
        Map<Long, Integer> seen = new HashMap<>();
        Set<String> concepts = new HashSet<>();
        for (Row row : table.rows()) {
            readDocument(table, row, state, themes, latest, seen, concepts, batch);
        }
    }

    private void readDocument(
            CsvTable table,
            Row row,
            State state,
            List<Integer> themes,
            String latest,
            Map<Long, Integer> seen,
            Set<String> concepts,
            GraphBatch batch) {
        String file = fileName(table);
        String rawId = table.get(row, AGORA_ID);
        long agoraId;
        try {
            agoraId = Long.parseLong(rawId == null ? "" : rawId);
        } catch (NumberFormatException e) {
            batch.error(table.error(
                    row,
                    AGORA_ID,
                    rawId == null
                            ? "is empty; every document needs its AGORA id"
                            : "'" + rawId + "' is not a whole number"));
            return;
        }
        Integer before = seen.putIfAbsent(agoraId, row.number());
        if (before != null) {
            batch.error(table.error(row, AGORA_ID, "AGORA id " + agoraId + " is also the id of row " + before));
            return;
        }
        String official = clean(table.get(row, OFFICIAL_NAME));
        String casual = clean(table.get(row, CASUAL_NAME));
        if (official == null && casual == null) {
            batch.error(
                    table.error(row, OFFICIAL_NAME, "is empty, and so is the casual name; a document needs a name"));
            return;
        }
        String locator =
                file + " AGORA id " + agoraId; // the record's own key, not its row: a re-ordered file changes nothing
        Origin origin = new Origin(table.file(), row.line());
        InstrumentTable.Entry entry = datasets.instruments().agora(agoraId).orElse(null);
        String id = entry != null ? entry.id() : "agora-" + agoraId;

        String rawStatus = table.get(row, STATUS);
        String status = rawStatus == null ? null : STATUSES.get(rawStatus.toLowerCase(Locale.ROOT));
        if (status == null) {
            batch.error(table.error(
                    row,
                    STATUS,
                    rawStatus == null
                            ? "is empty; AGORA gives every document a status"
                            : "'" + rawStatus + "' is not a status AGORA uses (Enacted, Proposed, Defunct)"));
            return;
        }
        Object statusDate = date(table, row, STATUS_DATE, batch);
        Object proposed = date(table, row, PROPOSED_DATE, batch);
        if (statusDate == null && table.get(row, STATUS_DATE) == null) {
            batch.error(table.error(row, STATUS_DATE, "is empty; AGORA dates every document's most recent activity"));
        }
        String authorityName = table.get(row, AUTHORITY);
        AgoraAuthority authority = authorityName == null ? null : state.authorities.get(authorityName);
        if (authorityName != null && authority == null) {
            batch.error(table.error(
                    row,
                    AUTHORITY,
                    "'" + authorityName + "' is not an authority listed in " + FOLDER + "/authorities.csv"));
            return;
        }
        boolean enacted = status.equals("enacted");
        String names = (official == null ? "" : official) + " " + (casual == null ? "" : casual);
        String type = InstrumentTypes.of(authority, names, enacted);

        Map<String, Object> props = new LinkedHashMap<>();
        props.put("agora_id", agoraId);
        props.put("instrument_type", type);
        Boolean binding = InstrumentTypes.binding(type, enacted);
        if (binding != null) {
            props.put("binding", binding);
        }
        props.put("status", status);
        if (enacted && statusDate != null) {
            props.put("adopted", statusDate);
        }
        String link = table.get(row, LINK);
        if (link != null) {
            // a cell may add a note after the address ("...Bill=HB149 - wait until docx version is available"):
            // the address is the cell's first word
            String address = link.split("\\s+")[0];
            if (!address.equals(link)) {
                LOG.debugf(
                        "%s row %d: link cell has words after the address; read %s",
                        table.file(), row.number(), address);
            }
            try {
                props.put("url", PropertyType.URL.coerce(address));
            } catch (IllegalArgumentException e) {
                batch.error(table.error(row, LINK, e.getMessage()));
            }
        }
        List<String> collections = collections(table.get(row, COLLECTIONS), state.collections);
        if (!collections.isEmpty()) {
            props.put("collections", collections);
        }
        String name = official != null && official.length() <= 500 ? official : casual;
        List<String> aliases = new ArrayList<>();
        for (String n : new String[] {official, casual}) {
            if (n != null && !n.equals(name) && !aliases.contains(n)) {
                aliases.add(n);
            }
        }
        SourceRef ref = new SourceRef(SOURCE, locator, null);
        batch.contribute(new NodeRecord(Kind.REGULATION, id, name, aliases, null, props, List.of(ref), origin));

        if (authority != null) {
            SourceRef byAuthority = new SourceRef(
                    SOURCE,
                    locator + ", column " + table.header(AUTHORITY) + "; authorities.csv authority " + authority.name(),
                    null);
            organisationId(authority)
                    .ifPresent(org -> batch.contribute(new RelationshipRecord(
                            RelType.ISSUED_BY, id, org, Map.of(), List.of(byAuthority), origin)));
            if (authority.type() != AgoraAuthority.Type.COMPANIES
                    && datasets.instruments().issuer(agoraId).isPresent()) {
                batch.error(table.error(
                        row,
                        AUTHORITY,
                        "'" + authorityName + "' names the issuer already; the issuers of " + InstrumentTable.FILE
                                + " are for documents filed under Private-sector companies"));
            }
            if (authority.type() == AgoraAuthority.Type.COMPANIES) {
                // "Private-sector companies" is a class; the company is the one the document's name names, as the
                // reviewed table in resolution/instruments.yaml (issuers) says
                datasets.instruments()
                        .issuer(agoraId)
                        .ifPresent(issuer -> batch.contribute(new RelationshipRecord(
                                RelType.ISSUED_BY,
                                id,
                                issuer.organisation(),
                                Map.of(),
                                List.of(new SourceRef(
                                        SOURCE,
                                        locator
                                                + ", column " + table.header(OFFICIAL_NAME) + " (names the company: "
                                                + issuer.note()
                                                + "; " + InstrumentTable.FILE + " line " + issuer.line() + ")",
                                        official)),
                                origin)));
            }
            authority
                    .place(datasets.states(), resolution)
                    .ifPresent(p -> batch.contribute(new RelationshipRecord(
                            RelType.APPLIES_IN, id, p.id(), Map.of(), List.of(byAuthority), origin)));
        }
        for (int index : themes) {
            String value = row.value(index);
            String header = table.headers().get(index);
            if (value == null || value.equalsIgnoreCase("false")) {
                continue;
            }
            if (!value.equalsIgnoreCase("true")) {
                batch.error(table.error(row, index, "'" + value + "' is not True or False"));
                continue;
            }
            String concept = Ids.slug(header);
            if (concepts.add(concept)) {
                batch.contribute(new NodeRecord(
                        Kind.CONCEPT,
                        concept,
                        header,
                        List.of(),
                        null,
                        Map.of(),
                        List.of(new SourceRef(SOURCE, file + ", column " + header, null)),
                        origin));
            }
            batch.contribute(new RelationshipRecord(
                    RelType.ADDRESSES,
                    id,
                    concept,
                    Map.of(),
                    List.of(new SourceRef(SOURCE, locator + ", column " + header, null)),
                    origin));
        }
        String label = casual != null ? casual : name;
        if (statusDate != null) {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("event_type", "status");
            event.put("status", status);
            event.put("date", statusDate);
            event.put(
                    "description",
                    "AGORA: most recent activity " + rawStatus + " on " + statusDate
                            + (latest == null ? "" : " (AGORA's data goes up to " + latest + ")"));
            String eventId = "agora-" + agoraId + "-status";
            batch.contribute(new NodeRecord(
                    Kind.EVENT,
                    eventId,
                    trim(label + ": " + rawStatus + " (AGORA)"),
                    List.of(),
                    null,
                    event,
                    List.of(new SourceRef(
                            SOURCE,
                            locator + ", columns " + table.header(STATUS) + " and " + table.header(STATUS_DATE),
                            null)),
                    origin));
            batch.contribute(new RelationshipRecord(RelType.EVENT_OF, eventId, id, Map.of(), List.of(ref), origin));
        }
        if (proposed != null) {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("event_type", "proposed");
            event.put("date", proposed);
            event.put("description", "AGORA: proposed on " + proposed);
            String eventId = "agora-" + agoraId + "-proposed";
            batch.contribute(new NodeRecord(
                    Kind.EVENT,
                    eventId,
                    trim(label + ": proposed (AGORA)"),
                    List.of(),
                    null,
                    event,
                    List.of(new SourceRef(SOURCE, locator + ", column " + table.header(PROPOSED_DATE), null)),
                    origin));
            batch.contribute(new RelationshipRecord(RelType.EVENT_OF, eventId, id, Map.of(), List.of(ref), origin));
        }
    }

    private static String trim(String s) {
        return s.length() <= 500 ? s : s.substring(0, 497) + "...";
    }

    private static Object date(CsvTable table, Row row, CsvTable.Column column, GraphBatch batch) {
        String v = table.get(row, column);
        if (v == null) {
            return null;
        }
        try {
            return PropertyType.DATE.coerce(v);
        } catch (IllegalArgumentException e) {
            batch.error(table.error(row, column, e.getMessage()));
            return null;
        }
    }

    /** Names with their line breaks and runs of spaces made single spaces. */
    private static String clean(String s) {
        if (s == null) {
            return null;
        }
        String c = s.replaceAll("\\s+", " ").strip();
        return c.isEmpty() ? null : c;
    }

    /**
     * A document's collections (semicolon-separated). The export splits "U.S. regulations, executive orders, and
     * agency policies" at its commas in some rows; a known collection name whose comma-separated parts are all in
     * the list replaces them.
     */
    static List<String> collections(String cell, Set<String> known) {
        if (cell == null) {
            return List.of();
        }
        List<String> items = new ArrayList<>();
        for (String part : cell.split(";")) {
            if (!part.isBlank() && !items.contains(part.strip())) {
                items.add(part.strip());
            }
        }
        for (String full : known) {
            if (!full.contains(", ") || items.contains(full)) {
                continue;
            }
            List<String> parts = List.of(full.split(",\\s*"));
            if (items.containsAll(parts)) {
                int at = items.indexOf(parts.get(0));
                items.removeAll(parts);
                items.add(Math.min(at, items.size()), full);
            }
        }
        return List.copyOf(items);
    }
}
