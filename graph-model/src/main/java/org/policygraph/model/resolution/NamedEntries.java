package org.policygraph.model.resolution;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.policygraph.model.Ids;

/**
 * What the organisation and the country tables share while one of their files is read: entries with an id, a name
 * and aliases, read with the same checks; spellings (names and aliases, {@linkplain Names#fold folded}) of which
 * each may resolve to one entry only; and sections that list bare names (individuals, not countries).
 */
final class NamedEntries {

    /** An entry as read, its id a slug and its name given. */
    record Entry(YamlSections.Item item, String id, String name, List<String> aliases) {

        int line() {
            return item.line();
        }

        /** Its name, then its aliases. */
        List<String> spellings() {
            List<String> all = new ArrayList<>(List.of(name));
            all.addAll(aliases);
            return all;
        }
    }

    /** A name a section lists, with its line. */
    record Name(int line, String name) {}

    private final String file;
    private final Problems problems;
    private final Map<String, Integer> idLines = new HashMap<>();
    private final Map<String, String> claimed = new HashMap<>();
    private final Map<String, Integer> claimedLines = new HashMap<>();

    /** For reading {@code file}; problems go to {@code problems}. */
    NamedEntries(String file, Problems problems) {
        this.file = file;
        this.problems = problems;
    }

    /**
     * Reads an entry's id, name and aliases (the other fields stay in {@code item} for the table to read), and
     * claims its spellings for its id.
     *
     * @param fields    the fields an entry may have
     * @param slugHint  what the id should look like, in the error for an id that is not a slug (after "must be a
     *                  slug")
     * @param twiceHint what to do, in the error for an id listed twice
     * @return the entry, or null when it has no id, an id that is not a slug or listed before, or no name (each an
     *         error; an unknown field is an error too, but the entry is still read)
     */
    Entry read(YamlSections.Item item, List<String> fields, String slugHint, String twiceHint) {
        if (!YamlSections.checkFields(file, item, fields, problems, null)) {
            return null;
        }
        String id = YamlSections.text(file, item, "id", problems, null);
        String record = id == null ? "(no id)" : id;
        String name = YamlSections.text(file, item, "name", problems, record);
        List<String> aliases = YamlSections.texts(file, item, "aliases", problems, record);
        if (id == null || !Ids.isSlug(id)) {
            problems.add(file, item.line(), record, "id", id == null ? "is required" : "must be a slug" + slugHint);
            return null;
        }
        if (name == null) {
            problems.add(file, item.line(), id, "name", "is required");
            return null;
        }
        Integer before = idLines.putIfAbsent(id, item.line());
        if (before != null) {
            problems.add(file, item.line(), id, "id", "is listed twice (also on line " + before + "); " + twiceHint);
            return null;
        }
        Entry entry = new Entry(item, id, name, aliases);
        for (String spelling : entry.spellings()) {
            claim(item.line(), id, spelling, id);
        }
        return entry;
    }

    /** Whether an entry with this id was read. */
    boolean has(String id) {
        return idLines.containsKey(id);
    }

    /**
     * The names a section lists (a list of texts), each claimed for {@code owner}: a name that is not text is an
     * error, and so is a name spelt like another entry's.
     */
    List<Name> names(List<YamlSections.Item> items, String section, String owner) {
        List<Name> names = new ArrayList<>();
        for (YamlSections.Item item : items) {
            if (!item.node().isTextual() || item.node().asText().isBlank()) {
                problems.add(file, item.line(), null, section, "must be a list of names");
                continue;
            }
            String name = item.node().asText().strip();
            claim(item.line(), name, name, owner);
            names.add(new Name(item.line(), name));
        }
        return names;
    }

    /**
     * Claims a spelling for an owner (an entry's id, or what else it is: "joint name", "individual"); a spelling
     * with no letters or digits, or claimed by another owner before, is an error.
     */
    void claim(int line, String record, String spelling, String owner) {
        String key = Names.fold(spelling);
        if (key.isEmpty()) {
            problems.add(
                    file, line, record, null, "'" + spelling + "' has no letters or digits, so no name can match it");
            return;
        }
        String before = claimed.putIfAbsent(key, owner);
        if (before != null && !before.equals(owner)) {
            problems.add(
                    file,
                    line,
                    record,
                    null,
                    "'" + spelling + "' is spelt like a name of " + before + " on line " + claimedLines.get(key)
                            + "; a spelling may resolve to one entry only");
        } else {
            claimedLines.putIfAbsent(key, line);
        }
    }

    /** Indexes a value under its name's and aliases' folded spellings; the first value indexed under one wins. */
    static <T> void index(Map<String, T> byFold, T value, String name, List<String> aliases) {
        byFold.putIfAbsent(Names.fold(name), value);
        aliases.forEach(a -> byFold.putIfAbsent(Names.fold(a), value));
    }
}
