/** The database connection (embedded or external), start-up loading, health, errors and template helpers. */
package org.policygraph.web.system;
