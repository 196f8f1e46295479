/**
 * The warm-up after start: each page's queries run once in the background, so that the first visitors after a
 * deploy do not each wait for Neo4j to plan them.
 */
package org.policygraph.web.warmup;
