package org.policygraph.web.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.policygraph.model.Kind;
import org.policygraph.model.Provenance;
import org.policygraph.model.RelType;
import org.policygraph.model.SourceRef;
import org.policygraph.model.applicability.ModelFacts;
import org.policygraph.model.applicability.Status;
import org.policygraph.web.ref.EntityRef;

/**
 * The rows of the comparison queries as records: what each comparison reads, typed, so that the comparisons build
 * cells from fields rather than from maps and casts. Dates and other scalars are kept as the text the page shows.
 */
final class CompareRows {

    private CompareRows() {}

    // ---- regulations

    /** A regulation, its obligations (through a provision first, then imposed directly) and the tiers it defines. */
    record RegulationRow(
            EntityRef ref,
            String adopted,
            String inForce,
            List<SourceRef> sources,
            List<ObligationRow> obligations,
            List<TierRow> tiers) {}

    /** An obligation and the provision that imposes it (null when the regulation imposes it directly). */
    record ObligationRow(
            EntityRef ref,
            EntityRef provision,
            String role,
            String deadline,
            String recipient,
            String penalty,
            String category,
            String appliesFrom,
            List<SourceRef> sources) {}

    /** A risk tier and the thresholds and scope stated on it. */
    record TierRow(
            EntityRef ref,
            Double computeThreshold,
            Double revenueThreshold,
            Double userThreshold,
            String scopeJurisdiction,
            String level,
            String appliesFrom,
            List<SourceRef> sources) {}

    static RegulationRow regulation(Record r) {
        Value reg = r.get("reg");
        Map<String, ObligationRow> obligations = new LinkedHashMap<>();
        for (Value entry : r.get("viaProvision").values()) {
            if (!entry.get("o").isNull()) {
                Value p = entry.get("p");
                ObligationRow o = obligation(entry.get("o"), p.isNull() ? null : ref(p, Kind.PROVISION));
                obligations.putIfAbsent(o.ref().id(), o);
            }
        }
        for (Value entry : r.get("direct").values()) {
            if (!entry.get("o").isNull()) {
                ObligationRow o = obligation(entry.get("o"), null);
                obligations.putIfAbsent(o.ref().id(), o);
            }
        }
        List<TierRow> tiers = new ArrayList<>();
        for (Value t : r.get("tiers").values()) {
            tiers.add(new TierRow(
                    ref(t, Kind.RISK_TIER),
                    number(t.get("compute_threshold_flop")),
                    number(t.get("revenue_threshold_usd")),
                    number(t.get("user_threshold")),
                    text(t.get("scope_jurisdiction")),
                    text(t.get("level")),
                    text(t.get("applies_from")),
                    sources(t)));
        }
        return new RegulationRow(
                ref(reg, Kind.REGULATION),
                text(reg.get("adopted")),
                text(reg.get("in_force")),
                sources(reg),
                List.copyOf(obligations.values()),
                tiers);
    }

    private static ObligationRow obligation(Value o, EntityRef provision) {
        return new ObligationRow(
                ref(o, Kind.OBLIGATION),
                provision,
                text(o.get("role")),
                text(o.get("deadline")),
                text(o.get("recipient")),
                text(o.get("penalty")),
                Optional.ofNullable(text(o.get("category"))).orElse(""),
                text(o.get("applies_from")),
                sources(o));
    }

    // ---- organisations

    /** An organisation and everything the comparison shows about it. */
    record OrganisationRow(
            EntityRef ref,
            List<SourceRef> sources,
            Fmti fmti,
            List<EntityRef> headquarters,
            List<EntityRef> parents,
            List<EntityRef> leaders,
            long modelCount,
            LargestModel largest,
            List<DatedModel> dated,
            List<StanceRow> stances,
            List<PositionRow> positions,
            List<IncidentRow> incidents,
            List<DirectReach> direct,
            List<ReachViaModels> viaModels,
            List<IssuedRow> issued) {}

