package org.policygraph.model.applicability;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.policygraph.model.SourceRef;

/**
 * The rules: a model falls under a model tier when it is in the tier's domains (or its domain is unknown) and its
 * training compute is greater than the tier's threshold (both the EU's Art. 51(2) and SB 53's 22757.11(i) say
 * "greater than"); an organisation falls under an organisation tier when it develops a model above the tier's
 * compute threshold and its revenue exceeds the revenue threshold, or, for a tier scoped to a jurisdiction, when it
 * is headquartered there and develops models in the tier's domains, or, for a tier with a user threshold (SB 942's
 * covered provider), when it develops models in the tier's domains and its recorded monthly users exceed the
 * threshold. A missing fact gives UNKNOWN with the reason.
 */
public final class Applicability {

    private Applicability() {}

    /** Evaluates a model tier for a model. */
    public static Verdict model(TierRule rule, ModelFacts model) {
        List<SourceRef> ruleSource = rule.source() == null ? List.of() : List.of(rule.source());
        if (!inDomains(rule, model.domains())) {
            return new Verdict(
                    Status.OUT,
                    "domain",
                    null,
                    null,
                    model.name() + " is a " + String.join(", ", model.domains())
                            + " model, outside the domains this rule is taken to cover ("
                            + String.join(", ", rule.scopeDomains()) + ").",
                    ruleSource);
        }
        if (rule.computeThreshold() == null) {
            return new Verdict(
                    Status.UNKNOWN,
                    "training_compute_flop",
                    model.compute(),
                    null,
                    rule.tierName() + " states no compute threshold to compare with.",
                    ruleSource);
        }
        List<SourceRef> sources = new ArrayList<>();
        if (model.computeSource() != null) {
            sources.add(model.computeSource());
        }
        sources.addAll(ruleSource);
        String threshold = flop(rule.computeThreshold());
        String where =
                rule.source() == null ? rule.regulationName() : rule.source().locator();
        if (model.compute() == null) {
            return new Verdict(
                    Status.UNKNOWN,
                    "training_compute_flop",
                    null,
                    rule.computeThreshold(),
                    "No training-compute estimate is recorded for " + model.name() + ", so whether it exceeds the "
                            + threshold + " threshold (" + where + ") is unknown.",
                    sources);
        }
        String confidence = model.confidence() == null ? "" : " (confidence: " + model.confidence() + ")";
        if (model.compute() > rule.computeThreshold()) {
            return new Verdict(
                    Status.IN,
                    "training_compute_flop",
                    model.compute(),
                    rule.computeThreshold(),
                    model.name() + " was trained with " + flop(model.compute()) + confidence + ", more than the "
                            + threshold + " threshold (" + where + ").",
                    sources);
        }
        return new Verdict(
                Status.OUT,
                "training_compute_flop",
                model.compute(),
                rule.computeThreshold(),
                model.name() + " was trained with " + flop(model.compute()) + confidence + ", not more than the "
                        + threshold + " threshold (" + where + ").",
                sources);
    }

    /** Evaluates an organisation tier for an organisation. */
    public static Verdict organisation(TierRule rule, OrganisationFacts org) {
        List<SourceRef> ruleSource = rule.source() == null ? List.of() : List.of(rule.source());
        String where =
                rule.source() == null ? rule.regulationName() : rule.source().locator();
        if (rule.userThreshold() != null) {
            return users(rule, org, ruleSource, where);
        }
        if (rule.scopeJurisdiction() != null) {
            List<ModelFacts> generative = org.models().stream()
                    .filter(m -> inDomains(rule, m.domains()))
                    .toList();
            if (!org.headquarters().contains(rule.scopeJurisdiction())) {
                return new Verdict(
                        Status.OUT,
                        "scope",
                        null,
                        null,
                        org.name() + " is not recorded as headquartered in "
                                + rule.scopeJurisdiction().toUpperCase(Locale.ROOT)
                                + "; whether it offers services there to the "
                                + "public is not in the data.",
                        ruleSource);
            }
            if (generative.isEmpty()) {
                return new Verdict(
                        Status.OUT,
                        "scope",
                        null,
                        null,
                        org.name() + " develops no model in the domains " + String.join(", ", rule.scopeDomains())
                                + ".",
                        ruleSource);
            }
            return new Verdict(
                    Status.LIKELY,
                    "scope",
                    null,
                    null,
                    org.name() + " is headquartered in "
                            + rule.scopeJurisdiction().toUpperCase(Locale.ROOT)
                            + " and develops generative models (e.g. "
                            + generative.get(0).name() + "); the rule covers such services offered to the public ("
                            + where
                            + "), which the data does not record.",
                    ruleSource);
        }
        if (rule.computeThreshold() == null) {
            return new Verdict(
                    Status.UNKNOWN,
                    "scope",
                    null,
                    null,
                    rule.tierName() + " states no threshold to compare with.",
                    ruleSource);
        }
        Optional<ModelFacts> largest =
                org.models().stream().filter(m -> m.compute() != null).max(Comparator.comparing(ModelFacts::compute));
        List<SourceRef> sources = new ArrayList<>();
        largest.map(ModelFacts::computeSource).ifPresent(sources::add);
        sources.addAll(ruleSource);
        if (largest.isEmpty() || largest.get().compute() <= rule.computeThreshold()) {
            boolean unknowns = org.models().stream().anyMatch(m -> m.compute() == null && inDomains(rule, m.domains()));
            String biggest = largest.map(m -> "its largest recorded model, " + m.name() + ", used " + flop(m.compute()))
                    .orElse("no model of it has a compute estimate");
            if (unknowns) {
                return new Verdict(
                        Status.UNKNOWN,
                        "training_compute_flop",
                        largest.map(ModelFacts::compute).orElse(null),
                        rule.computeThreshold(),
                        org.name() + " has models without a compute estimate and " + biggest
                                + ", so whether it develops a model above " + flop(rule.computeThreshold()) + " ("
                                + where
                                + ") is unknown.",
                        sources);
            }
            return new Verdict(
                    Status.OUT,
                    "training_compute_flop",
                    largest.map(ModelFacts::compute).orElse(null),
                    rule.computeThreshold(),
                    org.name() + ": " + biggest + ", not more than " + flop(rule.computeThreshold()) + " (" + where
                            + ").",
                    sources);
        }
        ModelFacts frontier = largest.get();
        String developer = org.name() + " develops " + frontier.name() + " (" + flop(frontier.compute())
                + ", more than " + flop(rule.computeThreshold()) + ")";
        if (rule.revenueThreshold() == null) {
            return new Verdict(
                    Status.IN,
                    "training_compute_flop",
                    frontier.compute(),
                    rule.computeThreshold(),
                    developer + " (" + where + ").",
                    sources);
        }
        if (org.revenue() == null) {
            return new Verdict(
                    Status.UNKNOWN,
                    "annual_revenue_usd",
                    null,
                    rule.revenueThreshold(),
                    developer
                            + "; its annual revenue is not in the data, so whether it exceeds "
                            + usd(rule.revenueThreshold())
                            + " (" + where + ") is unknown.",
                    sources);
        }
        if (org.revenueSource() != null) {
            sources.add(0, org.revenueSource());
        }
        boolean above = org.revenue() > rule.revenueThreshold();
        return new Verdict(
                above ? Status.IN : Status.OUT,
                "annual_revenue_usd",
                org.revenue(),
                rule.revenueThreshold(),
                developer + "; its annual revenue of " + usd(org.revenue()) + " is " + (above ? "more" : "not more")
                        + " than " + usd(rule.revenueThreshold()) + " (" + where + ").",
                sources);
    }

