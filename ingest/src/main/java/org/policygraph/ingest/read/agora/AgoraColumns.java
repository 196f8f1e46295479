package org.policygraph.ingest.read.agora;

import java.util.List;
import java.util.regex.Pattern;
import org.policygraph.ingest.read.csv.CsvTable.Column;

/**
 * The columns of AGORA's bulk export that the reader maps by header name. The thematic flags ("Harms:
 * Discrimination", "Strategies: Tiering: Tiering based on inputs", ...) are not listed one by one: every column whose
 * name starts with one of {@link #THEME} is a flag, so a release that adds a flag is read without a change here.
 */
final class AgoraColumns {

    private AgoraColumns() {}

    static final Column AGORA_ID = Column.required("AGORA ID");
    static final Column OFFICIAL_NAME = Column.required("Official name");
    static final Column CASUAL_NAME = Column.optional("Casual name");
    static final Column LINK = Column.optional("Link to document");
    static final Column AUTHORITY = Column.required("Authority");
    static final Column COLLECTIONS = Column.optional("Collections");
    static final Column STATUS = Column.required("Most recent activity");
    static final Column STATUS_DATE = Column.required("Most recent activity date");
    static final Column PROPOSED_DATE = Column.optional("Proposed date");

    /**
     * Columns of the export the reader knows and deliberately does not read: ETO's own summaries and tags (its
     * work, under its terms, see DATA-FORMAT.md), its annotation workflow, and its copies of the texts.
     */
    static final List<Column> NOT_READ = List.of(
            Column.optional("Annotated?"),
            Column.optional("Validated?"),
            Column.optional("Primarily applies to the government"),
            Column.optional("Primarily applies to the private sector"),
            Column.optional("Short summary"),
            Column.optional("Long summary"),
            Column.optional("Tags"),
            Column.optional("Summaries and tags may include unreviewed machine output"),
            Column.optional("Official plaintext retrieved"),
            Column.optional("Official plaintext source"),
            Column.optional("Official plaintext unavailable/infeasible"),
            Column.optional("Official pdf source"),
            Column.optional("Official pdf retrieved"),
            Column.optional("Number of segments created"));

    static final List<Column> DOCUMENTS = List.of(
            AGORA_ID, OFFICIAL_NAME, CASUAL_NAME, LINK, AUTHORITY, COLLECTIONS, STATUS, STATUS_DATE, PROPOSED_DATE);

    /** The thematic flag columns: a header starting with one of these is a flag (True / False). */
    static final Pattern THEME = Pattern.compile("^(Applications|Harms|Incentives|Risk factors|Strategies):\\s.+");

    static final Column AUTHORITY_NAME = Column.required("Name");
    static final Column AUTHORITY_JURISDICTION = Column.required("Jurisdiction");
    static final Column AUTHORITY_PARENT = Column.required("Parent authority");

    static final Column COLLECTION_NAME = Column.required("Name");
    static final Column COLLECTION_DESCRIPTION = Column.optional("Description");

    static List<Column> documentsKnown() {
        List<Column> all = new java.util.ArrayList<>(DOCUMENTS);
        all.addAll(NOT_READ);
        return all;
    }
}