    /** The Foundation Model Transparency Index's scores, or null when the organisation has none. */
    record Fmti(Number score, Number upstream, Number model, Number downstream) {}

    /** The organisation's model with the largest training compute on record. */
    record LargestModel(EntityRef ref, double compute, List<SourceRef> sources) {}

    /** A model with a release date. */
    record DatedModel(EntityRef ref, String released) {}

    /** A stance the organisation holds, its position and who asserts it. */
    record StanceRow(EntityRef ref, String position, List<String> assertedBy, List<SourceRef> sources) {}

    /**
     * The organisation's position on a regulation ({@code ENDORSED}, {@code OPPOSED}, {@code SIGNED} or
     * {@code DECLINED}) with the relationship's date, scope, role and sources.
     */
    record PositionRow(
            RelType type, EntityRef regulation, String date, String scope, String role, List<SourceRef> sources) {

        /** A signature or a refusal to sign, rather than an endorsement or opposition. */
        boolean signature() {
            return type == RelType.SIGNED || type == RelType.DECLINED;
        }
    }

    /** How many incidents name the organisation in one role (alleged developer or deployer), and the latest. */
    record IncidentRow(RelType role, long count, IncidentRef latest) {}

    /** An incident, its date and sources. */
    record IncidentRef(EntityRef ref, String date, List<SourceRef> sources) {}

    /** A tier the organisation itself falls under ({@code FALLS_UNDER}), with the status and reason. */
    record DirectReach(EntityRef tier, EntityRef regulation, Status status, String reason, List<SourceRef> sources) {}

    /** How many of the organisation's models fall under a tier with one status, and a few of them. */
    record ReachViaModels(EntityRef tier, EntityRef regulation, Status status, long count, List<String> examples) {}

    /** An instrument the organisation issued (a framework, a policy, rules). */
    record IssuedRow(EntityRef regulation, String adopted, String instrumentType, List<SourceRef> sources) {}

    static OrganisationRow organisation(Record r) {
        Value org = r.get("org");
        Value largest = r.get("largest");
        List<PositionRow> positions = new ArrayList<>();
        for (Value p : r.get("positions").values()) {
            if (p.get("reg").isNull()) {
                continue;
            }
            Value rel = p.get("rel");
            positions.add(new PositionRow(
                    RelType.valueOf(p.get("type").asString()),
                    ref(p.get("reg"), Kind.REGULATION),
                    text(rel.get("date")),
                    text(rel.get("scope")),
                    text(rel.get("role")),
                    sources(rel)));
        }
        List<DirectReach> direct = new ArrayList<>();
        for (Value d : r.get("direct").values()) {
            if (d.get("tier").isNull()) {
                continue;
            }
            Value rel = d.get("rel");
            direct.add(new DirectReach(
                    ref(d.get("tier"), Kind.RISK_TIER),
                    d.get("reg").isNull() ? null : ref(d.get("reg"), Kind.REGULATION),
                    status(rel.get("status")),
                    text(rel.get("reason")),
                    sources(rel)));
        }
        List<ReachViaModels> viaModels = new ArrayList<>();
        for (Value v : r.get("viaModels").values()) {
            if (v.get("tier").isNull()) {
                continue;
            }
            viaModels.add(new ReachViaModels(
                    ref(v.get("tier"), Kind.RISK_TIER),
                    v.get("reg").isNull() ? null : ref(v.get("reg"), Kind.REGULATION),
                    status(v.get("status")),
                    v.get("n").asLong(),
                    v.get("examples").asList(CompareRows::text)));
        }
        List<IssuedRow> issued = new ArrayList<>();
        for (Value i : r.get("issued").values()) {
            Value reg = i.get("reg");
            if (reg.isNull()) {
                continue;
            }
            issued.add(new IssuedRow(
                    ref(reg, Kind.REGULATION),
                    text(reg.get("adopted")),
                    text(reg.get("instrument_type")),
                    sources(i.get("rel"))));
        }
        return new OrganisationRow(
                ref(org, Kind.ORGANISATION),
                sources(org),
                org.get("fmti_score").isNull()
                        ? null
                        : new Fmti(
                                number(org, "fmti_score"),
                                number(org, "fmti_upstream"),
                                number(org, "fmti_model"),
                                number(org, "fmti_downstream")),
                refs(r.get("hq"), Kind.JURISDICTION),
                refs(r.get("parents"), Kind.ORGANISATION),
                refs(r.get("leaders"), Kind.PERSON),
                r.get("modelCount").asLong(0),
                largest.isNull()
                        ? null
                        : new LargestModel(
                                ref(largest, Kind.MODEL),
                                largest.get("training_compute_flop").asDouble(),
                                sources(largest)),
                r.get("dated").asList(m -> new DatedModel(ref(m, Kind.MODEL), text(m.get("released")))),
                r.get("stances")
                        .asList(s -> new StanceRow(
                                ref(s, Kind.STANCE),
                                text(s.get("position")),
                                s.get("by").asList(CompareRows::text),
                                sources(s))),
                positions,
                r.get("incidents").asList(i -> {
                    Value latest = i.get("latest");
                    return new IncidentRow(
                            RelType.valueOf(i.get("role").asString()),
                            i.get("n").asLong(),
                            latest.isNull()
                                    ? null
                                    : new IncidentRef(
                                            ref(latest, Kind.INCIDENT), text(latest.get("date")), sources(latest)));
                }),
                direct,
                viaModels,
                issued);
    }

