package org.policygraph.web.asof;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import org.policygraph.web.ref.Citation;
import org.policygraph.web.ref.EntityRef;

/**
 * One source's statement of a date (an Event of type {@code applies-from} or {@code deadline}): the date, what it is
 * about, its sources, and the amendments that made it or replaced it.
 *
 * @param event        the Event node
 * @param date         the date stated (ISO, a day, month or year)
 * @param eventType    {@code applies-from} or {@code deadline}
 * @param status       the status the data gives it today ({@code in-force}, {@code superseded}), or null
 * @param description  what it says, or null
 * @param sources      where it comes from
 * @param secondary    whether none of its sources is primary (a press report or commentary only)
 * @param supersedes   the earlier statements it replaces, each with the date the replacement took effect
 * @param supersededBy the later statements that replace it, each with that date
 * @param via          the risk tier the statement is inherited from (an obligation without dates of its own), or null
 */
public record Statement(
        EntityRef event,
        String date,
        String eventType,
        String status,
        String description,
        List<Citation> sources,
        boolean secondary,
        List<Link> supersedes,
        List<Link> supersededBy,
        EntityRef via) {

    /**
     * A {@code SUPERSEDES} relationship seen from one end.
     *
     * @param other     the statement at the other end
     * @param date      the date the other statement states
     * @param effective when the replacement took effect (the relationship's date), or null
     * @param note      the relationship's note, or null
     */
    public record Link(EntityRef other, String date, String effective, String note) {}

    /** When the statement was made law: the earliest date a replacement it makes took effect; null if always. */
    @JsonIgnore
    public String madeOn() {
        return supersedes.stream()
                .map(Link::effective)
                .filter(e -> e != null && !e.isBlank())
                .sorted()
                .findFirst()
                .orElse(null);
    }

    /** Whether it had been made by the day asked (statements that replace nothing always had). */
    public boolean madeBy(AsOf asOf) {
        String made = madeOn();
        return made == null || asOf.reached(made);
    }

    /** The replacement in effect by the day asked, or null when none had taken effect. */
    public Link supersededAsOf(AsOf asOf) {
        return supersededBy.stream()
                .filter(l -> l.effective() == null || asOf.reached(l.effective()))
                .findFirst()
                .orElse(null);
    }

    /** Whether it was the statement in force on the day asked. */
    public boolean currentAsOf(AsOf asOf) {
        return madeBy(asOf) && supersededAsOf(asOf) == null;
    }

    /** A deadline rather than a date of application. */
    public boolean deadline() {
        return "deadline".equals(eventType);
    }
}
