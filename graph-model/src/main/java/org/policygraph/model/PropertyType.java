package org.policygraph.model;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The value types a node or relationship property may have. Dates are ISO strings of a year, a month or a day,
 * so that partially known dates ("2003") can be stated without inventing precision.
 */
public enum PropertyType {
    TEXT("text"),
    TEXT_LIST("a list of texts"),
    INTEGER("a whole number"),
    NUMBER("a number"),
    DATE("a date (YYYY, YYYY-MM or YYYY-MM-DD)"),
    URL("a web address starting with http:// or https://"),
    BOOLEAN("true or false");

    private static final Pattern DATE_PATTERN = Pattern.compile("\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?");

    private final String description;

    PropertyType(String description) {
        this.description = description;
    }

    /** What a value of this type looks like, for error messages. */
    public String description() {
        return description;
    }

    /**
     * Checks and normalises a value read from a file.
     *
     * @param value a String, Number, Boolean or List as read from YAML, JSON or CSV
     * @return the value as stored in Neo4j: String, Long, Double, Boolean or List of String
     * @throws IllegalArgumentException with a sentence saying what is wrong
     */
    public Object coerce(Object value) {
        switch (this) {
            case TEXT:
                if (value instanceof String s) {
                    return s;
                }
                if (value instanceof Number || value instanceof Boolean) {
                    return String.valueOf(value);
                }
                throw wrong(value);
            case TEXT_LIST:
                if (value instanceof String s) {
                    return List.of(s);
                }
                if (value instanceof List<?> list) {
                    for (Object o : list) {
                        if (!(o instanceof String) && !(o instanceof Number)) {
                            throw wrong(value);
                        }
                    }
                    return list.stream().map(String::valueOf).toList();
                }
                throw wrong(value);
            case INTEGER:
                if (value instanceof Integer || value instanceof Long || value instanceof Short) {
                    return ((Number) value).longValue();
                }
                if (value instanceof String s && s.strip().matches("-?\\d+")) {
                    return Long.parseLong(s.strip());
                }
                throw wrong(value);
            case NUMBER:
                if (value instanceof Number n) {
                    return n.doubleValue();
                }
                if (value instanceof String s) {
                    try {
                        double d = Double.parseDouble(s.strip());
                        if (Double.isFinite(d)) {
                            return d;
                        }
                    } catch (NumberFormatException e) {
                        // fall through to the error below
                    }
                }
                throw wrong(value);
            case DATE:
                if (value instanceof Number n && String.valueOf(n).matches("\\d{4}")) {
                    return String.valueOf(n);
                }
                if (value instanceof String s && DATE_PATTERN.matcher(s.strip()).matches()) {
                    return s.strip();
                }
                throw wrong(value);
            case URL:
                if (value instanceof String s
                        && (s.startsWith("http://") || s.startsWith("https://"))
                        && !s.contains(" ")) {
                    return s;
                }
                throw wrong(value);
            case BOOLEAN:
                if (value instanceof Boolean b) {
                    return b;
                }
                if ("true".equals(value) || "false".equals(value)) {
                    return Boolean.valueOf((String) value);
                }
                throw wrong(value);
            default:
                throw new IllegalStateException("unhandled type " + this);
        }
    }

    private IllegalArgumentException wrong(Object value) {
        String shown = String.valueOf(value);
        if (shown.length() > 60) {
            shown = shown.substring(0, 57) + "...";
        }
        return new IllegalArgumentException("must be " + description + ", but is \"" + shown + "\"");
    }
}
