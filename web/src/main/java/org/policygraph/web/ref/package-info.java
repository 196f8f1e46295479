/**
 * The references every feature shares: a link to a node ({@link org.policygraph.web.ref.EntityRef}) and a source
 * behind a fact ({@link org.policygraph.web.ref.Citation}). They depend on nothing else in the site, so that the
 * features that show them (entity pages, comparisons, dates, incidents, paths) do not depend on one another.
 */
package org.policygraph.web.ref;
