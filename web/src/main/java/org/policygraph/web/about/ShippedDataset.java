package org.policygraph.web.about;

import java.util.List;

/**
 * A folder of the default data holding a dataset or law text in its publisher's format, and the Source its facts
 * cite. The folders are those of {@code neo4j-data/DATA-FORMAT.md}; a test keeps this list in step with the
 * folders that ship a licence file.
 *
 * @param folder the folder under {@code policygraph/data/}
 * @param source the id of the Source record its facts cite
 */
public record ShippedDataset(String folder, String source) {

    /** Every dataset and law text of the default data, in the order the about page lists them. */
    public static final List<ShippedDataset> ALL = List.of(
            new ShippedDataset("eu-ai-act-formex", "eur-lex-ai-act"),
            new ShippedDataset("ca-sb-53", "ca-leginfo-sb-53"),
            new ShippedDataset("epoch", "epoch-ai-models"),
            new ShippedDataset("fmti", "fmti-dec-2025"),
            new ShippedDataset("osai-index", "osai-index"),
            new ShippedDataset("aiid", "ai-incident-database"),
            new ShippedDataset("agora", "agora"),
            new ShippedDataset("ca-ai-bills-legiscan", "legiscan-ca-ai-bills"));

    /** The files, besides the data, that say under which terms a dataset is shipped and how to credit it. */
    static final List<String> LICENCE_FILES = List.of("LICENSE.md", "README.md");
}
