/** The database schema as versioned Cypher files ({@code V0001__name.cypher}), read in version order. */
package org.policygraph.model.schema;
