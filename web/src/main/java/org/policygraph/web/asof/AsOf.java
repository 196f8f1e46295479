package org.policygraph.web.asof;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.policygraph.web.system.WebException;

/**
 * The day a page is answered for ({@code as-of}, default today) and, optionally, the earlier day changes are
 * counted from ({@code since}).
 *
 * @param day   the day asked
 * @param today whether it is today (no {@code as-of} given, or today's date)
 * @param since the start of the period whose changes are shown, or null
 */
public record AsOf(LocalDate day, boolean today, LocalDate since) {

    private static final Pattern ISO_DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /** Today, in UTC. */
    public static AsOf now() {
        return new AsOf(LocalDate.now(ZoneOffset.UTC), true, null);
    }

    /**
     * The parameters of a request, checked.
     *
     * @throws WebException a 400 that says what is wrong with a date, or that {@code since} is after {@code as-of}
     */
    public static AsOf parse(String asOf, String since) {
        LocalDate todayDate = LocalDate.now(ZoneOffset.UTC);
        LocalDate day = blank(asOf) ? todayDate : day("as-of", asOf);
        LocalDate from = blank(since) ? null : day("since", since);
        if (from != null && from.isAfter(day)) {
            throw WebException.badRequest(
                    "The since parameter (" + from + ") must not be after the as-of date (" + day + ").");
        }
        return new AsOf(day, day.equals(todayDate), from);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static LocalDate day(String name, String value) {
        String v = value.strip();
        if (!ISO_DAY.matcher(v).matches()) {
            throw WebException.badRequest("The " + name
                    + " parameter must be a date written YYYY-MM-DD, such as 2026-09-01, not '" + value + "'.");
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw WebException.badRequest("The " + name + " parameter '" + value + "' is not a day of the calendar"
                    + " (check the month and the day).");
        }
    }

    /** The day as YYYY-MM-DD. */
    public String text() {
        return day.toString();
    }

    /** The query string that keeps this day (and since) in links, empty for today without since. */
    public String query() {
        if (today && since == null) {
            return "";
        }
        return "as-of=" + day + (since == null ? "" : "&since=" + since);
    }

    /**
     * The last day a date stored in the data (a day, a month or a year) can stand for: a statement dated "2026-07"
     * is only certain from the end of July, so it counts from then.
     */
    public static LocalDate lastDay(String date) {
        if (date == null || date.isBlank()) {
            return null;
        }
        try {
            return switch (date.length()) {
                case 4 -> LocalDate.of(Integer.parseInt(date), 12, 31);
                case 7 -> YearMonth.parse(date).atEndOfMonth();
                default -> LocalDate.parse(date.substring(0, 10));
            };
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Whether the stored date had certainly come by the day asked. */
    public boolean reached(String date) {
        LocalDate d = lastDay(date);
        return d != null && !d.isAfter(day);
    }

    /** Whether the stored date falls after {@code since} and by the day asked. */
    public boolean between(String date) {
        LocalDate d = lastDay(date);
        return since != null && d != null && d.isAfter(since) && !d.isAfter(day);
    }
}
