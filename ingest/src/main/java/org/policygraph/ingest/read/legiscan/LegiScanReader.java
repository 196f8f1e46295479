package org.policygraph.ingest.read.legiscan;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.policygraph.ingest.IngestError;
import org.policygraph.ingest.read.DataFile;
import org.policygraph.ingest.read.DataText;
import org.policygraph.ingest.read.FileReader;
import org.policygraph.ingest.read.GraphBatch;
import org.policygraph.ingest.read.resolution.DatasetResolution;
import org.policygraph.ingest.read.resolution.InstrumentTable;
import org.policygraph.ingest.read.resolution.Resolution;
import org.policygraph.ingest.read.resolution.UsStateTable;
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
 * Reads LegiScan's bill JSON ({@code ca-ai-bills-legiscan/aiBills.json}: {@code {session: {billNumber: getBill
 * object}}}). Everything read cites the source {@value #SOURCE} with the JSON path of what it relies on
 * ({@code aiBills.json $['2023-2024']['SB1047'].history[35]}); errors name the file, the line where the bill
 * starts, the path and the field.
 *
 * <ul>
 *   <li>each bill a Regulation: id from {@code resolution/instruments.yaml}, else
 *       {@code ca-sb-1288-2023-2024} (state, bill number, session years); name = title, aliases = the bill number
 *       ("SB 1047", "California SB 1047"), summary = LegiScan's description (the act's long title);
 *       instrument_type {@code bill}, {@code statute} once chaptered, {@code resolution} for resolutions;
 *       binding for a chaptered bill; legiscan_id, bill_number, session, url, status, adopted (the date the
 *       Governor approved it); APPLIES_IN the state, ISSUED_BY its legislature;</li>
 *   <li>each action of its history an Event (event_type introduced, amended, referred, committee, passed-senate,
 *       passed-assembly, concurrence, enrolled, approved, chaptered, vetoed, died, withdrawn or action; date; chamber;
 *       description = the action's text; sequence) EVENT_OF the bill;</li>
 *   <li>its status as LegiScan gives it on its status date, an Event of event_type {@code status};</li>
 *   <li>its sponsors: a Person (or, for a committee, an Organisation) SPONSORED the bill, role author (LegiScan's
 *       sponsor type 1), coauthor (2) or sponsor.</li>
 * </ul>
 *
 * <p>{@code aiBillList.json} (the per-session search list the bill file was pulled from) is accepted and not read.
 */
public final class LegiScanReader implements FileReader {

    public static final String FOLDER = "ca-ai-bills-legiscan";
    public static final String SOURCE = "legiscan-ca-ai-bills";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** LegiScan's bill status codes (its API's getBill "status"), as PolicyGraph's status words. */
    static final Map<Integer, String> STATUSES =
            Map.of(1, "proposed", 2, "engrossed", 3, "enrolled", 4, "enacted", 5, "vetoed", 6, "failed");

    static final Map<Integer, String> STATUS_WORDS =
            Map.of(1, "Introduced", 2, "Engrossed", 3, "Enrolled", 4, "Passed", 5, "Vetoed", 6, "Failed");

    private final Resolution resolution;
    private final DatasetResolution datasets;

    public LegiScanReader(Resolution resolution, DatasetResolution datasets) {
        this.resolution = resolution;
        this.datasets = datasets;
    }

    public LegiScanReader(DatasetResolution datasets) {
        this(Resolution.builtIn(), datasets);
    }

    @Override
    public boolean accepts(DataFile file) {
        return FOLDER.equals(file.folder());
    }

    @Override
    public void read(DataFile file, GraphBatch batch) {
        String name = file.path().substring(FOLDER.length() + 1);
        if (name.equals("aiBillList.json") || name.equals("LICENSE")) {
            return;
        }
        if (!name.endsWith(".json")) {
            batch.error(new IngestError(
                    file.path(),
                    0,
                    null,
                    null,
                    "is not a LegiScan bill file: the " + FOLDER
                            + "/ folder holds JSON of LegiScan getBill objects keyed by session and bill number"));
            return;
        }
        if (!datasets.usable(batch) || !resolution.usable(batch)) {
            return;
        }
        String text = DataText.utf8(file, batch).orElse(null);
        if (text == null) {
            return;
        }
        List<Bill> bills = new ArrayList<>();
        try (JsonParser parser = new JsonFactory(MAPPER).createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                batch.error(new IngestError(
                        file.path(), 1, null, null, "must be a JSON object of sessions, each an object of bills"));
                return;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String session = parser.currentName();
                int sessionLine = parser.currentTokenLocation().getLineNr();
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    batch.error(new IngestError(
                            file.path(),
                            sessionLine,
                            "$['" + session + "']",
                            null,
                            "must be an object of bills keyed by bill number"));
                    parser.skipChildren();
                    continue;
                }
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    parser.nextToken();
                    int line = parser.currentTokenLocation().getLineNr();
                    JsonNode bill = MAPPER.readTree(parser);
                    bills.add(new Bill(session, key, line, bill));
                }
            }
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            batch.error(new IngestError(
                    file.path(),
                    line,
                    null,
                    null,
                    "is not valid JSON: " + e.getOriginalMessage() + "; the file may be cut short"));
            return;
        } catch (IOException e) {
            batch.error(new IngestError(file.path(), 0, null, null, "cannot be read: " + e.getMessage()));
            return;
        }
        if (bills.isEmpty()) {
            // like a CSV file with a header and no rows: refused unless removals are accepted
            batch.emptyDataset(new IngestError(
                    file.path(),
                    1,
                    "$",
                    null,
                    "has no bills: it gives nothing, so loading it would take away what its source gave before"));
            return;
        }
        String latest = null;
        for (Bill b : bills) {
            for (JsonNode h : b.node().path("history")) {
                String d = h.path("date").asText("");
                if (d.matches("\\d{4}-\\d{2}-\\d{2}") && (latest == null || d.compareTo(latest) > 0)) {
                    latest = d;
                }
            }
        }
        Map<Long, String> seen = new HashMap<>();
        for (Bill b : bills) {
            new BillRead(file, b, batch, latest).run(seen);
        }
    }

    record Bill(String session, String key, int line, JsonNode node) {
        String path() {
            return "$['" + session + "']['" + key + "']";
        }
    }

    /** The reading of one bill. */
    private final class BillRead {
        private final DataFile file;
        private final Bill bill;
        private final GraphBatch batch;
        private final String latest;
        private final String fileName;
        private final Origin origin;
        private boolean failed;

        BillRead(DataFile file, Bill bill, GraphBatch batch, String latest) {
            this.file = file;
            this.bill = bill;
            this.batch = batch;
            this.latest = latest;
            this.fileName = file.path().substring(file.path().lastIndexOf('/') + 1);
            this.origin = new Origin(file.path(), bill.line());
        }

        private void error(String field, String message) {
            batch.error(new IngestError(file.path(), bill.line(), bill.path(), field, message));
            failed = true;
        }

        private SourceRef ref(String path) {
            return new SourceRef(SOURCE, fileName + " " + bill.path() + path, null);
        }

        private String text(JsonNode node, String field, boolean required) {
            JsonNode v = node.get(field);
            if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
                if (required) {
                    error(field, "is missing; LegiScan gives every bill one");
                }
                return null;
            }
            if (!v.isValueNode()) {
                error(field, "must be text");
                return null;
            }
            return v.asText().strip();
        }

        private Object date(String value, String field) {
            try {
                return PropertyType.DATE.coerce(value);
            } catch (IllegalArgumentException e) {
                error(field, e.getMessage());
                return null;
            }
        }

        void run(Map<Long, String> seen) {
            JsonNode b = bill.node();
            if (!b.isObject()) {
                error(null, "must be a LegiScan bill object");
                return;
            }
            JsonNode idNode = b.get("bill_id");
            if (idNode == null || !idNode.canConvertToLong() || !idNode.isIntegralNumber()) {
                error("bill_id", idNode == null ? "is missing" : "'" + idNode.asText() + "' is not a whole number");
                return;
            }
            long billId = idNode.asLong();
            String before = seen.putIfAbsent(billId, bill.path());
            if (before != null) {
                error("bill_id", billId + " is also the bill id of " + before);
                return;
            }
            String number = text(b, "bill_number", true);
            String title = text(b, "title", true);
            String stateCode = text(b, "state", true);
            String url = text(b, "url", false);
            String description = text(b, "description", false);
            String billType = text(b, "bill_type", false);
            JsonNode statusNode = b.get("status");
            String status = statusNode != null && statusNode.isInt() ? STATUSES.get(statusNode.asInt()) : null;
            if (status == null) {
                error(
                        "status",
                        "'" + (statusNode == null ? "" : statusNode.asText())
                                + "' is not a LegiScan status code (1 Introduced to 6 Failed)");
            }
            String statusDateText = text(b, "status_date", true);
            Object statusDate = statusDateText == null ? null : date(statusDateText, "status_date");
            JsonNode session = b.path("session");
            String sessionName = session.path("session_name").asText("").strip();
            int yearStart = session.path("year_start").asInt(0);
            int yearEnd = session.path("year_end").asInt(0);
            if (sessionName.isEmpty() || yearStart == 0 || yearEnd == 0) {
                error("session", "must give session_name, year_start and year_end");
            }
            UsStateTable.State state = stateCode == null
                    ? null
                    : datasets.states().byPostal(stateCode).orElse(null);
            if (stateCode != null && state == null) {
                error("state", "'" + stateCode + "' is not a US state in resolution/us-states.yaml");
            }
            JsonNode history = b.get("history");
            if (history == null || !history.isArray()) {
                error("history", "must be a list of actions");
            }
            JsonNode sponsors = b.path("sponsors");
            if (!sponsors.isMissingNode() && !sponsors.isArray()) {
                error("sponsors", "must be a list");
            }
            if (failed) {
                return;
            }
            String display = number.replaceFirst("^([A-Z]+)(\\d+)$", "$1 $2");
            InstrumentTable.Entry entry =
                    datasets.instruments().legiscan(billId).orElse(null);
            String id = entry != null
                    ? entry.id()
                    : state.postal().toLowerCase(Locale.ROOT) + "-" + Ids.slug(display) + "-" + yearStart + "-"
                            + yearEnd;

            boolean chaptered = false;
            Object approved = null;
            List<Object[]> actions = new ArrayList<>();
            for (int i = 0; i < history.size(); i++) {
                JsonNode h = history.get(i);
                String action = h.path("action").asText("").strip();
                String d = h.path("date").asText("").strip();
                if (action.isEmpty() || d.isEmpty()) {
                    error("history[" + i + "]", "an action needs a date and an action text");
                    continue;
                }
                Object date = date(d, "history[" + i + "].date");
                String type = eventType(action, h.path("chamber").asText(""));
                if (type.equals("chaptered")) {
                    chaptered = true;
                }
                if (type.equals("approved") && approved == null) {
                    approved = date;
                }
                actions.add(new Object[] {
                    i, date, type, action, chamber(h.path("chamber").asText(""))
                });
            }
            if (failed) {
                return;
            }
            boolean isBill = billType == null || billType.equals("B");
            String instrumentType = !isBill ? "resolution" : chaptered || "enacted".equals(status) ? "statute" : "bill";
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("legiscan_id", billId);
            props.put("bill_number", display);
            props.put("session", sessionName);
            props.put("instrument_type", instrumentType);
            props.put("status", status);
            if (instrumentType.equals("statute")) {
                props.put("binding", Boolean.TRUE);
            }
            if (approved != null) {
                props.put("adopted", approved);
            }
            if (url != null) {
                try {
                    props.put("url", PropertyType.URL.coerce(url));
                } catch (IllegalArgumentException e) {
                    error("url", e.getMessage());
                    return;
                }
            }
            String name = title.replaceFirst("\\.$", "");
            List<String> aliases = new ArrayList<>(List.of(display, state.name() + " " + display));
            if (!number.equals(display)) {
                aliases.add(number);
            }
            batch.contribute(new NodeRecord(
                    Kind.REGULATION,
                    id,
                    name,
                    aliases,
                    description != null && description.length() <= 2000 ? description : null,
                    props,
                    List.of(ref("")),
                    origin));

            contributeState(state);
            batch.contribute(new RelationshipRecord(
                    RelType.APPLIES_IN, id, state.id(), Map.of(), List.of(ref(".state")), origin));
            String legislatureName = state.name() + " Legislature";
            List<Organisation> legislature = resolution.organisations().resolve(legislatureName);
            if (legislature.size() == 1) {
                String org = legislature.get(0).id();
                batch.contribute(new NodeRecord(
                        Kind.ORGANISATION,
                        org,
                        legislatureName,
                        List.of(),
                        null,
                        Map.of("org_type", "legislature"),
                        List.of(ref(".body")),
                        origin));
                batch.contribute(
                        new RelationshipRecord(RelType.ISSUED_BY, id, org, Map.of(), List.of(ref(".body")), origin));
            }

            String label = state.postal() + " " + display + " (" + yearStart + "-" + yearEnd + ")";
            for (Object[] a : actions) {
                int i = (int) a[0];
                Map<String, Object> ev = new LinkedHashMap<>();
                ev.put("date", a[1]);
                ev.put("event_type", a[2]);
                if (a[4] != null) {
                    ev.put("chamber", a[4]);
                }
                ev.put("description", a[3]);
                ev.put("sequence", (long) (i + 1));
                String eventId = "legiscan-" + billId + "-" + (i + 1);
                String action = (String) a[3];
                batch.contribute(new NodeRecord(
                        Kind.EVENT,
                        eventId,
                        label + ": " + (action.length() > 120 ? action.substring(0, 117) + "..." : action),
                        List.of(),
                        null,
                        ev,
                        List.of(ref(".history[" + i + "]")),
                        origin));
                batch.contribute(new RelationshipRecord(
                        RelType.EVENT_OF, eventId, id, Map.of(), List.of(ref(".history[" + i + "]")), origin));
            }
            if (statusDate != null) {
                Map<String, Object> ev = new LinkedHashMap<>();
                ev.put("event_type", "status");
                ev.put("status", status);
                ev.put("date", statusDate);
                ev.put(
                        "description",
                        "LegiScan: status " + statusNode.asInt() + " ("
                                + STATUS_WORDS.get(statusNode.asInt()) + ") on " + statusDate
                                + (latest == null ? "" : " (LegiScan's data here goes up to " + latest + ")"));
                String eventId = "legiscan-" + billId + "-status";
                batch.contribute(new NodeRecord(
                        Kind.EVENT,
                        eventId,
                        label + ": " + STATUS_WORDS.get(statusNode.asInt()) + " (LegiScan)",
                        List.of(),
                        null,
                        ev,
                        List.of(ref(".status")),
                        origin));
                batch.contribute(new RelationshipRecord(
                        RelType.EVENT_OF, eventId, id, Map.of(), List.of(ref(".status")), origin));
            }
            for (int i = 0; i < sponsors.size(); i++) {
                JsonNode s = sponsors.get(i);
                String who = s.path("name").asText("").strip();
                if (who.isEmpty()) {
                    error("sponsors[" + i + "].name", "is empty");
                    continue;
                }
                String sid = Ids.slug(who);
                if (sid.isEmpty()) {
                    error("sponsors[" + i + "].name", "'" + who + "' has no letters or digits to make an id of");
                    continue;
                }
                boolean committee = s.path("committee_sponsor").asInt(0) == 1;
                int type = s.path("sponsor_type_id").asInt(0);
                String role = type == 1 ? "author" : type == 2 ? "coauthor" : "sponsor";
                SourceRef sref = ref(".sponsors[" + i + "]");
                batch.contribute(new NodeRecord(
                        committee ? Kind.ORGANISATION : Kind.PERSON,
                        sid,
                        who,
                        List.of(),
                        null,
                        committee ? Map.of("org_type", "legislature") : Map.of(),
                        List.of(sref),
                        origin));
                Map<String, Object> rel = new LinkedHashMap<>();
                rel.put("role", role);
                String party = s.path("party").asText("");
                String district = s.path("district").asText("");
                String office = s.path("role").asText("");
                String note = String.join(
                        ", ",
                        java.util.stream.Stream.of(office, party, district)
                                .filter(x -> !x.isBlank())
                                .toList());
                if (!note.isEmpty()) {
                    rel.put("note", note);
                }
                batch.contribute(new RelationshipRecord(RelType.SPONSORED, sid, id, rel, List.of(sref), origin));
            }
        }

        private void contributeState(UsStateTable.State state) {
            resolution.countries().find("United States").ifPresent(us -> {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("iso_code", us.isoCode());
                if (us.jurisdictionType() != null) {
                    p.put("jurisdiction_type", us.jurisdictionType());
                }
                batch.contribute(new NodeRecord(
                        Kind.JURISDICTION, us.id(), us.name(), List.of(), null, p, List.of(ref(".state")), origin));
                batch.contribute(new RelationshipRecord(
                        RelType.PART_OF,
                        state.id(),
                        us.id(),
                        Map.of(),
                        List.of(new SourceRef("iso-3166-2-us", state.isoCode() + " " + state.name(), null)),
                        origin));
            });
            batch.contribute(new NodeRecord(
                    Kind.JURISDICTION,
                    state.id(),
                    state.name(),
                    List.of(),
                    null,
                    Map.of("iso_code", state.isoCode(), "jurisdiction_type", state.jurisdictionType()),
                    List.of(ref(".state"), new SourceRef("iso-3166-2-us", state.isoCode() + " " + state.name(), null)),
                    origin));
        }
    }

    /** The chamber's name from LegiScan's code. */
    static String chamber(String code) {
        return switch (code) {
            case "S" -> "Senate";
            case "A", "H" -> "Assembly";
            default -> null;
        };
    }

    /** What kind of step a history action is, from its text. */
    static String eventType(String action, String chamber) {
        String a = action.toLowerCase(Locale.ROOT);
        if (a.startsWith("introduced")) {
            return "introduced";
        }
        if (a.contains("vetoed")) {
            return "vetoed";
        }
        if (a.startsWith("chaptered")) {
            return "chaptered";
        }
        if (a.startsWith("approved by the governor") || a.startsWith("approved by governor")) {
            return "approved";
        }
        if (a.startsWith("enrolled")) {
            return "enrolled";
        }
        if (a.contains("amendments concurred in")) {
            return "concurrence";
        }
        if ((a.contains("read third time") && a.contains("passed")) || a.startsWith("adopted and to")) {
            return "S".equals(chamber) ? "passed-senate" : "A".equals(chamber) ? "passed-assembly" : "passed";
        }
        if (a.startsWith("died") || a.contains(" died ")) {
            return "died";
        }
        if (a.contains("withdrawn")) {
            return "withdrawn";
        }
        if (a.contains("amended")) {
            return "amended";
        }
        if (a.startsWith("referred") || a.startsWith("re-referred")) {
            return "referred";
        }
        if (a.startsWith("from committee")) {
            return "committee";
        }
        return "action";
    }
}
