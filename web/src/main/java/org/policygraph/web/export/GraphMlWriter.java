package org.policygraph.web.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The export as GraphML (graphml.graphdrawing.org), as Gephi, yEd and NetworkX read it: every {@code <key>} is
 * declared before the graph, with its {@code attr.type} (string, long, double or boolean; lists as JSON text);
 * nodes carry {@code label} (the name, which Gephi shows) and {@code labels} (Neo4j's labels, joined by ':'),
 * edges {@code label} and {@code type} (the relationship type). The licences are the graph's {@code <desc>} and
 * its {@code licences} data.
 */
final class GraphMlWriter {

    static final String NAMESPACE = "http://graphml.graphdrawing.org/xmlns";
    private static final ObjectMapper JSON = new ObjectMapper();

    private GraphMlWriter() {}

    static void write(GraphSource source, OutputStream stream) throws IOException {
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(stream, "UTF-8");
            GraphShape shape = source.shape();
            Map<String, Key> nodeKeys = new LinkedHashMap<>();
            nodeKeys.put("\u0000label", new Key("label", "label", "string"));
            nodeKeys.put("\u0000labels", new Key("labels", "labels", "string"));
            Map<String, Set<String>> nodeProps = new TreeMap<>();
            shape.nodeGroups()
                    .forEach(g -> g.properties()
                            .forEach((k, v) -> nodeProps
                                    .computeIfAbsent(k, x -> new java.util.TreeSet<>())
                                    .addAll(v)));
            int n = 0;
            for (var e : nodeProps.entrySet()) {
                String name = e.getKey().equals("label") || e.getKey().equals("labels")
                        ? "property_" + e.getKey()
                        : e.getKey();
                nodeKeys.put(e.getKey(), new Key("n" + n++, name, ValueTypes.graphmlType(e.getValue())));
            }
            Map<String, Key> edgeKeys = new LinkedHashMap<>();
            edgeKeys.put("\u0000label", new Key("edge_label", "label", "string"));
            edgeKeys.put("\u0000type", new Key("edge_type", "type", "string"));
            Map<String, Set<String>> edgeProps = new TreeMap<>();
            shape.relationshipGroups()
                    .forEach(g -> g.properties()
                            .forEach((k, v) -> edgeProps
                                    .computeIfAbsent(k, x -> new java.util.TreeSet<>())
                                    .addAll(v)));
            int m = 0;
            for (var e : edgeProps.entrySet()) {
                String name =
                        e.getKey().equals("label") || e.getKey().equals("type") ? "property_" + e.getKey() : e.getKey();
                edgeKeys.put(e.getKey(), new Key("e" + m++, name, ValueTypes.graphmlType(e.getValue())));
            }

            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("graphml");
            xml.writeDefaultNamespace(NAMESPACE);
            xml.writeNamespace("xsi", "http://www.w3.org/2001/XMLSchema-instance");
            xml.writeAttribute(
                    "http://www.w3.org/2001/XMLSchema-instance",
                    "schemaLocation",
                    NAMESPACE + " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd");
            xml.writeCharacters("\n");
            xml.writeStartElement("desc");
            xml.writeCharacters("PolicyGraph export: " + source.scope().description() + ". "
                    + String.join(" ", source.licences().lines()));
            xml.writeEndElement();
            xml.writeCharacters("\n");
            key(xml, "graph_licences", "graph", "licences", "string");
            for (Key k : nodeKeys.values()) {
                key(xml, k.id(), "node", k.name(), k.type());
            }
            for (Key k : edgeKeys.values()) {
                key(xml, k.id(), "edge", k.name(), k.type());
            }
            xml.writeStartElement("graph");
            xml.writeAttribute("id", "policygraph");
            xml.writeAttribute("edgedefault", "directed");
            xml.writeCharacters("\n");
            xml.writeStartElement("desc");
            xml.writeCharacters(source.scope().description());
            xml.writeEndElement();
            xml.writeCharacters("\n");
            data(xml, "graph_licences", String.join("\n", source.licences().lines()));
            for (GraphShape.NodeGroup group : shape.nodeGroups()) {
                source.nodes(group, page -> {
                    for (ExportNode node : page) {
                        element(() -> {
                            xml.writeStartElement("node");
                            xml.writeAttribute("id", node.id());
                            Object name = node.properties().get("name");
                            data(
                                    xml,
                                    nodeKeys.get("\u0000label").id(),
                                    name == null ? node.id() : String.valueOf(name));
                            data(xml, nodeKeys.get("\u0000labels").id(), String.join(":", node.labels()));
                            for (var p : new TreeMap<>(node.properties()).entrySet()) {
                                data(xml, nodeKeys.get(p.getKey()).id(), text(p.getValue()));
                            }
                            xml.writeEndElement();
                            xml.writeCharacters("\n");
                        });
                    }
                });
            }
            int[] edge = {0};
            for (GraphShape.RelationshipGroup group : shape.relationshipGroups()) {
                source.relationships(group, page -> {
                    for (ExportRelationship r : page) {
                        element(() -> {
                            xml.writeStartElement("edge");
                            xml.writeAttribute("id", "e" + edge[0]++);
                            xml.writeAttribute("source", r.start());
                            xml.writeAttribute("target", r.end());
                            data(xml, edgeKeys.get("\u0000label").id(), r.type());
                            data(xml, edgeKeys.get("\u0000type").id(), r.type());
                            for (var p : new TreeMap<>(r.properties()).entrySet()) {
                                data(xml, edgeKeys.get(p.getKey()).id(), text(p.getValue()));
                            }
                            xml.writeEndElement();
                            xml.writeCharacters("\n");
                        });
                    }
                });
            }
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write GraphML: " + e.getMessage(), e);
        }
    }

    private record Key(String id, String name, String type) {}

    private interface XmlStep {
        void run() throws XMLStreamException;
    }

    private static void element(XmlStep step) {
        try {
            step.run();
        } catch (XMLStreamException e) {
            throw new java.io.UncheckedIOException(new IOException(e));
        }
    }

    private static void key(XMLStreamWriter xml, String id, String forWhat, String name, String type)
            throws XMLStreamException {
        xml.writeEmptyElement("key");
        xml.writeAttribute("id", id);
        xml.writeAttribute("for", forWhat);
        xml.writeAttribute("attr.name", name);
        xml.writeAttribute("attr.type", type);
        xml.writeCharacters("\n");
    }

    private static void data(XMLStreamWriter xml, String key, String value) throws XMLStreamException {
        if (value == null) {
            return;
        }
        xml.writeStartElement("data");
        xml.writeAttribute("key", key);
        xml.writeCharacters(clean(value));
        xml.writeEndElement();
    }

    /** Lists as JSON text, other values as written; numbers in Java's shortest exact form. */
    private static String text(Object value) {
        if (value instanceof List<?> || value instanceof Map<?, ?>) {
            try {
                return JSON.writeValueAsString(value);
            } catch (JsonProcessingException e) {
                return String.valueOf(value);
            }
        }
        return value == null ? null : String.valueOf(value);
    }

    /** Drops the characters XML 1.0 cannot hold. */
    private static String clean(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
