package org.policygraph.ingest.validate;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongConsumer;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.policygraph.ingest.IngestError;
import org.policygraph.ingest.read.GraphBatch;
import org.policygraph.model.Kind;
import org.policygraph.model.NodeRecord;
import org.policygraph.model.Origin;
import org.policygraph.model.RelationshipRecord;
import org.policygraph.model.SourceRef;

/**
 * Validates a batch: Hibernate Validator constraints on every record, then the rules that span records: ids are
 * unique across kinds, every relationship end and every source reference resolves (to a record in the batch or a
 * node already in the database), relationship ends are of the kinds the type allows, and no relationship is
 * listed twice.
 */
public final class GraphValidator implements AutoCloseable {

    private final ValidatorFactory factory = Validation.byDefaultProvider()
            .configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory();
    private final Validator validator = factory.getValidator();

    /** How many records are validated between two reports of progress. */
    private static final int PROGRESS_EVERY = 100;

    /**
     * Validates a batch.
     *
     * @param batch    the records read, with any errors met while reading
     * @param existing looks up ids not found in the batch: returns the kind of each id already stored
     * @return every error, reading errors first; empty when the batch may be written
     */
    public List<IngestError> validate(GraphBatch batch, Function<Collection<String>, Map<String, Kind>> existing) {
        return validate(batch, existing, done -> {});
    }

    /**
     * As {@link #validate(GraphBatch, Function)}, telling {@code validated} how many records (nodes, then nodes and
     * relationships) are validated so far.
     */
    public List<IngestError> validate(
            GraphBatch batch, Function<Collection<String>, Map<String, Kind>> existing, LongConsumer validated) {
        List<IngestError> errors = new ArrayList<>(batch.errors());
        Map<String, NodeRecord> byId = new HashMap<>();
        long done = 0;
        for (NodeRecord node : batch.nodes()) {
            if (++done % PROGRESS_EVERY == 0) {
                validated.accept(done);
            }
            String record = node.id() == null ? "(no id)" : node.id();
            for (ConstraintViolation<NodeRecord> v : validator.validate(node)) {
                errors.add(error(node.origin(), record, v.getPropertyPath().toString(), v.getMessage()));
            }
            if (node.id() == null) {
                continue;
            }
            NodeRecord first = byId.putIfAbsent(node.id(), node);
            if (first != null) {
                errors.add(error(
                        node.origin(),
                        record,
                        "id",
                        "duplicates the id of the " + first.kind().singular() + " at " + first.origin()
                                + "; ids must be unique across all kinds"));
            }
        }

        Set<String> unresolved = new LinkedHashSet<>();
        for (RelationshipRecord rel : batch.relationships()) {
            collectUnknown(rel.from(), byId, unresolved);
            collectUnknown(rel.to(), byId, unresolved);
            rel.sources().forEach(s -> collectUnknown(s.source(), byId, unresolved));
        }
        for (NodeRecord node : batch.nodes()) {
            node.sources().forEach(s -> collectUnknown(s.source(), byId, unresolved));
        }
        Map<String, Kind> stored = unresolved.isEmpty() ? Map.of() : existing.apply(unresolved);
        Function<String, Kind> kindOf = id -> {
            NodeRecord n = byId.get(id);
            return n != null ? n.kind() : stored.get(id);
        };

        for (NodeRecord node : batch.nodes()) {
            checkSources(node.sources(), node.origin(), node.id(), "sources", kindOf, errors);
        }
        Set<String> keys = new HashSet<>();
        for (RelationshipRecord rel : batch.relationships()) {
            if (++done % PROGRESS_EVERY == 0) {
                validated.accept(done);
            }
            String record = rel.from() == null ? "(relationship)" : rel.from();
            String field = "relationship " + rel.type() + " -> " + rel.to();
            for (ConstraintViolation<RelationshipRecord> v : validator.validate(rel)) {
                errors.add(error(rel.origin(), record, field + " " + v.getPropertyPath(), v.getMessage()));
            }
            if (rel.type() != null && rel.type().derived()) {
                errors.add(
                        error(
                                rel.origin(),
                                record,
                                field + " type",
                                rel.type()
                                        + " is derived by ingest from thresholds and facts; it cannot be stated in a data file"));
                continue;
            }
            if (rel.from() == null || rel.to() == null) {
                continue;
            }
            Kind from = kindOf.apply(rel.from());
            Kind to = kindOf.apply(rel.to());
            if (from == null) {
                errors.add(error(
                        rel.origin(), record, field + " from", "'" + rel.from() + "' is not the id of any record"));
            }
            if (to == null) {
                errors.add(
                        error(rel.origin(), record, field + " to", "'" + rel.to() + "' is not the id of any record"));
            }
            if (from != null && to != null && !rel.type().allows(from, to)) {
                errors.add(error(
                        rel.origin(),
                        record,
                        field + " type",
                        rel.type() + " cannot go from a "
                                + from.singular() + " to a " + to.singular() + "; it goes from "
                                + names(rel.type().from()) + " to "
                                + names(rel.type().to())));
            }
            if (!keys.add(rel.key())) {
                errors.add(error(
                        rel.origin(),
                        record,
                        field,
                        "is listed twice; a relationship is identified by its start, type and end"));
            }
            checkSources(rel.sources(), rel.origin(), record, field + " sources", kindOf, errors);
        }
        validated.accept(done);
        return errors;
    }

    private static void checkSources(
            List<SourceRef> refs,
            Origin origin,
            String record,
            String field,
            Function<String, Kind> kindOf,
            List<IngestError> errors) {
        int i = 0;
        for (SourceRef ref : refs) {
            i++;
            if (ref == null || ref.source() == null) {
                continue;
            }
            Kind kind = kindOf.apply(ref.source());
            if (kind == null) {
                errors.add(error(
                        origin,
                        record,
                        field + "[" + i + "].source",
                        "'" + ref.source() + "' is not the id of any source record"));
            } else if (kind != Kind.SOURCE) {
                errors.add(error(
                        origin,
                        record,
                        field + "[" + i + "].source",
                        "'" + ref.source() + "' is a " + kind.singular() + ", not a source"));
            }
        }
    }

    private static void collectUnknown(String id, Map<String, NodeRecord> byId, Set<String> unknown) {
        if (id != null && !byId.containsKey(id)) {
            unknown.add(id);
        }
    }

    private static String names(Set<Kind> kinds) {
        if (kinds.size() == Kind.values().length) {
            return "any kind";
        }
        return String.join(" or ", kinds.stream().map(Kind::singular).toList());
    }

    private static IngestError error(Origin origin, String record, String field, String message) {
        return new IngestError(
                origin == null ? "(generated)" : origin.file(),
                origin == null ? 0 : origin.line(),
                record,
                field,
                message);
    }

    @Override
    public void close() {
        factory.close();
    }
}
