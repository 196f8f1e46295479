package org.policygraph.ingest.read;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.policygraph.ingest.IngestError;
import org.policygraph.model.NodeRecord;
import org.policygraph.model.Origin;
import org.policygraph.model.RelationshipRecord;
import org.policygraph.model.SourceRef;

/**
 * What the readers produced from a set of files: nodes, relationships and the errors met while reading.
 *
 * <p>Records come in two strengths. Curated records ({@link #add(NodeRecord)}) are authoritative, and the same id
 * twice among them is an error. Dataset readers <em>contribute</em> records ({@link #contribute(NodeRecord)}):
 * contributions with the same id are merged with each other and into a curated record of that id, so that an
 * article read from the official text and the same article annotated by hand, or an organisation named in three
 * datasets, become one node whose sources list every origin. On a merge the curated record's name and summary win,
 * properties are filled in where the curated record has none, and aliases and sources are united. A dataset reader
 * may say that its source is cited once ({@link #citedOnce}): a curated record citing that source is then not cited
 * again with the reader's own locator (Epoch's curated records cite a release's "row 265", the reader cites
 * {@code model "GPT-4"}: two locators of one place).
 */
public final class GraphBatch {

    private final List<NodeRecord> nodes = new ArrayList<>();
    private final Map<String, NodeRecord> contributed = new LinkedHashMap<>();
    private final List<RelationshipRecord> relationships = new ArrayList<>();
    private final Map<String, RelationshipRecord> contributedRelationships = new LinkedHashMap<>();
    private final List<IngestError> errors = new ArrayList<>();
    private final java.util.Set<IngestError> errorSet = new java.util.HashSet<>();
    private final java.util.Set<String> citedOnce = new java.util.HashSet<>();
    private final List<IngestError> emptyDatasets = new ArrayList<>();

    /** Adds a curated node; its id must be unique among curated nodes. */
    public void add(NodeRecord node) {
        nodes.add(node);
    }

    /** Adds a curated relationship. */
    public void add(RelationshipRecord relationship) {
        relationships.add(relationship);
    }

    /**
     * Adds a dataset node, merged with any other record of the same id. A contribution whose id another
     * contribution holds for a different kind is an error, not a merge: ids are unique across all kinds.
     */
    public void contribute(NodeRecord node) {
        NodeRecord other = node.id() == null ? null : contributed.get(node.id());
        if (other != null && other.kind() != node.kind()) {
            Origin origin = node.origin() == null ? Origin.generated("(generated)") : node.origin();
            error(new IngestError(
                    origin.file(),
                    origin.line(),
                    node.id(),
                    "id",
                    "is the id of a " + node.kind().singular() + " here and of the "
                            + other.kind().singular() + " read at " + other.origin()
                            + "; ids must be unique across all kinds"));
            return;
        }
        contributed.merge(node.id(), node, GraphBatch::mergeNodes);
    }

    /** Adds a dataset relationship, merged with any other of the same start, type and end. */
    public void contribute(RelationshipRecord rel) {
        contributedRelationships.merge(
                rel.key(),
                rel,
                (a, b) -> new RelationshipRecord(
                        a.type(),
                        a.from(),
                        a.to(),
                        union(b.properties(), a.properties()),
                        unionSources(a.sources(), b.sources()),
                        a.origin()));
    }

    /**
     * Says that a curated record citing {@code source} is not cited again by that source's dataset reader: the
     * curated locator says where, the reader's would be a second spelling of the same place.
     */
    public void citedOnce(String source) {
        citedOnce.add(source);
    }

    /** Adds an error, once: the same error from the same place is not listed twice. */
    public void error(IngestError error) {
        if (errorSet.add(error)) {
            errors.add(error);
        }
    }

    /**
     * Notes a dataset file that gives nothing (a CSV file with a header and no rows): not an error in the file,
     * but an input that would take away what its source gave before, which ingest refuses unless told to accept
     * removals.
     */
    public void emptyDataset(IngestError notice) {
        emptyDatasets.add(notice);
    }

