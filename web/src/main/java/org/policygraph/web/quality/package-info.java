/**
 * The data-quality report, {@code /quality} and {@code GET /api/quality}: facts without a located source, sources
 * cited but missing, orphan nodes, unresolved aliases and claims that disagree with primary sources, each counted
 * over the whole graph and listed up to a cap.
 */
package org.policygraph.web.quality;
