package org.policygraph.web.system;

import io.quarkus.qute.TemplateExtension;
import java.util.List;
import java.util.Locale;

/** Formatting for templates: numbers, property values. */
@TemplateExtension
public class TemplateExtensions {

    /** Shows a stored value: big numbers in scientific notation, lists joined, whole numbers without ".0". */
    public static String display(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof List<?> list) {
            return String.join(
                    ", ", list.stream().map(TemplateExtensions::display).toList());
        }
        if (value instanceof Double d) {
            return number(d);
        }
        if (value instanceof Number n) {
            return number(n.doubleValue());
        }
        return String.valueOf(value);
    }

    static String number(double d) {
        double abs = Math.abs(d);
        if (abs != 0 && (abs >= 1e9 || abs < 1e-3)) {
            String s = String.format(Locale.ROOT, "%.3e", d);
            String[] parts = s.split("e");
            String mantissa = parts[0].replaceAll("0+$", "").replaceAll("\\.$", "");
            return mantissa + "e" + Integer.parseInt(parts[1]);
        }
        if (d == Math.rint(d)) {
            return String.format(Locale.ROOT, "%,d", (long) d);
        }
        return String.format(Locale.ROOT, "%,.3f", d).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
