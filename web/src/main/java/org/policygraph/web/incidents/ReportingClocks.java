package org.policygraph.web.incidents;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.policygraph.web.incidents.IncidentRepository.Obligation;
import org.policygraph.web.incidents.IncidentRepository.OwnIncident;
import org.policygraph.web.incidents.IncidentRepository.Party;
import org.policygraph.web.incidents.IncidentRepository.Reach;
import org.policygraph.web.incidents.IncidentRepository.Tier;
import org.policygraph.web.ref.EntityRef;

/**
 * Reporting clocks: for an incident, each incident-reporting obligation that could apply to its alleged developer
 * or deployer, with the deadline, the recipient and the path that explains it.
 *
 * <p>For each organisation of the incident, each role it has there (developer, deployer) and each obligation of
 * category {@code incident-reporting} whose role fits (developer, large-developer and provider duties fall on the
 * developer; deployer and service-provider duties on the deployer; "any" on both), the clock is:
 * <ul>
 *   <li>{@link Status#NOT_IN_FORCE} when the incident's date is before the date the obligation applies from (its
 *       {@code applies_from}; else the earliest {@code applies_from} of its tiers; else its regulation's
 *       {@code in_force});</li>
 *   <li>{@link Status#COULD_APPLY} when the organisation falls under a tier the obligation applies to (its own
 *       {@code FALLS_UNDER} with status in, or that of a model it develops, released by the incident's date or of
 *       unknown release), and {@link Status#LIKELY} when that status is likely;</li>
 *   <li>{@link Status#UNKNOWN} otherwise: a fact is missing (the incident's date, the obligation's dates, or any
 *       fact placing the organisation under the tier). The graph never says an obligation does not apply.</li>
 * </ul>
 * "Could apply" is not "applies": whether the event is a serious or critical incident in the law's sense, and
 * whether it happened where the law reaches, are not assessed.
 */
@ApplicationScoped
public class ReportingClocks {

    /** What a clock says. */
    public enum Status {
        COULD_APPLY("could apply"),
        LIKELY("could likely apply"),
        UNKNOWN("unknown"),
        NOT_IN_FORCE("not in force then");

        private final String words;

        Status(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }

        public String key() {
            return name().toLowerCase().replace('_', '-');
        }
    }

    /**
     * One clock.
     *
     * @param obligation the obligation
     * @param regulation its regulation, or null
     * @param org        the organisation
     * @param role       its role in the incident: developer or deployer
     * @param status     what the clock says
     * @param deadline   the obligation's deadline, or null
     * @param recipient  to whom the report goes, or null
     * @param from       the date the obligation applies from, or null when unknown
     * @param fromBasis  where that date comes from
     * @param path       the path that explains it, in words ("OpenAI develops GPT-4, which falls under ...")
     * @param reason     why the status, in a sentence
     */
    public record Clock(
            EntityRef obligation,
            EntityRef regulation,
            EntityRef org,
            String role,
            Status status,
            String deadline,
            String recipient,
            String from,
            String fromBasis,
            String path,
            String reason) {
        public String statusWords() {
            return status.words();
        }

        public String statusKey() {
            return status.key();
        }
    }

    /** An incident's clocks, and its date. */
    public record IncidentClocks(String date, List<Clock> clocks) {}

    /** One of an organisation's incidents with the status of each obligation (by obligation id) for it. */
    public record Row(OwnIncident incident, Map<String, Clock> cells) {
        public Clock cell(String obligationId) {
            return cells.get(obligationId);
        }
    }

    /** An organisation's incidents against the obligations: one row an incident, one column an obligation. */
    public record Comparison(
            EntityRef org, List<Obligation> obligations, List<Row> rows, Map<String, Map<String, Long>> totals) {
        /** How many of the organisation's incidents have this status for this obligation. */
        public long total(String obligationId, String statusKey) {
            return totals.getOrDefault(obligationId, Map.of()).getOrDefault(statusKey, 0L);
        }
    }

    private final IncidentRepository repository;

    ReportingClocks(IncidentRepository repository) {
        this.repository = repository;
    }

    /** The clocks of an incident. */
    public IncidentClocks forIncident(String incidentId) {
        IncidentRepository.IncidentParties parties = repository.parties(incidentId);
        if (parties.parties().isEmpty()) {
            return new IncidentClocks(parties.date(), List.of());
        }
        List<Obligation> obligations = repository.obligations();
        Map<String, List<Reach>> reach = repository.reach(
                parties.parties().stream().map(p -> p.org().id()).toList());
        List<Clock> clocks = new ArrayList<>();
        for (Party party : parties.parties()) {
            for (String role : party.roles()) {
                for (Obligation o : obligations) {
                    if (fits(o.role(), role)) {
                        clocks.add(clock(
                                parties.date(),
                                party.org(),
                                role,
                                o,
                                reach.getOrDefault(party.org().id(), List.of())));
                    }
                }
            }
        }
        clocks.sort(Comparator.comparing((Clock c) -> c.status().ordinal())
                .thenComparing(c -> c.org().name())
                .thenComparing(Clock::role)
                .thenComparing(c -> c.obligation().name()));
        return new IncidentClocks(parties.date(), clocks);
    }

