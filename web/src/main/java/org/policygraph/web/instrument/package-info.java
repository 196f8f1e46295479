/** Instruments across sources: each source's dated status claims, and a jurisdiction's instruments by status. */
package org.policygraph.web.instrument;
