package org.policygraph.ingest.write;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a write did, per node label and per relationship type: how many were created, updated (some property
 * changed) and left unchanged. Safe to add to from several threads (a batched write).
 */
public final class WriteSummary {

    /** Counts for one label or type. */
    public record Counts(long created, long updated, long unchanged) {
        Counts plus(String outcome, long n) {
            return switch (outcome) {
                case "created" -> new Counts(created + n, updated, unchanged);
                case "updated" -> new Counts(created, updated + n, unchanged);
                default -> new Counts(created, updated, unchanged + n);
            };
        }
    }

    private final Map<String, Counts> nodes = new TreeMap<>();
    private final Map<String, Counts> relationships = new TreeMap<>();
    private final Map<String, Long> removed = new TreeMap<>();
    private volatile long version;

    /** Whether the write created, updated or removed anything. */
    public boolean changed() {
        return created() > 0 || updated() > 0 || !removed.isEmpty();
    }

    /**
     * The graph's version after the write ({@link GraphVersion}), or 0 when the write changed nothing and so left
     * the version as it was.
     */
    public long version() {
        return version;
    }

    void version(long version) {
        this.version = version;
    }

    void removed(String type, long n) {
        if (n > 0) {
            removed.merge(type, n, Long::sum);
        }
    }

    /** Derived relationships removed because they no longer hold, per type. */
    public Map<String, Long> removed() {
        return removed;
    }

    synchronized void node(String label, String outcome, long n) {
        nodes.merge(label, new Counts(0, 0, 0).plus(outcome, n), WriteSummary::add);
    }

    synchronized void relationship(String type, String outcome, long n) {
        relationships.merge(type, new Counts(0, 0, 0).plus(outcome, n), WriteSummary::add);
    }

    /** Adds what another (partial) write did. */
    synchronized void add(WriteSummary other) {
        other.nodes.forEach((k, c) -> nodes.merge(k, c, WriteSummary::add));
        other.relationships.forEach((k, c) -> relationships.merge(k, c, WriteSummary::add));
    }

    public Map<String, Counts> nodes() {
        return nodes;
    }

    public Map<String, Counts> relationships() {
        return relationships;
    }

    public long created() {
        return total(nodes, Counts::created) + total(relationships, Counts::created);
    }

    public long updated() {
        return total(nodes, Counts::updated) + total(relationships, Counts::updated);
    }

    /** A table a person can read. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%-22s %9s %9s %9s%n", "", "created", "updated", "unchanged"));
        nodes.forEach(
                (k, c) -> sb.append(String.format("%-22s %9d %9d %9d%n", k, c.created(), c.updated(), c.unchanged())));
        relationships.forEach(
                (k, c) -> sb.append(String.format("%-22s %9d %9d %9d%n", k, c.created(), c.updated(), c.unchanged())));
        removed.forEach(
                (k, n) -> sb.append(String.format("%-22s %d derived relationships removed (no longer hold)%n", k, n)));
        sb.append(String.format("%d created, %d updated", created(), updated()));
        if (version > 0) {
            sb.append(String.format("; graph version %d", version));
        }
        return sb.toString();
    }

    private static Counts add(Counts a, Counts b) {
        return new Counts(a.created() + b.created(), a.updated() + b.updated(), a.unchanged() + b.unchanged());
    }

    private static long total(Map<String, Counts> map, java.util.function.ToLongFunction<Counts> f) {
        return map.values().stream().mapToLong(f).sum();
    }
}