    /**
     * A user threshold: "more than N monthly visitors or users" of a generative AI system. The count is the
     * organisation's recorded one; whether the system is publicly accessible where the law applies is not in the
     * data, so a count above the threshold gives LIKELY, no count gives UNKNOWN.
     */
    private static Verdict users(TierRule rule, OrganisationFacts org, List<SourceRef> ruleSource, String where) {
        List<ModelFacts> inScope =
                org.models().stream().filter(m -> inDomains(rule, m.domains())).toList();
        String threshold = count(rule.userThreshold());
        if (inScope.isEmpty()) {
            return new Verdict(
                    Status.OUT,
                    "scope",
                    null,
                    null,
                    org.name() + " develops no model in the domains " + String.join(", ", rule.scopeDomains()) + ".",
                    ruleSource);
        }
        String develops = org.name() + " develops generative models (e.g. "
                + inScope.get(0).name() + ")";
        if (org.monthlyUsers() == null) {
            return new Verdict(
                    Status.UNKNOWN,
                    "monthly_users",
                    null,
                    rule.userThreshold(),
                    develops
                            + "; no count of the monthly visitors or users of its generative AI systems is recorded, so whether "
                            + "it has more than " + threshold + " (" + where + ") is unknown.",
                    ruleSource);
        }
        List<SourceRef> sources = new ArrayList<>();
        if (org.usersSource() != null) {
            sources.add(org.usersSource());
        }
        sources.addAll(ruleSource);
        if (org.monthlyUsers() > rule.userThreshold()) {
            return new Verdict(
                    Status.LIKELY,
                    "monthly_users",
                    org.monthlyUsers(),
                    rule.userThreshold(),
                    develops
                            + "; its recorded " + count(org.monthlyUsers()) + " monthly users are more than "
                            + threshold
                            + " (" + where
                            + "); whether the system is publicly accessible where the law applies is not in"
                            + " the data.",
                    sources);
        }
        return new Verdict(
                Status.OUT,
                "monthly_users",
                org.monthlyUsers(),
                rule.userThreshold(),
                develops
                        + "; its recorded " + count(org.monthlyUsers()) + " monthly users are not more than "
                        + threshold
                        + " (" + where + ").",
                sources);
    }

    /** 1000000.0 as "1,000,000". */
    static String count(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    static boolean inDomains(TierRule rule, List<String> domains) {
        if (rule.scopeDomains().isEmpty() || domains.isEmpty()) {
            return true;
        }
        return domains.stream()
                .anyMatch(d -> rule.scopeDomains().stream().anyMatch(s -> s.equalsIgnoreCase(d.strip())));
    }

    /** 2.1e25 FLOP as "2.1e25 FLOP". */
    public static String flop(double value) {
        String s = String.format(Locale.ROOT, "%.3e", value);
        String[] parts = s.split("e");
        String mantissa = parts[0].replaceAll("0+$", "").replaceAll("\\.$", "");
        return mantissa + "e" + Integer.parseInt(parts[1]) + " FLOP";
    }

    static String usd(double value) {
        return String.format(Locale.ROOT, "$%,.0f", value);
    }
}
