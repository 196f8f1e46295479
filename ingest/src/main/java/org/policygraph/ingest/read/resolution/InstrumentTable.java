package org.policygraph.ingest.read.resolution;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.policygraph.ingest.IngestError;
import org.policygraph.model.Ids;
import org.policygraph.model.resolution.YamlSections;

/**
 * The instrument merge table ({@code resolution/instruments.yaml}): which documents of the datasets are the same
 * instrument, and the id that instrument has. AGORA's document 757 and the curated {@code eu-ai-act} are one node
 * because this file says so, never because their names look alike; a document listed nowhere keeps an id of its
 * own ({@code agora-1234}, {@code ca-sb-1288-2023-2024}).
 *
 * <p>Each entry: {@code id} (the instrument's id, a slug), {@code agora} (AGORA document ids), {@code legiscan}
 * (LegiScan bill ids), {@code note} (why: the names that were compared). A dataset key may be listed once.
 *
 * <p>The section {@code issuers} says which company issued an AGORA document that AGORA files under its authority
 * "Private-sector companies" (a class, not one company): {@code agora} (the document), {@code organisation} (the
 * company's id), {@code note} (the words of the document's name that name it). A document is listed once.
 */
public final class InstrumentTable {

    /** The file, relative to the data folder. */
    public static final String FILE = "resolution/instruments.yaml";

    private static final List<String> SECTIONS = List.of("instruments", "issuers");
    private static final List<String> FIELDS = List.of("id", "agora", "legiscan", "note");
    private static final List<String> ISSUER_FIELDS = List.of("agora", "organisation", "note");

    /** A company that issued an AGORA document, as the document's name says. */
    public record Issuer(long agora, String organisation, String note, int line) {}

    /** One entry: an instrument id and the dataset keys that are it. */
    public record Entry(String id, List<Long> agora, List<Long> legiscan, String note, int line) {
        public Entry {
            agora = List.copyOf(agora);
            legiscan = List.copyOf(legiscan);
        }
    }

    private final List<Entry> entries;
    private final Map<Long, Entry> byAgora = new HashMap<>();
    private final Map<Long, Entry> byLegiscan = new HashMap<>();
    private final Map<Long, Issuer> issuers = new HashMap<>();

    private InstrumentTable(List<Entry> entries) {
        this(entries, List.of());
    }

    private InstrumentTable(List<Entry> entries, List<Issuer> issuers) {
        issuers.forEach(i -> this.issuers.putIfAbsent(i.agora(), i));
        this.entries = List.copyOf(entries);
        for (Entry e : entries) {
            e.agora().forEach(a -> byAgora.putIfAbsent(a, e));
            e.legiscan().forEach(l -> byLegiscan.putIfAbsent(l, e));
        }
    }

    /** A table with no entries: nothing is merged. */
    public static InstrumentTable empty() {
        return new InstrumentTable(List.of());
    }

