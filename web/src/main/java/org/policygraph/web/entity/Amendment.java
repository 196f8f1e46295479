package org.policygraph.web.entity;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * An amendment of a regulation (an incoming {@code AMENDS} from an act whose text PolicyGraph does not hold), shown
 * on the pages of the regulation and of its provisions, risk tiers and obligations: their text and dates are those
 * of the regulation as first published, not as amended.
 *
 * @param regulation the regulation amended
 * @param amendedBy  the amending act
 * @param officialId the amending act's official identifier, e.g. Regulation (EU) 2026/1744, or null
 * @param date       when it was amended: the relationship's date, else the amending act's adoption or entry into
 *                   force (an ISO date or part of one), or null
 * @param year       the year of the amended regulation's text that PolicyGraph holds (its adoption), or null
 */
public record Amendment(EntityRef regulation, EntityRef amendedBy, String officialId, String date, String year) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM uuuu", Locale.ENGLISH);

    /** The date in words, e.g. "8 July 2026" (or "July 2026", or "2026"), or null when there is none. */
    public String dateText() {
        if (date == null || date.isBlank()) {
            return null;
        }
        try {
            return switch (date.length()) {
                case 10 -> LocalDate.parse(date).format(DAY);
                case 7 -> YearMonth.parse(date).format(MONTH);
                default -> date;
            };
        } catch (DateTimeParseException e) {
            return date;
        }
    }
}
