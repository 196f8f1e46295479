package org.policygraph.web.system;

/** Checks request parameters, refusing bad ones with a message that names the parameter and the allowed range. */
public final class Params {

    /** How much of a refused value a message quotes: enough to recognise it, never a whole hostile string. */
    static final int QUOTED_LENGTH = 40;

    private Params() {}

    /**
     * A whole number from {@code min} to {@code max}. Digits past the {@code int} range are out of range (a 400),
     * never an overflow.
     *
     * @throws WebException a 400 naming the parameter and its range, when the value is not such a number
     */
    public static int wholeNumber(String name, String value, int min, int max) {
        String text = value == null ? "" : value.strip();
        if (!text.matches("[+-]?[0-9]{1,30}")) {
            throw WebException.badRequest("The " + name + " parameter must be a whole number from " + min + " to " + max
                    + ", not " + quote(value) + ".");
        }
        java.math.BigInteger n = new java.math.BigInteger(text);
        if (n.compareTo(java.math.BigInteger.valueOf(min)) < 0 || n.compareTo(java.math.BigInteger.valueOf(max)) > 0) {
            throw WebException.badRequest(
                    "The " + name + " parameter must be from " + min + " to " + max + ", not " + quote(text) + ".");
        }
        return n.intValueExact();
    }

    /** A value quoted in a message, cut to {@value #QUOTED_LENGTH} characters, control characters shown as '?'. */
    public static String quote(String value) {
        if (value == null) {
            return "nothing";
        }
        StringBuilder sb = new StringBuilder();
        value.codePoints().limit(QUOTED_LENGTH).forEach(c -> sb.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        if (value.codePointCount(0, value.length()) > QUOTED_LENGTH) {
            sb.append("...");
        }
        return "'" + sb + "'";
    }
}
