package org.policygraph.web.export;

import java.util.List;
import java.util.Map;

/**
 * A node as exported.
 *
 * @param id         its business id
 * @param labels     its labels, in Neo4j's order (the kind's label, then {@code Entity})
 * @param properties every property, the {@code id} included, as the driver gives them
 */
public record ExportNode(String id, List<String> labels, Map<String, Object> properties) {}
