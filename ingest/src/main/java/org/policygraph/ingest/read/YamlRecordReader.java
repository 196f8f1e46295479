package org.policygraph.ingest.read;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.policygraph.ingest.IngestError;
import org.policygraph.model.Kind;
import org.policygraph.model.NodeRecord;
import org.policygraph.model.Origin;
import org.policygraph.model.PropertyType;
import org.policygraph.model.RelType;
import org.policygraph.model.RelationshipRecord;
import org.policygraph.model.SourceRef;

/**
 * Reads the curated YAML files: {@code <kind-folder>/*.yaml} hold lists of nodes of that kind (each with the
 * relationships that start at it), {@code relationships/*.yaml} hold standalone relationships. The format is
 * described in {@code neo4j-data/DATA-FORMAT.md}.
 */
public final class YamlRecordReader implements FileReader {

    /** The folder for standalone relationships. */
    public static final String RELATIONSHIPS_FOLDER = "relationships";

    private static final Set<String> NODE_FIELDS =
            Set.of("id", "name", "aliases", "summary", "sources", "relationships");
    private static final Set<String> REL_FIELDS = Set.of("type", "from", "to", "sources");
    private static final Set<String> SOURCE_FIELDS = Set.of("source", "locator", "quote");

    private final ObjectMapper mapper = new ObjectMapper(new YAMLFactory());

    @Override
    public boolean accepts(DataFile file) {
        return (file.path().endsWith(".yaml") || file.path().endsWith(".yml"))
                && (Kind.byPlural(file.folder()).isPresent() || RELATIONSHIPS_FOLDER.equals(file.folder()));
    }

