/** The timeline: dated events across the graph (adoption, entry into force, staged dates, endorsements, releases). */
package org.policygraph.web.timeline;
