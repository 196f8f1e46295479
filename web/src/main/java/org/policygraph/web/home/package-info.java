/** The front page (what the graph holds) and the statistics API. */
package org.policygraph.web.home;
