/** Facts ingest derives from the graph after writing it: who each threshold-based rule reaches ({@code FALLS_UNDER}). */
package org.policygraph.ingest.derive;
