package org.policygraph.web.compare;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.policygraph.model.applicability.TierRule;
import org.policygraph.web.system.WebException;

/** What-if compute thresholds from the URL ({@code threshold=TIER:FLOP}), checked against the tiers that exist. */
final class Thresholds {

    private Thresholds() {}

    /** Tier id to the FLOP to try, in the order given; empty when none is given. */
    static Map<String, Double> parse(List<String> params, List<TierRule> rules) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (params == null) {
            return out;
        }
        for (String p : params) {
            if (p == null || p.isBlank()) {
                continue;
            }
            int colon = p.lastIndexOf(':');
            if (colon < 0) {
                throw WebException.badRequest("A threshold is written TIER:FLOP, e.g. "
                        + ThresholdComparison.DEFAULT_TIER + ":1e24, not '" + p + "'.");
            }
            String tier = p.substring(0, colon).strip();
            String value = p.substring(colon + 1).strip();
            if (rules.stream().noneMatch(r -> r.tierId().equals(tier) && r.computeThreshold() != null)) {
                throw WebException.badRequest("'" + tier + "' is not a tier with a compute threshold; those are "
                        + String.join(
                                ", ",
                                rules.stream()
                                        .filter(r -> r.computeThreshold() != null)
                                        .map(TierRule::tierId)
                                        .toList())
                        + ".");
            }
            try {
                double d = Double.parseDouble(value);
                if (!(d > 0) || Double.isInfinite(d)) {
                    throw new NumberFormatException();
                }
                out.put(tier, d);
            } catch (NumberFormatException e) {
                throw WebException.badRequest("The threshold for " + tier
                        + " must be a positive number of FLOP such as 1e24, not '" + value + "'.");
            }
        }
        return out;
    }
}
