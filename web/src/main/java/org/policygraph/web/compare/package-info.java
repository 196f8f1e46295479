/**
 * Comparisons for journalists: regulations, organisations and models side by side, with who each rule reaches
 * (computed from thresholds in the data, with reasons), what-if thresholds, and CSV / JSON downloads.
 */
package org.policygraph.web.compare;
