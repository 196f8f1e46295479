/** Full-text search across names, other names and summaries: a page and {@code GET /api/search}. */
package org.policygraph.web.search;
