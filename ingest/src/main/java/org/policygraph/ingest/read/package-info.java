/**
 * Readers that turn data files into graph records: the curated YAML folders per kind ({@link
 * org.policygraph.ingest.read.YamlRecordReader}), and one subpackage per dataset in its own format (Epoch AI's CSV,
 * the EU's Formex XML, FMTI, the Open Source AI Index, AGORA, LegiScan, the AI Incident Database), with the CSV
 * layer they share and the tables that resolve the names they use into PolicyGraph ids.
 */
package org.policygraph.ingest.read;