    @Override
    public void read(DataFile file, GraphBatch batch) {
        String text;
        try {
            text = Utf8.decode(file.bytes().get());
        } catch (Utf8.NotUtf8Exception e) {
            batch.error(new IngestError(file.path(), e.where.line(), null, null, Utf8.describe(e.where)));
            return;
        }
        Optional<IngestError> cut = DataText.cutShort(file, text);
        if (cut.isPresent()) {
            batch.error(cut.get()); // what is left may well be valid YAML: read none of it
            return;
        }
        Optional<Kind> kind = Kind.byPlural(file.folder());
        try (JsonParser parser = mapper.getFactory().createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return; // an empty file holds no records
            }
            if (first != JsonToken.START_ARRAY) {
                batch.error(new IngestError(
                        file.path(),
                        line(parser),
                        null,
                        null,
                        "must be a YAML list of records (each starting with '- '), but starts with "
                                + describe(first)));
                return;
            }
            int index = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                index++;
                int line = line(parser);
                if (parser.currentToken() != JsonToken.START_OBJECT) {
                    batch.error(new IngestError(
                            file.path(),
                            line,
                            "#" + index,
                            null,
                            "each record must be a mapping of fields, but record " + index + " is "
                                    + describe(parser.currentToken())));
                    parser.skipChildren();
                    continue;
                }
                ObjectNode node = mapper.readTree(parser);
                Origin origin = new Origin(file.path(), line);
                Errors errors = new Errors(batch, origin, node.path("id").asText("#" + index));
                if (kind.isPresent()) {
                    readNode(kind.get(), node, origin, errors, batch);
                } else {
                    readRelationship(null, node, origin, errors, batch);
                }
            }
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            batch.error(new IngestError(
                    file.path(),
                    line,
                    null,
                    null,
                    "is not valid YAML: " + yamlProblem(e.getOriginalMessage())
                            + (e.getLocation() == null
                                    ? ""
                                    : " (column " + e.getLocation().getColumnNr() + ")")));
        } catch (IOException e) {
            batch.error(new IngestError(file.path(), 0, null, null, "cannot be read: " + e.getMessage()));
        }
    }

    private void readNode(Kind kind, ObjectNode node, Origin origin, Errors errors, GraphBatch batch) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (NODE_FIELDS.contains(field)) {
                continue;
            }
            PropertyType type = kind.properties().get(field);
            if (type == null) {
                errors.add(
                        field,
                        "is not a field of a " + kind.singular() + "; allowed: " + String.join(", ", allowed(kind)));
                continue;
            }
            JsonNode value = node.get(field);
            if (value.isNull()) {
                continue;
            }
            try {
                properties.put(field, type.coerce(mapper.convertValue(value, Object.class)));
            } catch (IllegalArgumentException e) {
                errors.add(field, e.getMessage());
            }
        }
        for (String required : kind.properties().keySet()) {
            if (kind.requires(required) && !properties.containsKey(required)) {
                errors.add(required, "is required for a " + kind.singular());
            }
        }
        String id = text(node, "id", errors);
        NodeRecord record = new NodeRecord(
                kind,
                id,
                text(node, "name", errors),
                textList(node, "aliases", errors),
                text(node, "summary", errors),
                properties,
                sources(node.get("sources"), "sources", errors),
                origin);
        batch.add(record);
        JsonNode rels = node.get("relationships");
        if (rels != null && !rels.isNull()) {
            if (!rels.isArray()) {
                errors.add("relationships", "must be a list of relationships");
            } else {
                int i = 0;
                for (JsonNode rel : rels) {
                    i++;
                    if (!rel.isObject()) {
                        errors.add("relationships[" + i + "]", "must be a mapping with type, to and sources");
                        continue;
                    }
                    readRelationship(id, (ObjectNode) rel, origin, errors.prefixed("relationships[" + i + "]."), batch);
                }
            }
        }
    }

    private void readRelationship(String from, ObjectNode node, Origin origin, Errors errors, GraphBatch batch) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (REL_FIELDS.contains(field)) {
                continue;
            }
            PropertyType type = RelType.PROPERTIES.get(field);
            if (type == null) {
                errors.add(
                        field,
                        "is not a field of a relationship; allowed: type, " + (from == null ? "from, " : "")
                                + "to, sources, " + String.join(", ", RelType.PROPERTIES.keySet()));
                continue;
            }
            try {
                properties.put(field, type.coerce(mapper.convertValue(node.get(field), Object.class)));
            } catch (IllegalArgumentException e) {
                errors.add(field, e.getMessage());
            }
        }
        if (from != null && node.has("from")) {
            errors.add("from", "is implied by the record the relationship is listed under; remove it");
        }
        String start = from != null ? from : text(node, "from", errors);
        String typeName = text(node, "type", errors);
        RelType type = null;
        if (typeName != null) {
            type = RelType.byName(typeName).orElse(null);
            if (type == null) {
                errors.add(
                        "type",
                        "'" + typeName + "' is not a relationship type; known types: "
                                + String.join(
                                        ", ",
                                        java.util.Arrays.stream(RelType.values())
                                                .map(Enum::name)
                                                .toList()));
            }
        }
        String to = text(node, "to", errors);
        List<SourceRef> sources = sources(node.get("sources"), "sources", errors);
        if (type != null) {
            batch.add(new RelationshipRecord(type, start, to, properties, sources, origin));
        }
    }

    private List<SourceRef> sources(JsonNode node, String field, Errors errors) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            errors.add(field, "must be a list of {source, locator, quote} entries");
            return List.of();
        }
        List<SourceRef> refs = new ArrayList<>();
        int i = 0;
        for (JsonNode ref : node) {
            i++;
            String prefix = field + "[" + i + "]";
            if (!ref.isObject()) {
                errors.add(prefix, "must be a mapping with source, locator and optionally quote");
                continue;
            }
            for (Iterator<String> it = ref.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!SOURCE_FIELDS.contains(name)) {
                    errors.add(
                            prefix + "." + name,
                            "is not a field of a source reference; allowed: source, locator, quote");
                }
            }
            Errors inner = errors.prefixed(prefix + ".");
            refs.add(new SourceRef(
                    text(ref, "source", inner),
                    Locators.normal(text(ref, "locator", inner)),
                    text(ref, "quote", inner)));
        }
        return refs;
    }

    private String text(JsonNode node, String field, Errors errors) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isTextual() || value.isNumber() || value.isBoolean()) {
            return value.asText();
        }
        errors.add(field, "must be text, but is " + (value.isArray() ? "a list" : "a mapping"));
        return null;
    }

    private List<String> textList(JsonNode node, String field, Errors errors) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (value.isTextual()) {
            return List.of(value.asText());
        }
        if (!value.isArray()) {
            errors.add(field, "must be a list of texts");
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : value) {
            if (item.isValueNode() && !item.isNull()) {
                out.add(item.asText());
            } else {
                errors.add(
                        field,
                        "must be a list of texts, but holds "
                                + item.getNodeType().name().toLowerCase());
            }
        }
        return out;
    }

    private static List<String> allowed(Kind kind) {
        List<String> names = new ArrayList<>(List.of("id", "name", "aliases", "summary", "sources", "relationships"));
        names.addAll(kind.properties().keySet());
        return names;
    }

    /** SnakeYAML's message without its echo of the offending lines: one readable line. */
    static String yamlProblem(String message) {
        return String.join(
                "; ",
                message.lines()
                        .filter(l -> !l.isBlank() && !l.startsWith(" ") && !l.contains("in 'reader'"))
                        .toList());
    }

    private static int line(JsonParser parser) {
        return parser.currentTokenLocation().getLineNr();
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_OBJECT -> "a mapping";
            case START_ARRAY -> "a list";
            case VALUE_STRING -> "a text";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "true or false";
            case VALUE_NULL -> "an empty value";
            default -> token.name().toLowerCase();
        };
    }

    /** Collects errors for one record, with a field-name prefix for nested parts. */
    private record Errors(GraphBatch batch, Origin origin, String record, String prefix) {
        Errors(GraphBatch batch, Origin origin, String record) {
            this(batch, origin, record, "");
        }

        void add(String field, String message) {
            batch.error(new IngestError(origin.file(), origin.line(), record, prefix + field, message));
        }

        Errors prefixed(String more) {
            return new Errors(batch, origin, record, prefix + more);
        }
    }
}
