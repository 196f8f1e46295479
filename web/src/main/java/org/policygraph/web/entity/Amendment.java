package org.policygraph.web.entity;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.policygraph.web.ref.EntityRef;

/**
 * An amendment of a regulation (an incoming {@code AMENDS} from an act whose text PolicyGraph does not hold), shown
 * on the pages of the regulation and of its provisions, risk tiers and obligations: their text is that of the
 * regulation as first published; their dates include the amendment's where the data records them (as Events that
 * supersede the earlier dates), else they too are those of the first publication.
 *
 * @param regulation the regulation amended
 * @param amendedBy  the amending act
 * @param officialId the amending act's official identifier, e.g. Regulation (EU) 2026/1744, or null
 * @param date       when it was amended: the relationship's date, else the amending act's adoption or entry into
 *                   force (an ISO date or part of one), or null
 * @param year       the year of the amended regulation's text that PolicyGraph holds (its adoption), or null
 * @param dated      whether the data records the dates of application the amending act changed (its Events of
 *                   type applies-from or deadline; its proposal and adoption do not count)
 * @param secondary  whether those dates rest on secondary sources only (the act's own text is not in the data)
 */
public record Amendment(
        EntityRef regulation,
        EntityRef amendedBy,
        String officialId,
        String date,
        String year,
        boolean dated,
        boolean secondary) {

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
