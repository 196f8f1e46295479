package org.policygraph.model.resolution;

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

/**
 * A resolution file: a YAML mapping of named sections, each a list. Every list item comes with the line it starts
 * on, so that problems can name it.
 */
public final class YamlSections {

    /** One list item and the line it starts on. */
    public record Item(int line, JsonNode node) {}

    private static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory());

    private YamlSections() {}

    /**
     * Reads the sections; problems (bad YAML, an unknown section, a section that is not a list) go to
     * {@code problems}.
     */
    public static Map<String, List<Item>> read(String file, String text, List<String> sections, Problems problems) {
        Map<String, List<Item>> out = new LinkedHashMap<>();
        try (JsonParser parser = MAPPER.getFactory().createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return out;
            }
            if (first != JsonToken.START_OBJECT) {
                problems.add(
                        file,
                        line(parser),
                        null,
                        null,
                        "must be a mapping with the sections " + String.join(", ", sections));
                return out;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String section = parser.currentName();
                int sectionLine = line(parser);
                JsonToken value = parser.nextToken();
                if (!sections.contains(section)) {
                    problems.add(
                            file,
                            sectionLine,
                            null,
                            section,
                            "is not a section of this file; allowed: " + String.join(", ", sections));
                    parser.skipChildren();
                    continue;
                }
                List<Item> items = new ArrayList<>();
                if (value == JsonToken.VALUE_NULL) {
                    out.put(section, items);
                    continue;
                }
                if (value != JsonToken.START_ARRAY) {
                    problems.add(file, sectionLine, null, section, "must be a list");
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
            problems.add(file, invalidLine(e), null, null, invalid(e));
        } catch (IOException e) {
            problems.add(file, 0, null, null, "cannot be read: " + e.getMessage());
        }
        return out;
    }

    /** What a YAML parser's error says, for "file:line: is not valid YAML: ...": its first lines, not the snippet. */
    public static String invalid(JsonProcessingException e) {
        return "is not valid YAML: "
                + String.join(
                        "; ",
                        e.getOriginalMessage()
                                .lines()
                                .filter(l -> !l.isBlank() && !l.startsWith(" "))
                                .toList());
    }

    /** The line a YAML parser's error is on, or 0 when it says none. */
    public static int invalidLine(JsonProcessingException e) {
        return e.getLocation() == null ? 0 : e.getLocation().getLineNr();
    }

    /** A text field of a mapping item, or null; a value that is not text is an error. */
    public static String text(String file, Item item, String field, Problems problems, String record) {
        JsonNode value = item.node().get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isTextual() || value.isNumber()) {
            String s = value.asText().strip();
            return s.isEmpty() ? null : s;
        }
        problems.add(file, item.line(), record, field, "must be text");
        return null;
    }

    /** A list-of-text field of a mapping item; empty when absent. */
    public static List<String> texts(String file, Item item, String field, Problems problems, String record) {
        JsonNode value = item.node().get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            problems.add(file, item.line(), record, field, "must be a list of texts");
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (JsonNode v : value) {
            if (v.isTextual() && !v.asText().isBlank()) {
                out.add(v.asText().strip());
            } else {
                problems.add(file, item.line(), record, field, "must be a list of non-empty texts");
            }
        }
        return out;
    }

    /** Unknown fields of a mapping item are problems. */
    public static boolean checkFields(String file, Item item, List<String> allowed, Problems problems, String record) {
        if (!item.node().isObject()) {
            problems.add(
                    file, item.line(), record, null, "must be a mapping with the fields " + String.join(", ", allowed));
            return false;
        }
        item.node().fieldNames().forEachRemaining(f -> {
            if (!allowed.contains(f)) {
                problems.add(
                        file, item.line(), record, f, "is not a field here; allowed: " + String.join(", ", allowed));
            }
        });
        return true;
    }

    private static int line(JsonParser parser) {
        return parser.currentTokenLocation().getLineNr();
    }
}
