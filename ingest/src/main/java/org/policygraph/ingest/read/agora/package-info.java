/**
 * The reader for ETO's AGORA bulk export (documents, authorities, collections): every document an instrument with its
 * type, bindingness, status as AGORA states it (a dated claim of AGORA's), authority, jurisdiction and thematic
 * flags, merged with the curated instruments through {@code resolution/instruments.yaml}.
 */
package org.policygraph.ingest.read.agora;
