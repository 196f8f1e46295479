package org.policygraph.web.instrument;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.policygraph.model.Kind;
import org.policygraph.web.ref.EntityRef;

/**
 * Instruments that are likely the same but that no entry of {@code resolution/instruments.yaml} merges: two
 * regulation nodes with the same normalised name or alias (case, accents, spaces and punctuation ignored), or with
 * the same bill number ("SB 1288", read from the bill_number or from a name such as "California SB 1288 (2024)")
 * in the same jurisdiction, unless both are LegiScan bills of different sessions (bill numbers restart each
 * session).
 */
public final class LikelyDuplicates {

    private static final Pattern BILL = Pattern.compile(
            "\\b(AB|SB|HB|SF|HF|SCR|ACR|SJR|AJR|HJR|HCR|Assembly Bill|Senate Bill|House Bill)\\s?-?(\\d{1,5})\\b");

    private static final String INSTRUMENTS = """
            MATCH (n:Regulation)
            RETURN n.id AS id, n.name AS name, coalesce(n.aliases, []) AS aliases, n.bill_number AS bill,
                   n.session AS session, n.legiscan_id IS NOT NULL AS legiscan,
                   [(n)-[:APPLIES_IN]->(j) | j.id] AS places
            ORDER BY n.id
            """;

    /** A group of nodes that are likely one instrument, and why. */
    public record Group(String key, String reason, List<EntityRef> nodes) {}

    private record Instrument(
            EntityRef ref, List<String> names, String bill, String session, boolean legiscan, List<String> places) {}

    private LikelyDuplicates() {}

    /** The groups, by name first, then by bill number. */
    public static List<Group> find(TransactionContext tx) {
        List<Instrument> all = new ArrayList<>();
        tx.run(INSTRUMENTS).forEachRemaining(r -> {
            List<String> names = new ArrayList<>();
            names.add(r.get("name").asString(""));
            names.addAll(r.get("aliases")
                    .asList(v -> v.asObject() == null ? "" : v.asObject().toString()));
            all.add(new Instrument(
                    new EntityRef(
                            r.get("id").asString(),
                            Kind.REGULATION,
                            r.get("name").asString()),
                    names,
                    r.get("bill").asString(null),
                    r.get("session").asString(null),
                    r.get("legiscan").asBoolean(),
                    r.get("places").asList(Value::asString)));
        });
        List<Group> groups = new ArrayList<>();
        Map<String, Set<Instrument>> byName = new TreeMap<>();
        Map<String, String> spelling = new LinkedHashMap<>();
        for (Instrument i : all) {
            for (String n : i.names()) {
                String key = fold(n);
                if (key.length() >= 8) {
                    byName.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(i);
                    spelling.putIfAbsent(key, n);
                }
            }
        }
        Set<Set<String>> seen = new java.util.HashSet<>();
        byName.forEach((key, set) -> {
            Set<String> ids = new java.util.TreeSet<>();
            set.forEach(i -> ids.add(i.ref().id()));
            if (set.size() > 1 && !differentSessions(set) && seen.add(ids)) {
                groups.add(new Group(
                        spelling.get(key),
                        set.size() + " instruments have this name or alias; if they "
                                + "are one instrument, list their dataset ids under one id in resolution/instruments.yaml.",
                        set.stream().map(Instrument::ref).toList()));
            }
        });
        Map<String, Set<Instrument>> byBill = new TreeMap<>();
        for (Instrument i : all) {
            Set<String> bills = new LinkedHashSet<>();
            if (i.bill() != null) {
                bills.add(billKey(i.bill()));
            }
            for (String n : i.names()) {
                Matcher m = BILL.matcher(n);
                while (m.find()) {
                    bills.add(billKey(m.group(1) + " " + m.group(2)));
                }
            }
            for (String b : bills) {
                for (String place : i.places()) {
                    byBill.computeIfAbsent(place + " " + b, k -> new LinkedHashSet<>())
                            .add(i);
                }
            }
        }
        byBill.forEach((key, set) -> {
            Set<String> ids = new java.util.TreeSet<>();
            set.forEach(i -> ids.add(i.ref().id()));
            if (set.size() > 1 && !differentSessions(set) && seen.add(ids)) {
                String[] parts = key.split(" ", 2);
                groups.add(new Group(
                        parts[1] + " (" + parts[0] + ")",
                        set.size() + " instruments of this "
                                + "jurisdiction carry this bill number; if they are one bill, list their dataset ids under one "
                                + "id in resolution/instruments.yaml.",
                        set.stream().map(Instrument::ref).toList()));
            }
        });
        return groups;
    }

    /** Whether the group's LegiScan bills come from at least two sessions, and nothing else is in it. */
    private static boolean differentSessions(Set<?> group) {
        Set<String> sessions = new LinkedHashSet<>();
        for (Object o : group) {
            Instrument i = (Instrument) o;
            if (!i.legiscan() || i.session() == null) {
                return false;
            }
            sessions.add(i.session());
        }
        return sessions.size() == group.size();
    }

    private static String billKey(String bill) {
        String b = bill.toUpperCase(Locale.ROOT)
                .replace("ASSEMBLY BILL", "AB")
                .replace("SENATE BILL", "SB")
                .replace("HOUSE BILL", "HB");
        return b.replaceAll("[^A-Z0-9]+", " ")
                .replaceAll("([A-Z])\\s?(\\d)", "$1 $2")
                .strip();
    }

    static String fold(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "");
    }
}
