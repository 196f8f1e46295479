/**
 * The graph's vocabulary, shared by ingest and web: node {@link org.policygraph.model.Kind kinds}, relationship
 * {@link org.policygraph.model.RelType types}, the properties each may carry, and the records that travel between
 * files, the database and pages, with the validation rules they must meet.
 */
package org.policygraph.model;