    // ---- models

    /** A model's facts as the comparison shows them, the facts rules use, and its developers. */
    record ModelRow(
            EntityRef ref,
            String released,
            Number parameters,
            Double compute,
            String computeConfidence,
            String accessibility,
            Openness openness,
            ModelFacts facts,
            List<SourceRef> sources,
            List<EntityRef> developers) {}

    /** The European Open Source AI Index's counts of open, partial and closed ratings. */
    record Openness(Number open, Number partial, Number closed) {}

    static ModelRow model(Record r) {
        Value m = r.get("model");
        return new ModelRow(
                ref(m, Kind.MODEL),
                text(m.get("released")),
                number(m, "parameters"),
                number(m.get("training_compute_flop")),
                text(m.get("compute_confidence")),
                text(m.get("accessibility")),
                m.get("openness_open").isNull()
                        ? null
                        : new Openness(
                                number(m, "openness_open"),
                                number(m, "openness_partial"),
                                number(m, "openness_closed")),
                ModelFacts.of(m.asMap()),
                sources(m),
                refs(r.get("developers"), Kind.ORGANISATION));
    }

    // ---- values

    /** A reference from a map projection {@code n {.id, .name}}. */
    static EntityRef ref(Value v, Kind kind) {
        return new EntityRef(v.get("id").asString(), kind, v.get("name").asString(null));
    }

    private static List<EntityRef> refs(Value list, Kind kind) {
        return list.isNull() ? List.of() : list.asList(v -> ref(v, kind));
    }

    /** A node's or relationship's provenance lists as source references. */
    private static List<SourceRef> sources(Value v) {
        return v == null || v.isNull() ? List.of() : Provenance.read(v.asMap());
    }

    /** A scalar as the page shows it (a date or number in its usual text form), or null. */
    private static String text(Value v) {
        return v == null || v.isNull() ? null : String.valueOf(v.asObject());
    }

    private static Double number(Value v) {
        return v == null || v.isNull() ? null : v.asDouble();
    }

    /** A number as stored (integer or float), or null: kept so that it is displayed as it was. */
    private static Number number(Value node, String property) {
        Value v = node.get(property);
        return v.isNull() ? null : v.asNumber();
    }

    private static Status status(Value v) {
        String key = text(v);
        return key == null ? null : Status.valueOf(key.toUpperCase(java.util.Locale.ROOT));
    }
}
