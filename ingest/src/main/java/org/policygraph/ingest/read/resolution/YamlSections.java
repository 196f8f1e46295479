package org.policygraph.ingest.read.resolution;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.policygraph.ingest.IngestError;

/**
 * A resolution file: a YAML mapping of named sections, each a list. Every list item comes with the line it starts
 * on, so that errors can name it.
 */
final class YamlSections {

    /** One list item and the line it starts on. */
    record Item(int line, JsonNode node) {}

    private static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory());

    private YamlSections() {}

    /**
     * Reads the sections; problems (bad YAML, an unknown section, a section that is not a list) go to
     * {@code errors}.
     */
    static Map<String, List<Item>> read(String file, String text, List<String> sections, List<IngestError> errors) {
        Map<String, List<Item>> out = new LinkedHashMap<>();
        try (JsonParser parser = MAPPER.getFactory().createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return out;
            }
            if (first != JsonToken.START_OBJECT) {
                errors.add(new IngestError(
                        file,
                        line(parser),
                        null,
                        null,
                        "must be a mapping with the sections " + String.join(", ", sections)));
                return out;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String section = parser.currentName();
                int sectionLine = line(parser);
                JsonToken value = parser.nextToken();
                if (!sections.contains(section)) {
                    errors.add(new IngestError(
                            file,
                            sectionLine,
                            null,
                            section,
                            "is not a section of this file; allowed: " + String.join(", ", sections)));
                    parser.skipChildren();
                    continue;
                }
                List<Item> items = new ArrayList<>();
                if (value == JsonToken.VALUE_NULL) {
                    out.put(section, items);
                    continue;
                }
                if (value != JsonToken.START_ARRAY) {
                    errors.add(new IngestError(file, sectionLine, null, section, "must be a list"));
                    parser.skipChildren();
                    continue;
                }
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    int itemLine = line(parser);
                    items.add(new Item(itemLine, MAPPER.readTree(parser)));
                }
                out.put(section, items);
            }
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            errors.add(new IngestError(
                    file,
                    line,
                    null,
                    null,
                    "is not valid YAML: "
                            + String.join(
                                    "; ",
                                    e.getOriginalMessage()
                                            .lines()
                                            .filter(l -> !l.isBlank() && !l.startsWith(" "))
                                            .toList())));
        } catch (IOException e) {
            errors.add(new IngestError(file, 0, null, null, "cannot be read: " + e.getMessage()));
        }
        return out;
    }

    /** A text field of a mapping item, or null; a value that is not text is an error. */
    static String text(String file, Item item, String field, List<IngestError> errors, String record) {
        JsonNode value = item.node().get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isTextual() || value.isNumber()) {
            String s = value.asText().strip();
            return s.isEmpty() ? null : s;
        }
        errors.add(new IngestError(file, item.line(), record, field, "must be text"));
        return null;
    }

    /** A list-of-text field of a mapping item; empty when absent. */
    static List<String> texts(String file, Item item, String field, List<IngestError> errors, String record) {
        JsonNode value = item.node().get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            errors.add(new IngestError(file, item.line(), record, field, "must be a list of texts"));
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (JsonNode v : value) {
            if (v.isTextual() && !v.asText().isBlank()) {
                out.add(v.asText().strip());
            } else {
                errors.add(new IngestError(file, item.line(), record, field, "must be a list of non-empty texts"));
            }
        }
        return out;
    }

    /** Unknown fields of a mapping item are errors. */
    static boolean checkFields(String file, Item item, List<String> allowed, List<IngestError> errors, String record) {
        if (!item.node().isObject()) {
            errors.add(new IngestError(
                    file,
                    item.line(),
                    record,
                    null,
                    "must be a mapping with the fields " + String.join(", ", allowed)));
            return false;
        }
        item.node().fieldNames().forEachRemaining(f -> {
            if (!allowed.contains(f)) {
                errors.add(new IngestError(
                        file, item.line(), record, f, "is not a field here; allowed: " + String.join(", ", allowed)));
            }
        });
        return true;
    }

    private static int line(JsonParser parser) {
        return parser.currentTokenLocation().getLineNr();
    }
}
