package org.policygraph.ingest.read.aiid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.policygraph.data.DefaultData;
import org.policygraph.ingest.IngestError;
import org.policygraph.model.Ids;

/**
 * The table that decides what an AIID entity slug is ({@code resolution/aiid-entities.yaml}): an organisation of
 * PolicyGraph, a person, a group of actors, by explicit lists and by patterns. The rules and their order are
 * written at the top of the file; {@link AiidReader} applies them.
 */
public final class AiidEntities {

    /** The file, relative to the data folder. */
    public static final String FILE = "resolution/aiid-entities.yaml";

    private static final List<String> SECTIONS =
            List.of("organisations", "models", "people", "groups", "group_patterns", "organisation_patterns");
    private static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory());

    /** A rule matching a slug by its start, its end, a part or the whole; each list may be empty. */
    record Pattern(
            List<String> prefix, List<String> suffix, List<String> contains, List<String> equals, String groupType) {

        boolean matches(String slug) {
            return (prefix.isEmpty() || prefix.stream().anyMatch(slug::startsWith))
                    && (suffix.isEmpty() || suffix.stream().anyMatch(slug::endsWith))
                    && (contains.isEmpty() || contains.stream().anyMatch(slug::contains))
                    && (equals.isEmpty() || equals.contains(slug));
        }
    }

    private final Map<String, String> organisations;
    private final Map<String, String> people;
    private final Map<String, String> models;
    private final Map<String, String> groups;
    private final List<Pattern> groupPatterns;
    private final List<Pattern> organisationPatterns;
    private final List<IngestError> problems;

    private AiidEntities(
            Map<String, String> organisations,
            Map<String, String> models,
            Map<String, String> people,
            Map<String, String> groups,
            List<Pattern> groupPatterns,
            List<Pattern> organisationPatterns,
            List<IngestError> problems) {
        this.organisations = organisations;
        this.models = models;
        this.people = people;
        this.groups = groups;
        this.groupPatterns = groupPatterns;
        this.organisationPatterns = organisationPatterns;
        this.problems = List.copyOf(problems);
    }

    /** The table shipped in the default data. */
    public static AiidEntities builtIn() {
        byte[] bytes;
        try {
            bytes = DefaultData.read(FILE);
        } catch (RuntimeException e) {
            return parse(
                    FILE,
                    "",
                    List.of(new IngestError(
                            FILE, 0, null, null, "is missing from the default data: " + e.getMessage())));
        }
        return parse(FILE, new String(bytes, StandardCharsets.UTF_8), List.of());
    }

    /** A table with no entries (every developer or deployer slug an organisation, every harmed slug a group). */
    public static AiidEntities empty() {
        return new AiidEntities(Map.of(), Map.of(), Map.of(), Map.of(), List.of(), List.of(), List.of());
    }

    /** Reads the table; problems are kept, see {@link #problems()}. */
    public static AiidEntities parse(String file, String text, List<IngestError> earlier) {
        List<IngestError> problems = new ArrayList<>(earlier);
        Map<String, String> organisations = new LinkedHashMap<>();
        Map<String, String> people = new LinkedHashMap<>();
        Map<String, String> models = new LinkedHashMap<>();
        Map<String, String> groups = new LinkedHashMap<>();
        List<Pattern> groupPatterns = new ArrayList<>();
        List<Pattern> organisationPatterns = new ArrayList<>();
        JsonNode root;
        try {
            root = text.isBlank() ? MAPPER.createObjectNode() : MAPPER.readTree(text);
        } catch (Exception e) {
            problems.add(new IngestError(file, 0, null, null, "is not valid YAML: " + e.getMessage()));
            return new AiidEntities(
                    organisations, models, people, groups, groupPatterns, organisationPatterns, problems);
        }
        if (!root.isObject()) {
            problems.add(new IngestError(
                    file, 1, null, null, "must be a mapping with the sections " + String.join(", ", SECTIONS)));
            return new AiidEntities(
                    organisations, models, people, groups, groupPatterns, organisationPatterns, problems);
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String section = it.next();
            if (!SECTIONS.contains(section)) {
                problems.add(new IngestError(
                        file,
                        lineOf(text, section + ":"),
                        null,
                        section,
                        "is not a section of this file; allowed: " + String.join(", ", SECTIONS)));
            }
        }
        readMap(file, text, root, "organisations", organisations, true, problems);
        readMap(file, text, root, "models", models, true, problems);
        readMap(file, text, root, "people", people, true, problems);
        readMap(file, text, root, "groups", groups, false, problems);
        readPatterns(file, text, root, "group_patterns", groupPatterns, true, problems);
        readPatterns(file, text, root, "organisation_patterns", organisationPatterns, false, problems);
        for (String slug : organisations.keySet()) {
            for (Map<String, String> other : List.of(models, people, groups)) {
                if (other.containsKey(slug)) {
                    problems.add(new IngestError(
                            file,
                            lineOf(text, "  " + slug + ":"),
                            slug,
                            null,
                            "is listed in two sections; a slug is one thing"));
                }
            }
        }
        for (String slug : people.keySet()) {
            if (groups.containsKey(slug)) {
                problems.add(new IngestError(
                        file,
                        lineOf(text, "  " + slug + ":"),
                        slug,
                        null,
                        "is listed in two sections; a slug is one thing"));
            }
        }
        return new AiidEntities(organisations, models, people, groups, groupPatterns, organisationPatterns, problems);
    }

    private static void readMap(
            String file,
            String text,
            JsonNode root,
            String section,
            Map<String, String> out,
            boolean valuesAreIds,
            List<IngestError> problems) {
        JsonNode node = root.get(section);
        if (node == null || node.isNull()) {
            return;
        }
        if (!node.isObject()) {
            problems.add(new IngestError(
                    file,
                    lineOf(text, section + ":"),
                    null,
                    section,
                    "must be a mapping of AIID slug to " + (valuesAreIds ? "id" : "group_type")));
            return;
        }
        node.fields().forEachRemaining(e -> {
            String value = e.getValue().isTextual() ? e.getValue().asText().strip() : null;
            int line = lineOf(text, "  " + e.getKey() + ":");
            if (value == null || value.isEmpty()) {
                problems.add(new IngestError(file, line, e.getKey(), section, "must map to a non-empty text"));
            } else if (valuesAreIds && !Ids.isSlug(value)) {
                problems.add(new IngestError(
                        file,
                        line,
                        e.getKey(),
                        section,
                        "'" + value + "' is not an id: lower-case letters, digits and dashes"));
            } else {
                out.put(e.getKey(), value);
            }
        });
    }

    private static void readPatterns(
            String file,
            String text,
            JsonNode root,
            String section,
            List<Pattern> out,
            boolean typed,
            List<IngestError> problems) {
        JsonNode node = root.get(section);
        if (node == null || node.isNull()) {
            return;
        }
        int line = lineOf(text, section + ":");
        if (!node.isArray()) {
            problems.add(new IngestError(file, line, null, section, "must be a list of patterns"));
            return;
        }
        List<String> fields = typed
                ? List.of("prefix", "suffix", "contains", "equals", "group_type")
                : List.of("prefix", "suffix", "contains", "equals");
        int i = 0;
        for (JsonNode item : node) {
            i++;
            String record = section + " #" + i;
            if (!item.isObject()) {
                problems.add(new IngestError(file, line, record, null, "must be a mapping of " + fields));
                continue;
            }
            boolean ok = true;
            for (Iterator<String> it = item.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!fields.contains(f)) {
                    problems.add(new IngestError(
                            file,
                            line,
                            record,
                            f,
                            "is not a field of a pattern; allowed: " + String.join(", ", fields)));
                    ok = false;
                }
            }
            String groupType =
                    item.path("group_type").isTextual() ? item.get("group_type").asText() : null;
            if (typed && groupType == null) {
                problems.add(new IngestError(file, line, record, "group_type", "is required"));
                ok = false;
            }
            Pattern p = new Pattern(
                    texts(item, "prefix"),
                    texts(item, "suffix"),
                    texts(item, "contains"),
                    texts(item, "equals"),
                    groupType);
            if (p.prefix().isEmpty()
                    && p.suffix().isEmpty()
                    && p.contains().isEmpty()
                    && p.equals().isEmpty()) {
                problems.add(new IngestError(
                        file, line, record, null, "needs at least one of prefix, suffix, contains, equals"));
                ok = false;
            }
            if (ok) {
                out.add(p);
            }
        }
    }

    private static List<String> texts(JsonNode item, String field) {
        JsonNode v = item.get(field);
        if (v == null || v.isNull()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        if (v.isArray()) {
            v.forEach(x -> out.add(x.asText().toLowerCase(Locale.ROOT)));
        } else {
            out.add(v.asText().toLowerCase(Locale.ROOT));
        }
        return List.copyOf(out);
    }

    private static int lineOf(String text, String needle) {
        int at = text.indexOf(needle);
        if (at < 0) {
            return 0;
        }
        int line = 1;
        for (int i = 0; i < at; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** What is wrong with the table (none for the shipped table; a test checks). */
    public List<IngestError> problems() {
        return problems;
    }

    /** The organisation id the table maps the slug to, or null. */
    String organisation(String slug) {
        return organisations.get(slug);
    }

    /** The model id the table maps the slug to, or null. */
    String model(String slug) {
        return models.get(slug);
    }

    /** The person id the table maps the slug to, or null. */
    String person(String slug) {
        return people.get(slug);
    }

    /** The group_type of a listed group or of the first group pattern the slug matches, or null. */
    String groupType(String slug) {
        String listed = groups.get(slug);
        if (listed != null) {
            return listed;
        }
        for (Pattern p : groupPatterns) {
            if (p.matches(slug)) {
                return p.groupType();
            }
        }
        return null;
    }

    /** Whether the slug matches an organisation pattern. */
    boolean looksLikeOrganisation(String slug) {
        return organisationPatterns.stream().anyMatch(p -> p.matches(slug));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AiidEntities t
                && t.organisations.equals(organisations)
                && t.models.equals(models)
                && t.people.equals(people)
                && t.groups.equals(groups)
                && t.groupPatterns.equals(groupPatterns)
                && t.organisationPatterns.equals(organisationPatterns);
    }

    @Override
    public int hashCode() {
        return Objects.hash(organisations, models, people, groups, groupPatterns, organisationPatterns);
    }
}
