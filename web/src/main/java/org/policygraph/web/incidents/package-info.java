/**
 * Incidents (from the AI Incident Database) as they meet the law: the incident-reporting obligations that could
 * apply to an incident's alleged developer or deployer (its "reporting clocks"), and an organisation's incidents
 * by risk domain.
 */
package org.policygraph.web.incidents;