    /** Reads the table; problems go to {@code errors}. */
    public static InstrumentTable parse(String file, String text, List<IngestError> errors) {
        Map<String, List<YamlSections.Item>> sections =
                YamlSections.read(file, text, SECTIONS, IngestError.into(errors));
        List<Entry> entries = new ArrayList<>();
        Map<String, Integer> ids = new HashMap<>();
        Map<String, Integer> keys = new LinkedHashMap<>();
        for (YamlSections.Item item : sections.getOrDefault("instruments", List.of())) {
            if (!YamlSections.checkFields(file, item, FIELDS, IngestError.into(errors), null)) {
                continue;
            }
            String id = YamlSections.text(file, item, "id", IngestError.into(errors), null);
            if (id == null || !Ids.isSlug(id)) {
                errors.add(new IngestError(
                        file,
                        item.line(),
                        id,
                        "id",
                        id == null
                                ? "is required"
                                : "must be a slug of lower-case letters, digits and dashes, like ca-sb-53"));
                continue;
            }
            Integer before = ids.putIfAbsent(id, item.line());
            if (before != null) {
                errors.add(new IngestError(
                        file,
                        item.line(),
                        id,
                        "id",
                        "is listed twice (also on line " + before + "); list each instrument once"));
                continue;
            }
            List<Long> agora = numbers(file, item, "agora", id, errors);
            List<Long> legiscan = numbers(file, item, "legiscan", id, errors);
            if (agora.isEmpty() && legiscan.isEmpty()) {
                errors.add(new IngestError(
                        file, item.line(), id, null, "lists no dataset key; give agora or legiscan ids"));
            }
            for (Long a : agora) {
                claim(file, item.line(), id, "agora", "AGORA document " + a, keys, errors);
            }
            for (Long l : legiscan) {
                claim(file, item.line(), id, "legiscan", "LegiScan bill " + l, keys, errors);
            }
            entries.add(new Entry(
                    id,
                    agora,
                    legiscan,
                    YamlSections.text(file, item, "note", IngestError.into(errors), id),
                    item.line()));
        }
        List<Issuer> issuers = new ArrayList<>();
        Map<Long, Integer> issued = new HashMap<>();
        for (YamlSections.Item item : sections.getOrDefault("issuers", List.of())) {
            if (!YamlSections.checkFields(file, item, ISSUER_FIELDS, IngestError.into(errors), null)) {
                continue;
            }
            List<Long> agora = numbers(file, item, "agora", null, errors);
            String organisation = YamlSections.text(file, item, "organisation", IngestError.into(errors), null);
            String record = agora.isEmpty() ? null : "AGORA document " + agora.get(0);
            if (agora.size() != 1) {
                errors.add(new IngestError(file, item.line(), record, "agora", "must be one AGORA document id"));
                continue;
            }
            if (organisation == null || !Ids.isSlug(organisation)) {
                errors.add(new IngestError(
                        file,
                        item.line(),
                        record,
                        "organisation",
                        organisation == null
                                ? "is required"
                                : "must be an organisation id, a slug like google-deepmind"));
                continue;
            }
            Integer before = issued.putIfAbsent(agora.get(0), item.line());
            if (before != null) {
                errors.add(new IngestError(
                        file,
                        item.line(),
                        record,
                        "agora",
                        "is also listed on line " + before + "; a document has one issuer here"));
                continue;
            }
            issuers.add(new Issuer(
                    agora.get(0),
                    organisation,
                    YamlSections.text(file, item, "note", IngestError.into(errors), record),
                    item.line()));
        }
        return new InstrumentTable(entries, issuers);
    }

    private static void claim(
            String file,
            int line,
            String id,
            String field,
            String key,
            Map<String, Integer> keys,
            List<IngestError> errors) {
        Integer before = keys.putIfAbsent(key, line);
        if (before != null) {
            errors.add(new IngestError(
                    file,
                    line,
                    id,
                    field,
                    key + " is also listed on line " + before + "; a dataset document is one instrument"));
        }
    }

    private static List<Long> numbers(
            String file, YamlSections.Item item, String field, String id, List<IngestError> errors) {
        JsonNode value = item.node().get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        List<JsonNode> values = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(values::add);
        } else {
            values.add(value);
        }
        List<Long> out = new ArrayList<>();
        for (JsonNode v : values) {
            if (v.canConvertToLong() && v.isIntegralNumber() && v.asLong() > 0) {
                out.add(v.asLong());
            } else {
                errors.add(new IngestError(
                        file,
                        item.line(),
                        id,
                        field,
                        "must be a positive whole number or a list of them, not '" + v.asText() + "'"));
            }
        }
        return out;
    }

    /** The entry listing an AGORA document. */
    public Optional<Entry> agora(long agoraId) {
        return Optional.ofNullable(byAgora.get(agoraId));
    }

    /** The company that issued an AGORA document filed under "Private-sector companies", if the table says. */
    public Optional<Issuer> issuer(long agoraId) {
        return Optional.ofNullable(issuers.get(agoraId));
    }

    /** The entry listing a LegiScan bill. */
    public Optional<Entry> legiscan(long billId) {
        return Optional.ofNullable(byLegiscan.get(billId));
    }

    public List<Entry> entries() {
        return entries;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InstrumentTable t
                && t.entries.stream()
                        .map(InstrumentTable::key)
                        .toList()
                        .equals(entries.stream().map(InstrumentTable::key).toList())
                && t.issuerKeys().equals(issuerKeys());
    }

    private static String key(Entry e) {
        return e.id() + e.agora() + e.legiscan();
    }

    private List<String> issuerKeys() {
        return issuers.values().stream()
                .map(i -> i.agora() + "=" + i.organisation())
                .sorted()
                .toList();
    }

    @Override
    public int hashCode() {
        return Objects.hash(entries.stream().map(InstrumentTable::key).toList(), issuerKeys());
    }

    @Override
    public String toString() {
        return "InstrumentTable[" + entries.size() + " instruments]";
    }
}
