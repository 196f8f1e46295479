/**
 * The rendered-page cache: the graph's version as the site sees it ({@link org.policygraph.web.cache.GraphVersionWatch}),
 * the bounded cache of answers per version, day, URL and representation ({@link org.policygraph.web.cache.PageCache}),
 * and the filters that serve, store and revalidate them, rendering a missing answer once however many ask for it
 * at the same time ({@link org.policygraph.web.cache.CacheFilters}).
 */
package org.policygraph.web.cache;
