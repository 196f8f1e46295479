package org.policygraph.web.cypher;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A saved console query, read from {@code neo4j-data}'s {@code policygraph/queries/*.yaml}.
 *
 * @param id          a slug, also the file name; used in permalinks ({@code /cypher?saved=ID})
 * @param name        a title
 * @param description what it answers, in a sentence or two
 * @param query       the Cypher text, with {@code $parameters}
 * @param parameters  the parameters with their defaults
 */
public record SavedQuery(String id, String name, String description, String query, List<Parameter> parameters) {

    /**
     * A parameter of a saved query.
     *
     * @param name         the name used as {@code $name} in the query and {@code param.name} in URLs
     * @param description  what to give
     * @param type         string, integer, float or boolean
     * @param defaultValue the value used when the URL gives none
     */
    public record Parameter(String name, String description, String type, Object defaultValue) {

        /** A value given in a URL, as this parameter's type. */
        Object parse(String text) {
            String t = text.strip();
            try {
                return switch (type) {
                    case "integer" -> Long.parseLong(t);
                    case "float" -> Double.parseDouble(t);
                    case "boolean" -> {
                        if (!t.equalsIgnoreCase("true") && !t.equalsIgnoreCase("false")) {
                            throw new NumberFormatException(t);
                        }
                        yield Boolean.parseBoolean(t);
                    }
                    default -> text;
                };
            } catch (NumberFormatException e) {
                throw org.policygraph.web.system.WebException.badRequest("The parameter " + name + " must be "
                        + (type.equals("integer")
                                ? "a whole number"
                                : type.equals("float") ? "a number" : "true or false")
                        + ", not '" + text + "'.");
            }
        }
    }

    /** The parameters' values: the defaults, replaced by those given (as text, from a URL). */
    public Map<String, Object> values(Map<String, String> given) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Parameter p : parameters) {
            values.put(p.name(), given.containsKey(p.name()) ? p.parse(given.get(p.name())) : p.defaultValue());
        }
        return values;
    }

    /** The permalink with these parameter values. */
    public String permalink(Map<String, Object> values) {
        StringBuilder url = new StringBuilder("/cypher?saved=").append(encode(id));
        values.forEach(
                (k, v) -> url.append("&param.").append(encode(k)).append('=').append(encode(String.valueOf(v))));
        return url.toString();
    }

    /** The permalink with the default values. */
    public String url() {
        return "/cypher?saved=" + encode(id);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
