package org.policygraph.web.export;

import java.util.ArrayList;
import java.util.List;

/**
 * The licences and attributions of the data in an export: the project's statement (the README's "Data and
 * licences") and every source whose data is in it, with the licence its Source node records.
 *
 * @param statement the general statement
 * @param sources   the sources, in id order
 */
public record Licences(String statement, List<SourceLicence> sources) {

    /** The README's "Data and licences", the terms every export is under. */
    static final String STATEMENT = "PolicyGraph data: every node and relationship carries sources (source ids), "
            + "locators (article, section, row) and quotes. The datasets keep their licences: EU law © European Union, "
            + "EUR-Lex (reuse authorised under Decision 2011/833/EU); California SB 53 statute text "
            + "(leginfo.legislature.ca.gov); Epoch AI, \"Data on AI Models\" (CC BY 4.0); Stanford CRFM et al., "
            + "Foundation Model Transparency Index (CC BY 4.0); European Open Source AI Index, osai-index.eu (CC BY 4.0); "
            + "AI Incident Database (incidentdatabase.ai), Responsible AI Collaborative (CC BY-SA 4.0, ShareAlike); "
            + "Emerging Technology Observatory AGORA dataset, eto.tech/dataset-docs/agora (ETO terms of use: open to "
            + "non-commercial use; its facts only, not ETO's summaries); LegiScan, legiscan.com (CC BY 4.0). "
            + "Attribute each source below when you reuse its data.";

    /**
     * The statement and sources of an export: when a source's licence is a ShareAlike one (CC BY-SA), the statement
     * says that the export contains its facts and must be shared under the same licence.
     */
    static Licences of(List<SourceLicence> sources) {
        List<String> shareAlike = sources.stream()
                .filter(SourceLicence::shareAlike)
                .map(s -> (s.title() == null ? s.id() : s.title()) + " (" + s.licence() + ")")
                .toList();
        if (shareAlike.isEmpty()) {
            return new Licences(STATEMENT, sources);
        }
        return new Licences(
                STATEMENT + " ShareAlike: this export contains facts from " + String.join("; ", shareAlike)
                        + ", licensed CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/); you may share and adapt "
                        + "them, crediting the source, and must share what you make of them under CC BY-SA 4.0 as well.",
                sources);
    }

    /**
     * A source of data in the export.
     *
     * @param id        the Source node's id
     * @param title     its title
     * @param publisher who publishes it, or null
     * @param url       where it is, or null
     * @param licence   its licence as recorded, or null when none is recorded
     */
    public record SourceLicence(String id, String title, String publisher, String url, String licence) {

        /** Whether its licence is a ShareAlike one (CC BY-SA). */
        public boolean shareAlike() {
            return licence != null
                    && (licence.contains("BY-SA") || licence.toLowerCase().contains("sharealike"));
        }

        /** One line: title, publisher, URL and licence. */
        public String line() {
            StringBuilder sb = new StringBuilder(title == null ? id : title);
            if (publisher != null) {
                sb.append(" — ").append(publisher);
            }
            if (url != null) {
                sb.append(", ").append(url);
            }
            sb.append(" [")
                    .append(id)
                    .append("]: ")
                    .append(licence == null ? "no licence recorded; cite the source" : licence);
            return sb.toString().replace('\n', ' ').replace('\r', ' ');
        }
    }

    /** The statement and one line per source. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add(statement);
        sources.forEach(s -> lines.add("- " + s.line()));
        return lines;
    }
}
