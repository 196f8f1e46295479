package org.policygraph.web.export;

import java.util.Map;

/**
 * A relationship as exported, named by the business ids of its ends.
 *
 * @param start      the start node's id
 * @param type       the relationship type
 * @param end        the end node's id
 * @param properties every property
 */
public record ExportRelationship(String start, String type, String end, Map<String, Object> properties) {}
