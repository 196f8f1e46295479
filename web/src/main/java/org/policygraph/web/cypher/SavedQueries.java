package org.policygraph.web.cypher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.policygraph.data.SavedQueryFiles;

/** The library of saved queries, read once from the data files in {@code neo4j-data}. */
@ApplicationScoped
public class SavedQueries {

    private final Map<String, SavedQuery> byId = new LinkedHashMap<>();

    SavedQueries() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        for (String file : SavedQueryFiles.files()) {
            try {
                SavedQuery q = read(file, yaml.readTree(SavedQueryFiles.read(file)));
                if (byId.put(q.id(), q) != null) {
                    throw new IllegalStateException(
                            "saved query file " + file + ": the id " + q.id() + " is used twice");
                }
            } catch (IOException e) {
                throw new UncheckedIOException("saved query file " + file + " is not valid YAML", e);
            }
        }
    }

    private static SavedQuery read(String file, JsonNode node) {
        for (String field : List.of("id", "name", "description", "query")) {
            if (!node.hasNonNull(field) || node.get(field).asText().isBlank()) {
                throw new IllegalStateException("saved query file " + file + " has no " + field);
            }
        }
        List<SavedQuery.Parameter> parameters = new ArrayList<>();
        for (JsonNode p : node.path("parameters")) {
            JsonNode d = p.get("default");
            String type = p.hasNonNull("type")
                    ? p.get("type").asText()
                    : d == null || d.isNull() || d.isTextual()
                            ? "string"
                            : d.isIntegralNumber()
                                    ? "integer"
                                    : d.isNumber() ? "float" : d.isBoolean() ? "boolean" : "string";
            Object value = d == null || d.isNull()
                    ? null
                    : switch (type) {
                        case "integer" -> d.asLong();
                        case "float" -> d.asDouble();
                        case "boolean" -> d.asBoolean();
                        default -> d.asText();
                    };
            parameters.add(new SavedQuery.Parameter(
                    p.path("name").asText(), p.path("description").asText(""), type, value));
        }
        return new SavedQuery(
                node.get("id").asText(),
                node.get("name").asText(),
                node.get("description").asText().strip(),
                node.get("query").asText().strip(),
                List.copyOf(parameters));
    }

    /** Every saved query, in the index's order. */
    public List<SavedQuery> all() {
        return List.copyOf(byId.values());
    }

    /** The saved query with this id, if there is one. */
    public Optional<SavedQuery> find(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }
}
