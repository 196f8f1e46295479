/**
 * The PolicyGraph site and JSON API, packaged by feature: {@code entity} (index and entity pages, entity JSON),
 * {@code search}, {@code home} (front page and statistics), {@code system} (database connection, start-up,
 * health, errors and layout helpers).
 */
package org.policygraph.web;
