package org.policygraph.web.export;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.types.IsoDuration;
import org.neo4j.driver.types.Point;

/** Property values written as Cypher literals that read back as the same value and type. */
final class CypherLiterals {

    private CypherLiterals() {}

    static void append(StringBuilder sb, Object value) {
        if (value == null) {
            sb.append("null");
        } else if (value instanceof String s) {
            string(sb, s);
        } else if (value instanceof Long
                || value instanceof Integer
                || value instanceof Short
                || value instanceof Byte) {
            long l = ((Number) value).longValue();
            sb.append(l == Long.MIN_VALUE ? "(-9223372036854775807 - 1)" : Long.toString(l));
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d)) {
                sb.append("(0.0 / 0.0)");
            } else if (Double.isInfinite(d)) {
                sb.append(d > 0 ? "(1.0 / 0.0)" : "(-1.0 / 0.0)");
            } else {
                sb.append(Double.toString(d)); // shortest text that reads back as the same double, e.g. 2.578E24
            }
        } else if (value instanceof Boolean b) {
            sb.append(b);
        } else if (value instanceof List<?> list) {
            sb.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                append(sb, list.get(i));
            }
            sb.append(']');
        } else if (value instanceof Map<?, ?> map) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!first) {
                    sb.append(", ");
                }
                first = false;
                sb.append(CypherLiterals.name(String.valueOf(e.getKey()))).append(": ");
                append(sb, e.getValue());
            }
            sb.append('}');
        } else if (value instanceof LocalDate d) {
            call(sb, "date", d.toString());
        } else if (value instanceof LocalDateTime d) {
            call(sb, "localdatetime", d.toString());
        } else if (value instanceof LocalTime t) {
            call(sb, "localtime", t.toString());
        } else if (value instanceof OffsetTime t) {
            call(sb, "time", t.toString());
        } else if (value instanceof ZonedDateTime d) {
            call(sb, "datetime", d.toString());
        } else if (value instanceof IsoDuration d) {
            call(sb, "duration", d.toString());
        } else if (value instanceof Point p) {
            sb.append("point({srid: ")
                    .append(p.srid())
                    .append(", x: ")
                    .append(p.x())
                    .append(", y: ")
                    .append(p.y());
            if (!Double.isNaN(p.z())) {
                sb.append(", z: ").append(p.z());
            }
            sb.append("})");
        } else {
            throw new IllegalArgumentException(
                    "a " + value.getClass().getSimpleName() + " value has no Cypher literal");
        }
    }

    /** A label, type or property key as a Cypher name: backtick-quoted, backticks doubled. */
    static String name(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    private static void call(StringBuilder sb, String function, String text) {
        sb.append(function).append('(');
        string(sb, text);
        sb.append(')');
    }

    /** A single-quoted string; backslash escapes for quotes, backslashes and control characters. */
    static void string(StringBuilder sb, String s) {
        sb.append('\'');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\'' -> sb.append("\\'");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        sb.append(String.format("\\u%04X", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('\'');
    }
}
