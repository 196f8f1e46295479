/**
 * The about page: every source the graph cites, with its licence, the attribution it requires and how many facts
 * cite it, and the datasets and law texts shipped with PolicyGraph with their licence files.
 */
package org.policygraph.web.about;
