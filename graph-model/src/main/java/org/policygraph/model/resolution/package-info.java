/**
 * The resolution tables: how the names that datasets give organisations and countries resolve to PolicyGraph ids
 * ({@code resolution/organisations.yaml}, {@code resolution/countries.yaml} and the complete ISO 3166-1 table), with
 * the reading of their YAML. Ingest resolves dataset rows with them; the site lists the names they do not resolve as
 * candidate merges. Plain Java and Jackson, no database.
 */
package org.policygraph.model.resolution;
