/**
 * Comparisons for journalists: regulations, organisations and models side by side, with who each rule reaches
 * (computed from thresholds in the data, with reasons), what-if thresholds, and CSV / JSON downloads.
 *
 * <p>One class per comparison ({@link org.policygraph.web.compare.RegulationComparison},
 * {@link org.policygraph.web.compare.OrganisationComparison}, {@link org.policygraph.web.compare.ModelComparison},
 * {@link org.policygraph.web.compare.ThresholdComparison}) builds a {@link org.policygraph.web.compare.Comparison}
 * from the records {@link org.policygraph.web.compare.CompareRepository} maps its rows to
 * ({@link org.policygraph.web.compare.CompareRows}); the selection, the table being filled, the cells they share,
 * the citations and the tiers' state on a day are small classes beside them.
 */
package org.policygraph.web.compare;
