package org.policygraph.bench.generate;

import java.nio.file.Path;
import java.util.Map;
import org.policygraph.model.Kind;
import org.policygraph.model.RelType;

/**
 * What the generator wrote: where, at what scale and seed, and how many nodes and relationships ingest will make of
 * it (after merging the records that share an id: an organisation named in many rows is one node).
 *
 * @param folder        the data folder, ready for ingest
 * @param scale         the scale
 * @param seed          the seed
 * @param nodes         nodes per kind
 * @param relationships relationships per type
 * @param files         files written
 * @param bytes         bytes written
 * @param millis        how long writing took
 */
public record GeneratedGraph(
        Path folder,
        Scale scale,
        long seed,
        Map<Kind, Long> nodes,
        Map<RelType, Long> relationships,
        int files,
        long bytes,
        long millis) {

    public GeneratedGraph {
        nodes = Map.copyOf(nodes);
        relationships = Map.copyOf(relationships);
    }

    public long totalNodes() {
        return nodes.values().stream().mapToLong(Long::longValue).sum();
    }

    public long totalRelationships() {
        return relationships.values().stream().mapToLong(Long::longValue).sum();
    }
}
