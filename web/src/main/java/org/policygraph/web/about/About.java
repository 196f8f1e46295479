package org.policygraph.web.about;

import java.util.List;
import org.policygraph.web.ref.EntityRef;

/**
 * What the about page shows.
 *
 * @param datasets the datasets and law texts shipped with PolicyGraph, in {@link ShippedDataset#ALL}'s order
 * @param sources  every Source in the graph, most cited first
 */
public record About(List<Dataset> datasets, List<SourceUse> sources) {

    /** How many facts (nodes and relationships) cite some source; a fact citing two counts twice. */
    public long citations() {
        return sources.stream().mapToLong(SourceUse::facts).sum();
    }

    /**
     * A source and how much of the graph cites it.
     *
     * @param ref           the Source node
     * @param title         its title (its name when it has none)
     * @param publisher     who publishes it, or null
     * @param url           its address, or null
     * @param published     when it was published (an ISO date, or part of one), or null
     * @param licence       the terms it may be reused on, or null when none is recorded
     * @param sourceType    primary, dataset, commentary, press or official-website, or null
     * @param nodes         how many nodes cite it (not counting the Source node itself)
     * @param relationships how many relationships cite it
     */
    public record SourceUse(
            EntityRef ref,
            String title,
            String publisher,
            String url,
            String published,
            String licence,
            String sourceType,
            long nodes,
            long relationships) {

        /** Nodes and relationships that cite the source. */
        public long facts() {
            return nodes + relationships;
        }

        /** Whether its licence is a ShareAlike one (CC BY-SA): what is made of its facts is shared alike. */
        public boolean shareAlike() {
            return licence != null
                    && (licence.contains("BY-SA") || licence.toLowerCase().contains("sharealike"));
        }

        /** The credit line to give when reusing facts from it: publisher, title, address and licence. */
        public String attribution() {
            StringBuilder sb = new StringBuilder();
            if (publisher != null && !publisher.isBlank()) {
                sb.append(publisher).append(", ");
            }
            sb.append('“').append(title).append('”');
            if (url != null && !url.isBlank()) {
                sb.append(", ").append(url);
            }
            if (licence != null && !licence.isBlank()) {
                sb.append(" (").append(licence).append(')');
            }
            return sb.append('.').toString();
        }
    }

    /**
     * A dataset or law text shipped in a folder of the default data.
     *
     * @param folder   its folder under {@code policygraph/data/}, e.g. {@code epoch}
     * @param source   the Source its facts cite, or null when the graph holds no such Source
     * @param sourceId the id of that Source
     * @param files    its licence and attribution files, as shipped
     */
    public record Dataset(String folder, SourceUse source, String sourceId, List<LicenceFile> files) {}

    /**
     * A licence or attribution file shipped with a dataset.
     *
     * @param path its path under {@code policygraph/data/}, e.g. {@code epoch/LICENSE.md}
     * @param text its text
     */
    public record LicenceFile(String path, String text) {}
}
