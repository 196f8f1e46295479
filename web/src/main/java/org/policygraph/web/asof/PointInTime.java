package org.policygraph.web.asof;

import java.util.List;
import org.policygraph.web.ref.Citation;
import org.policygraph.web.ref.EntityRef;

/**
 * A node as it stood on a day: whether it applied, each statement of its dates with what it was that day, the
 * amendments made by then and after, and, for a regulation, its obligations and what changed since an earlier day.
 *
 * @param asOf        the day, YYYY-MM-DD
 * @param today       whether the day is today
 * @param since       the earlier day changes are counted from, or null
 * @param status      the node's state that day in words ("not yet applicable, applies from 2027-12-02"), or null
 *                    when the data has no date for it
 * @param applicable  whether it applied (at least in part) that day, or null when unknown
 * @param dates       every statement of its dates, with its state that day
 * @param amendments  the acts amending the node's regulation, with whether they had taken effect by then
 * @param obligations for a regulation: each of its obligations and tiers with its state that day
 * @param changes     for a regulation with {@code since}: what changed between the two days
 */
public record PointInTime(
        String asOf,
        boolean today,
        String since,
        String status,
        Boolean applicable,
        List<DateView> dates,
        List<AmendmentView> amendments,
        List<MemberState> obligations,
        List<String> changes) {

    /**
     * A statement of a date as it stood on the day asked.
     *
     * @param event       the Event node
     * @param date        the date stated
     * @param kind        {@code applies-from} or {@code deadline}
     * @param state       {@code applicable}, {@code not-yet-applicable}, {@code passed}, {@code upcoming},
     *                    {@code superseded} or {@code not-yet-made}
     * @param sentence    the statement and its state in words
     * @param description what it says, or null
     * @param secondary   whether it rests on secondary sources only
     * @param sources     its sources
     * @param via         the risk tier it is inherited from, or null
     */
    public record DateView(
            EntityRef event,
            String date,
            String kind,
            String state,
            String sentence,
            String description,
            boolean secondary,
            List<Citation> sources,
            EntityRef via) {

        /** Whether it was in force that day (not superseded, already made). */
        public boolean current() {
            return !state.equals("superseded") && !state.equals("not-yet-made");
        }
    }

    /**
     * An act amending the regulation.
     *
     * @param act        the amending act
     * @param officialId its official identifier, or null
     * @param effective  when it took effect, as far as the data says (an ISO date or part of one), or null
     * @param made       whether it had taken effect by the day asked
     */
    public record AmendmentView(EntityRef act, String officialId, String effective, boolean made) {}

    /**
     * A tier, obligation or provision of a regulation, as it stood on the day asked.
     *
     * @param ref        the node
     * @param status     its state in words
     * @param applicable whether it applied that day
     */
    public record MemberState(EntityRef ref, String status, boolean applicable) {}

    /** Nothing to say: the node has no dates. */
    public boolean isEmpty() {
        return status == null && dates.isEmpty() && amendments.isEmpty() && obligations.isEmpty();
    }
}
