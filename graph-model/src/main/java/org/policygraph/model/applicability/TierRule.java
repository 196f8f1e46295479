package org.policygraph.model.applicability;

import java.util.List;
import org.policygraph.model.Kind;
import org.policygraph.model.SourceRef;

/**
 * A rule as the data states it on a risk tier.
 *
 * @param tierId            the tier's id
 * @param tierName          its name
 * @param regulationId      the regulation that defines it
 * @param regulationName    that regulation's name
 * @param appliesTo         what the rule is evaluated on: {@link Kind#MODEL} or {@link Kind#ORGANISATION} (the tier's
 *                          {@code applies_to_kind}); null for another value, which no rule evaluates
 * @param computeThreshold  training compute (FLOP) that must be exceeded, or null
 * @param revenueThreshold  annual revenue (USD) that must be exceeded, or null
 * @param scopeJurisdiction the jurisdiction id an organisation must be in (headquarters), or null
 * @param scopeDomains      the model domains in scope (empty: every domain)
 * @param source            where the threshold or scope is stated
 * @param userThreshold     monthly visitors or users that must be exceeded (SB 942's covered provider), or null
 */
public record TierRule(
        String tierId,
        String tierName,
        String regulationId,
        String regulationName,
        Kind appliesTo,
        Double computeThreshold,
        Double revenueThreshold,
        String scopeJurisdiction,
        List<String> scopeDomains,
        SourceRef source,
        Double userThreshold) {

    public TierRule {
        scopeDomains = scopeDomains == null ? List.of() : List.copyOf(scopeDomains);
    }

    /** A rule without a user threshold. */
    public TierRule(
            String tierId,
            String tierName,
            String regulationId,
            String regulationName,
            Kind appliesTo,
            Double computeThreshold,
            Double revenueThreshold,
            String scopeJurisdiction,
            List<String> scopeDomains,
            SourceRef source) {
        this(
                tierId,
                tierName,
                regulationId,
                regulationName,
                appliesTo,
                computeThreshold,
                revenueThreshold,
                scopeJurisdiction,
                scopeDomains,
                source,
                null);
    }

    /** This rule with another compute threshold (a what-if). */
    public TierRule withComputeThreshold(Double threshold) {
        return new TierRule(
                tierId,
                tierName,
                regulationId,
                regulationName,
                appliesTo,
                threshold,
                revenueThreshold,
                scopeJurisdiction,
                scopeDomains,
                source,
                userThreshold);
    }

    public boolean forModels() {
        return appliesTo == Kind.MODEL;
    }

    public boolean forOrganisations() {
        return appliesTo == Kind.ORGANISATION;
    }
}
