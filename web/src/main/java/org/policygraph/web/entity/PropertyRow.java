package org.policygraph.web.entity;

/**
 * A kind-specific property shown on a page.
 *
 * @param name  the property name, e.g. {@code training_compute_flop}
 * @param label the name for people, e.g. "Training compute flop"
 * @param value the value as stored
 */
public record PropertyRow(String name, String label, Object value) {}
