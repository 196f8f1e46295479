package org.policygraph.web.compare;

import java.util.List;
import org.policygraph.web.ref.EntityRef;

/**
 * Who falls under a model tier at a chosen compute threshold, and who would move in or out compared with the
 * threshold the law states.
 *
 * @param tierId     the tier
 * @param tierName   its name
 * @param regulation the regulation defining it
 * @param stated     the threshold in the law (FLOP)
 * @param threshold  the threshold tried (FLOP)
 * @param in         models above the tried threshold
 * @param movingIn   models in at the tried threshold but not at the stated one
 * @param movingOut  models in at the stated threshold but not at the tried one
 * @param unknown    models in scope with no compute estimate
 * @param tiers      every model tier with a threshold, for the picker
 */
public record WhatIf(
        String tierId,
        String tierName,
        String regulation,
        double stated,
        double threshold,
        List<Entry> in,
        List<Entry> movingIn,
        List<Entry> movingOut,
        long unknown,
        List<String> tiers) {

    /** A model, its compute and the reason. */
    public record Entry(EntityRef model, Double compute, String reason) {}
}
