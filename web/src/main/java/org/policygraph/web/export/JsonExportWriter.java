package org.policygraph.web.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The export as one JSON document, written as it is read: {@code {"export", "licences", "nodes": [...],
 * "relationships": [...]}}. Nodes are {@code {id, labels, properties}}; relationships {@code {type, start, end,
 * properties}}, named by business ids. Dates and times are ISO strings.
 */
final class JsonExportWriter {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private JsonExportWriter() {}

    static void write(GraphSource source, OutputStream stream) throws IOException {
        JsonGenerator json = new JsonFactory(MAPPER).createGenerator(stream, JsonEncoding.UTF8);
        GraphShape shape = source.shape();
        json.writeStartObject();
        json.writeObjectFieldStart("export");
        json.writeStringField("scope", source.scope().description());
        json.writeNumberField("nodes", shape.nodeCount());
        json.writeNumberField("relationships", shape.relationshipCount());
        json.writeEndObject();
        json.writeObjectFieldStart("licences");
        json.writeStringField("statement", source.licences().statement());
        json.writeArrayFieldStart("sources");
        for (Licences.SourceLicence s : source.licences().sources()) {
            json.writeObject(s);
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeArrayFieldStart("nodes");
        for (GraphShape.NodeGroup group : shape.nodeGroups()) {
            source.nodes(
                    group,
                    page -> page.forEach(n -> object(
                            json,
                            Map.of("id", n.id(), "labels", n.labels(), "properties", n.properties()),
                            List.of("id", "labels", "properties"))));
        }
        json.writeEndArray();
        json.writeArrayFieldStart("relationships");
        for (GraphShape.RelationshipGroup group : shape.relationshipGroups()) {
            source.relationships(
                    group,
                    page -> page.forEach(r -> object(
                            json,
                            Map.of("type", r.type(), "start", r.start(), "end", r.end(), "properties", r.properties()),
                            List.of("type", "start", "end", "properties"))));
        }
        json.writeEndArray();
        json.writeEndObject();
        json.flush();
    }

    private static void object(JsonGenerator json, Map<String, Object> fields, List<String> order) {
        try {
            json.writeStartObject();
            for (String key : order) {
                json.writeFieldName(key);
                json.writeObject(fields.get(key));
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
