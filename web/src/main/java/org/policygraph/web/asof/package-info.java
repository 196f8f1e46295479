/**
 * The law as it stood on a day: the dated statements of when rules apply (Events of type {@code applies-from} or
 * {@code deadline}), which of them were in force on the day asked, which had been superseded by an amendment, and
 * what was still to come. Amendments are {@code SUPERSEDES} relationships with the date they took effect, never
 * overwrites; the pages of regulations, risk tiers, obligations and provisions, the comparison and the timeline
 * read them here for {@code ?as-of=YYYY-MM-DD}.
 */
package org.policygraph.web.asof;
