/**
 * Reads EU acts from the Official Journal's Formex 4 XML, the format the Publications Office publishes them in:
 * recitals, articles and annexes become provisions with their full text, the bibliographic file the act's
 * identifiers. {@link org.policygraph.ingest.read.formex.FormexReader} is the entry point; the rest renders Formex
 * markup as plain text and holds a file in memory with the lines its elements start at.
 */
package org.policygraph.ingest.read.formex;
