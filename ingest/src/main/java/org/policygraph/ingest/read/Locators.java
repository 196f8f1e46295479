package org.policygraph.ingest.read;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One form for locators, so that the same place is not cited twice in two spellings ("row 267, column
 * 'Organization'" and "row 267, column Organization"): runs of white space are one space, and column names are
 * written bare, as the dataset readers write them.
 */
public final class Locators {

    private static final Pattern QUOTED_COLUMN = Pattern.compile("\\bcolumn ['\"]([^'\"]+)['\"]");
    private static final Pattern QUOTED_COLUMNS =
            Pattern.compile("\\bcolumns ((?:['\"][^'\"]+['\"](?:, | and |, and ))*" + "['\"][^'\"]+['\"])");
    private static final Pattern QUOTED = Pattern.compile("['\"]([^'\"]+)['\"]");

    private Locators() {}

    /** The locator in its one form; null stays null. */
    public static String normal(String locator) {
        if (locator == null) {
            return null;
        }
        String s = locator.strip().replaceAll("\\s+", " ");
        s = QUOTED_COLUMN.matcher(s).replaceAll(m -> Matcher.quoteReplacement("column " + m.group(1)));
        s = QUOTED_COLUMNS
                .matcher(s)
                .replaceAll(m -> Matcher.quoteReplacement(
                        "columns " + QUOTED.matcher(m.group(1)).replaceAll(q -> Matcher.quoteReplacement(q.group(1)))));
        return s;
    }
}