    /** The dataset files that give nothing. */
    public List<IngestError> emptyDatasets() {
        return Collections.unmodifiableList(emptyDatasets);
    }

    /**
     * How many records the readers have given so far, counted cheaply as they came: a contribution merged into a
     * record of the same id counts apart.
     */
    public int recordsGiven() {
        return nodes.size() + contributed.size() + relationships.size() + contributedRelationships.size();
    }

    /** Every node: curated ones (with contributions of the same id merged in), then the other contributions. */
    public List<NodeRecord> nodes() {
        if (contributed.isEmpty()) {
            return Collections.unmodifiableList(nodes);
        }
        Map<String, NodeRecord> pending = new LinkedHashMap<>(contributed);
        List<NodeRecord> out = new ArrayList<>(nodes.size() + pending.size());
        for (NodeRecord node : nodes) {
            NodeRecord extra = node.id() == null ? null : pending.get(node.id());
            if (extra != null && extra.kind() == node.kind()) {
                pending.remove(node.id());
                out.add(mergeNodes(node, withoutSourcesOf(node.sources(), extra)));
            } else {
                out.add(node);
            }
        }
        out.addAll(pending.values());
        return out;
    }

    /** Every relationship: curated ones, with contributions of the same key merged in, then the others. */
    public List<RelationshipRecord> relationships() {
        if (contributedRelationships.isEmpty()) {
            return Collections.unmodifiableList(relationships);
        }
        Map<String, RelationshipRecord> pending = new LinkedHashMap<>(contributedRelationships);
        List<RelationshipRecord> out = new ArrayList<>(relationships.size() + pending.size());
        for (RelationshipRecord rel : relationships) {
            RelationshipRecord extra = rel.from() == null || rel.to() == null ? null : pending.remove(rel.key());
            out.add(
                    extra == null
                            ? rel
                            : new RelationshipRecord(
                                    rel.type(),
                                    rel.from(),
                                    rel.to(),
                                    union(rel.properties(), extra.properties()),
                                    unionSources(rel.sources(), notCitedBy(rel.sources(), extra.sources())),
                                    rel.origin()));
        }
        out.addAll(pending.values());
        return out;
    }

    public List<IngestError> errors() {
        return Collections.unmodifiableList(errors);
    }

    /** Merges {@code extra} into {@code main}: main's name and summary win; the rest is united. */
    static NodeRecord mergeNodes(NodeRecord main, NodeRecord extra) {
        LinkedHashSet<String> aliases = new LinkedHashSet<>(main.aliases());
        aliases.addAll(extra.aliases());
        if (extra.name() != null && !extra.name().equals(main.name())) {
            aliases.add(extra.name());
        }
        aliases.remove(main.name());
        return new NodeRecord(
                main.kind(),
                main.id(),
                main.name() != null ? main.name() : extra.name(),
                List.copyOf(aliases),
                main.summary() != null ? main.summary() : extra.summary(),
                union(main.properties(), extra.properties()),
                unionSources(main.sources(), extra.sources()),
                main.origin());
    }

    /** A contribution without the sources a curated record already cites. */
    private NodeRecord withoutSourcesOf(List<SourceRef> curated, NodeRecord extra) {
        return new NodeRecord(
                extra.kind(),
                extra.id(),
                extra.name(),
                extra.aliases(),
                extra.summary(),
                extra.properties(),
                notCitedBy(curated, extra.sources()),
                extra.origin());
    }

    private List<SourceRef> notCitedBy(List<SourceRef> curated, List<SourceRef> extra) {
        return extra.stream()
                .filter(s -> !citedOnce.contains(s.source())
                        || curated.stream().noneMatch(c -> c.source().equals(s.source())))
                .toList();
    }

    private static Map<String, Object> union(Map<String, Object> main, Map<String, Object> extra) {
        Map<String, Object> out = new LinkedHashMap<>(extra);
        out.putAll(main);
        return out;
    }

    private static List<SourceRef> unionSources(List<SourceRef> a, List<SourceRef> b) {
        LinkedHashSet<SourceRef> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
