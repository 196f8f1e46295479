package org.policygraph.ingest.read.formex;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * An XML element held in memory with the place it starts at: its name, attributes and children (elements and
 * text, in document order). A Formex file is read whole into such a tree before anything is taken from it, so that
 * a malformed or truncated file gives an error and no records.
 */
final class XmlElement {

    private final String name;
    private final Map<String, String> attributes;
    private final List<Object> children = new ArrayList<>();
    private final int line;
    private final int column;

    private XmlElement(String name, Map<String, String> attributes, int line, int column) {
        this.name = name;
        this.attributes = attributes;
        this.line = line;
        this.column = column;
    }

    String name() {
        return name;
    }

    /** The attribute's value, or null. */
    String attribute(String attribute) {
        return attributes.get(attribute);
    }

    /** Child elements and text ({@link String}) in document order. */
    List<Object> children() {
        return Collections.unmodifiableList(children);
    }

    /** The child elements, without the text between them. */
    List<XmlElement> elements() {
        return children.stream()
                .filter(XmlElement.class::isInstance)
                .map(XmlElement.class::cast)
                .toList();
    }

    /** The child elements of that name. */
    List<XmlElement> elements(String childName) {
        return elements().stream().filter(e -> e.name.equals(childName)).toList();
    }

    /** The first child element of that name. */
    Optional<XmlElement> element(String childName) {
        return elements().stream().filter(e -> e.name.equals(childName)).findFirst();
    }

    /** Follows a path of child element names, taking the first match at each step. */
    Optional<XmlElement> path(String... names) {
        Optional<XmlElement> at = Optional.of(this);
        for (String step : names) {
            at = at.flatMap(e -> e.element(step));
        }
        return at;
    }

    /** Every descendant element of that name, in document order. */
    List<XmlElement> descendants(String descendantName) {
        List<XmlElement> out = new ArrayList<>();
        for (XmlElement child : elements()) {
            if (child.name.equals(descendantName)) {
                out.add(child);
            }
            out.addAll(child.descendants(descendantName));
        }
        return out;
    }

    /** All text inside, markup dropped; for bibliographic fields, not for legal text (see {@link FormexText}). */
    String text() {
        StringBuilder out = new StringBuilder();
        for (Object child : children) {
            out.append(child instanceof XmlElement e ? e.text() : (String) child);
        }
        return out.toString();
    }

    /** The 1-based line the start tag is on. */
    int line() {
        return line;
    }

    /** The 1-based column the start tag ends at, as the parser reports it. */
    int column() {
        return column;
    }

    /**
     * Reads a whole XML document. DTDs and external entities are refused: nothing is loaded from outside the file.
     *
     * @throws MalformedXmlException with the parser's line and column when the bytes are not well-formed XML
     */
    static XmlElement parse(byte[] bytes) throws MalformedXmlException {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        Deque<XmlElement> open = new ArrayDeque<>();
        XMLStreamReader reader = null;
        try {
            reader = factory.createXMLStreamReader(new ByteArrayInputStream(bytes));
            XmlElement root = null;
            while (reader.hasNext()) {
                int event = reader.next();
                switch (event) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        Map<String, String> attributes = new LinkedHashMap<>();
                        for (int i = 0; i < reader.getAttributeCount(); i++) {
                            attributes.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
                        }
                        Location at = reader.getLocation();
                        XmlElement element = new XmlElement(
                                reader.getLocalName(), attributes, at.getLineNumber(), at.getColumnNumber());
                        if (open.isEmpty()) {
                            root = element;
                        } else {
                            open.peek().children.add(element);
                        }
                        open.push(element);
                    }
                    case XMLStreamConstants.END_ELEMENT -> open.pop();
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (!open.isEmpty()) {
                            open.peek().children.add(reader.getText());
                        }
                    }
                    case XMLStreamConstants.DTD ->
                        throw new MalformedXmlException(
                                reader.getLocation(),
                                "has a DOCTYPE declaration; Formex files have none, and no DTD is read",
                                open);
                    default -> {
                        // processing instructions (the Official Journal's page breaks) and comments carry no text
                    }
                }
            }
            if (root == null) {
                throw new MalformedXmlException(reader.getLocation(), "holds no XML element", open);
            }
            return root;
        } catch (XMLStreamException e) {
            throw new MalformedXmlException(e.getLocation(), "is not well-formed XML: " + parserMessage(e), open);
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException e) {
                    // closing an in-memory stream cannot fail in a way that matters here
                }
            }
        }
    }

    /** The parser's own sentence, without the "ParseError at [row,col]" prefix it repeats. */
    private static String parserMessage(XMLStreamException e) {
        String message = String.valueOf(e.getMessage());
        int at = message.indexOf("Message: ");
        String text = (at >= 0 ? message.substring(at + "Message: ".length()) : message).strip();
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }

    /** A file that is not well-formed XML, with where the parser stopped and the elements still open there. */
    static final class MalformedXmlException extends Exception {

        private final transient int line;
        private final transient int column;
        private final transient List<XmlElement> open;

        MalformedXmlException(Location location, String message, Deque<XmlElement> open) {
            super(message, null, false, false);
            this.line = location == null ? 0 : Math.max(0, location.getLineNumber());
            this.column = location == null ? 0 : Math.max(0, location.getColumnNumber());
            this.open = List.copyOf(open);
        }

        int line() {
            return line;
        }

        int column() {
            return column;
        }

        /** The elements open where the parser stopped, innermost first; each holds what was read of it. */
        List<XmlElement> open() {
            return open;
        }
    }
}
