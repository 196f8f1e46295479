/**
 * The AI Incident Database (AIID) reader: incidents, their alleged developers, deployers and harmed parties, the
 * MIT risk domains of their classifications, and AIID's duplicates, from AIID's CSV snapshot in {@code aiid/}.
 */
package org.policygraph.ingest.read.aiid;
