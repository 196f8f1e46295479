/**
 * The read-only Cypher console: the page ({@code /cypher}), the API ({@code POST /api/cypher}), the library of saved
 * queries, and the guards that make it read-only by construction (tokens, plan, read access mode, timeout, row,
 * length and concurrency caps).
 */
package org.policygraph.web.cypher;
