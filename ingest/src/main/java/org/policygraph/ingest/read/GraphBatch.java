package org.policygraph.ingest.read;

import org.policygraph.ingest.IngestError;
import org.policygraph.model.NodeRecord;
import org.policygraph.model.RelationshipRecord;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What the readers produced from a set of files: nodes, relationships and the errors met while reading. */
public final class GraphBatch {

    private final List<NodeRecord> nodes = new ArrayList<>();
    private final List<RelationshipRecord> relationships = new ArrayList<>();
    private final List<IngestError> errors = new ArrayList<>();

    public void add(NodeRecord node) {
        nodes.add(node);
    }

    public void add(RelationshipRecord relationship) {
        relationships.add(relationship);
    }

    public void error(IngestError error) {
        errors.add(error);
    }

    public List<NodeRecord> nodes() {
        return Collections.unmodifiableList(nodes);
    }

    public List<RelationshipRecord> relationships() {
        return Collections.unmodifiableList(relationships);
    }

    public List<IngestError> errors() {
        return Collections.unmodifiableList(errors);
    }
}
