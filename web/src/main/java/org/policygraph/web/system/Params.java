package org.policygraph.web.system;

/** Checks request parameters, refusing bad ones with a message that names the parameter and the allowed range. */
public final class Params {

    private Params() {
    }

    /**
     * A whole number from {@code min} to {@code max}.
     *
     * @throws WebException a 400 naming the parameter, when the value is not such a number
     */
    public static int wholeNumber(String name, String value, int min, int max) {
        int n;
        try {
            n = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw WebException.badRequest("The " + name + " parameter must be a whole number from " + min + " to " + max
                    + ", not '" + value + "'.");
        }
        if (n < min || n > max) {
            throw WebException.badRequest("The " + name + " parameter must be from " + min + " to " + max + ", not " + n + ".");
        }
        return n;
    }
}