    /** An organisation's incidents against every incident-reporting obligation. */
    public Comparison forOrganisation(EntityRef org) {
        List<OwnIncident> incidents = repository.incidentsOf(org.id());
        List<Obligation> obligations = repository.obligations();
        List<Reach> reach = incidents.isEmpty()
                ? List.of()
                : repository.reach(List.of(org.id())).getOrDefault(org.id(), List.of());
        List<Row> rows = new ArrayList<>();
        Map<String, Map<String, Long>> totals = new LinkedHashMap<>();
        for (OwnIncident incident : incidents) {
            Map<String, Clock> cells = new LinkedHashMap<>();
            for (Obligation o : obligations) {
                // the most telling clock over the organisation's roles in the incident
                Clock best = null;
                for (String role : incident.roles()) {
                    if (fits(o.role(), role)) {
                        Clock c = clock(incident.date(), org, role, o, reach);
                        if (best == null || c.status().ordinal() < best.status().ordinal()) {
                            best = c;
                        }
                    }
                }
                if (best != null) {
                    cells.put(o.ref().id(), best);
                    totals.computeIfAbsent(o.ref().id(), k -> new LinkedHashMap<>())
                            .merge(best.status().key(), 1L, Long::sum);
                }
            }
            rows.add(new Row(incident, cells));
        }
        return new Comparison(org, obligations, rows, totals);
    }

    private static final Set<String> DEVELOPER_ROLES =
            Set.of("developer", "large-developer", "provider", "large-frontier-developer", "frontier-developer");

    /** Whether an obligation of this role falls on a party of this incident role. */
    static boolean fits(String obligationRole, String incidentRole) {
        if (obligationRole == null || obligationRole.equals("any")) {
            return true;
        }
        if (incidentRole.equals("developer")) {
            return DEVELOPER_ROLES.contains(obligationRole) || obligationRole.contains("developer");
        }
        // a service provider (China's measures) offers the system to the public: AIID's deployer
        return obligationRole.equals("deployer") || obligationRole.equals("service-provider");
    }

    static Clock clock(String date, EntityRef org, String role, Obligation o, List<Reach> reach) {
        String from;
        String basis;
        String tierFrom = o.tiers().stream()
                .map(Tier::appliesFrom)
                .filter(d -> d != null && !d.isBlank())
                .min(String::compareTo)
                .orElse(null);
        if (o.appliesFrom() != null) {
            from = o.appliesFrom();
            basis = "the obligation applies from " + from;
        } else if (tierFrom != null) {
            from = tierFrom;
            basis = "its tier applies from " + from;
        } else if (o.regulationInForce() != null) {
            from = o.regulationInForce();
            basis = (o.regulation() == null ? "the regulation" : o.regulation().name()) + " in force from " + from;
        } else {
            from = null;
            basis = "no date of application recorded";
        }
        Set<String> tiers = new java.util.HashSet<>(
                o.tiers().stream().map(t -> t.ref().id()).toList());
        String tierNames =
                String.join(" or ", o.tiers().stream().map(t -> t.ref().name()).toList());
        Reach best = null;
        for (Reach r : reach) {
            if (!tiers.contains(r.tier())) {
                continue;
            }
            if (r.model() != null && date != null && r.modelReleased() != null && before(date, r.modelReleased())) {
                continue; // a model released after the incident did not bring it under the tier then
            }
            if (best == null || rank(r.status()) < rank(best.status())) {
                best = r;
            }
        }
        String obligationName = o.ref().name();
        String path;
        if (best == null) {
            path = o.tiers().isEmpty()
                    ? obligationName + " names no tier it applies to"
                    : "no fact in the graph puts " + org.name() + " (or a model it develops) under " + tierNames
                            + ", which " + obligationName + " applies to";
        } else {
            String reached = best.tier();
            String tierName = o.tiers().stream()
                    .filter(t -> t.ref().id().equals(reached))
                    .findFirst()
                    .map(t -> t.ref().name())
                    .orElse(reached);
            path = best.model() == null
                    ? org.name() + " falls under " + tierName + " (" + best.status() + ")"
                    : org.name() + " develops " + best.model().name() + ", which falls under " + tierName + " ("
                            + best.status() + ")";
            path += "; " + obligationName + " applies to " + tierName
                    + (best.reason() == null ? "" : ". " + best.reason());
        }
        Status status;
        String reason;
        if (date == null) {
            status = Status.UNKNOWN;
            reason = "The incident has no date.";
        } else if (from == null) {
            status = Status.UNKNOWN;
            reason = "No date of application is recorded for the obligation or its regulation.";
        } else if (before(date, from)) {
            status = Status.NOT_IN_FORCE;
            reason = "The incident (" + date + ") predates the obligation: " + basis + ".";
        } else if (date.length() != from.length() && !before(from, date)) {
            status = Status.UNKNOWN;
            reason =
                    "The incident (" + date + ") and the date of application (" + from + ") are too coarse to compare.";
        } else if (best == null) {
            status = Status.UNKNOWN;
            reason = "In force then (" + basis + "), but " + path + ".";
        } else if ("in".equals(best.status())) {
            status = Status.COULD_APPLY;
            reason = "In force then (" + basis + ") and " + org.name() + " is reached through the path; whether the "
                    + "event is a reportable incident under the law is not assessed.";
        } else if ("likely".equals(best.status())) {
            status = Status.LIKELY;
            reason = "In force then (" + basis + "); " + org.name() + " likely falls under the tier.";
        } else {
            status = Status.UNKNOWN;
            reason = "In force then (" + basis + "), but whether " + org.name() + " falls under the tier is unknown.";
        }
        return new Clock(
                o.ref(), o.regulation(), org, role, status, o.deadline(), o.recipient(), from, basis, path, reason);
    }

    private static int rank(String status) {
        return switch (status) {
            case "in" -> 0;
            case "likely" -> 1;
            default -> 2;
        };
    }

    /** Whether ISO date a is strictly before b, comparing only as far as both are precise. */
    static boolean before(String a, String b) {
        int n = Math.min(a.length(), b.length());
        return a.substring(0, n).compareTo(b.substring(0, n)) < 0;
    }
}
