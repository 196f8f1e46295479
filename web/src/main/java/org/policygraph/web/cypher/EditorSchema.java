package org.policygraph.web.cypher;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.policygraph.model.Kind;
import org.policygraph.model.Provenance;
import org.policygraph.model.RelType;

/**
 * What the console's editor completes, in the form of Neo4j's editor support ({@code EditorSupportSchema}): the
 * labels (as {@code :Label}), relationship types (as {@code :TYPE}) and property keys of the graph, and the
 * parameters of the saved queries. The first three come from graph-model's vocabulary, which ingest checks every
 * record against, so they are the graph's own without a query per page.
 *
 * @param labels            every label, with its colon
 * @param relationshipTypes every relationship type, with its colon
 * @param propertyKeys      every property of a node or relationship
 * @param parameters        the saved queries' parameter names
 */
public record EditorSchema(
        List<String> labels, List<String> relationshipTypes, List<String> propertyKeys, List<String> parameters) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The schema of the graph's vocabulary, with the parameters of these saved queries. */
    public static EditorSchema of(List<SavedQuery> library) {
        TreeSet<String> labels = new TreeSet<>();
        labels.add(":Entity");
        TreeSet<String> properties = new TreeSet<>(List.of(
                "id", "name", "aliases", "summary", Provenance.SOURCES, Provenance.LOCATORS, Provenance.QUOTES));
        for (Kind kind : Kind.values()) {
            labels.add(":" + kind.label());
            properties.addAll(kind.properties().keySet());
        }
        properties.addAll(RelType.PROPERTIES.keySet());
        TreeSet<String> types = new TreeSet<>();
        for (RelType type : RelType.values()) {
            types.add(":" + type.name());
        }
        TreeSet<String> parameters = new TreeSet<>();
        library.forEach(q -> q.parameters().forEach(p -> parameters.add(p.name())));
        return new EditorSchema(
                List.copyOf(labels), List.copyOf(types), List.copyOf(properties), List.copyOf(parameters));
    }

    /** As JSON, for the page (the template escapes it into an attribute). */
    public String json() {
        try {
            return JSON.writeValueAsString(Map.of(
                    "labels",
                    labels,
                    "relationshipTypes",
                    relationshipTypes,
                    "propertyKeys",
                    propertyKeys,
                    "parameters",
                    parameters));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the editor's schema cannot be written as JSON", e);
        }
    }
}
