package org.policygraph.web.compare;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.policygraph.model.Kind;
import org.policygraph.web.asof.AsOf;
import org.policygraph.web.asof.PointInTime;
import org.policygraph.web.asof.PointInTimeService;

/**
 * The state of risk tiers on one day, each tier read once: "not yet applicable, applies from 2027-01-01", from the
 * tier's dated statements (an amended date replaces the one it superseded) or its applies_from.
 */
final class TierDays {

    private final PointInTimeService pointInTime;
    private final AsOf asOf;
    private final Map<String, PointInTime> states = new HashMap<>();

    TierDays(PointInTimeService pointInTime, AsOf asOf) {
        this.pointInTime = pointInTime;
        this.asOf = asOf;
    }

    private PointInTime of(String tierId) {
        return states.computeIfAbsent(tierId, id -> pointInTime.of(Kind.RISK_TIER, id, List.of(), asOf));
    }

    /** " (not yet applicable on 2026-12-01)" when the tier did not yet apply that day, else empty. */
    String suffix(String tierId) {
        PointInTime p = of(tierId);
        return p != null && Boolean.FALSE.equals(p.applicable()) ? " (not yet applicable on " + asOf.text() + ")" : "";
    }

    /** " On 2026-12-01 the tier was not yet applicable, applies from 2027-01-01." or empty without dates. */
    String sentence(String tierId) {
        PointInTime p = of(tierId);
        return p == null || p.status() == null ? "" : " On " + asOf.text() + " the tier was " + p.status() + ".";
    }

    /** The note saying which day the rules' applicability is read for. */
    static String note(AsOf asOf) {
        return "Whether each rule applied is as of " + asOf.text() + (asOf.today() ? " (today)" : "")
                + ", from the tier's dates (amended dates replace superseded ones); add as-of=YYYY-MM-DD for another day.";
    }
}
