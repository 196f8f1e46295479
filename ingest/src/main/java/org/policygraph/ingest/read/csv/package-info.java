/**
 * CSV files read by header name, for the dataset readers: a table of the columns a reader knows (each with the
 * names older releases gave it), rows that know their record number and line, and errors that name the file, the
 * line, the row and the column.
 */
package org.policygraph.ingest.read.csv;
