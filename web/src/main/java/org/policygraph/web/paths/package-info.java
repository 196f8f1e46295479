/** "How is A related to B?": shortest paths between two nodes, each hop written as a sentence with its source. */
package org.policygraph.web.paths;
