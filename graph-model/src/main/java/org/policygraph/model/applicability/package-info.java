/**
 * Who a rule reaches, computed from the graph's own data: the thresholds and scope on risk tiers (the rules) and
 * the facts on models and organisations. Pure Java, so that ingest (which stores the result as {@code FALLS_UNDER}
 * relationships) and the comparison pages (which re-run it with a what-if threshold) use the same logic.
 */
package org.policygraph.model.applicability;
