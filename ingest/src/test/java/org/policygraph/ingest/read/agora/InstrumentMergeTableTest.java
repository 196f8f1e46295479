package org.policygraph.ingest.read.agora;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.policygraph.ingest.IngestError;
import org.policygraph.ingest.read.resolution.DatasetResolution;
import org.policygraph.ingest.read.resolution.InstrumentTable;

/** The instrument merge table as shipped, a broken copy of it, and the reader's rules for types and collections. */
class InstrumentMergeTableTest {

    @Test
    void theShippedTablesHaveNoProblemsAndMapTheAgreedIds() {
        DatasetResolution built = DatasetResolution.builtIn();
        assertThat(built.problems()).isEmpty();
        assertThat(built.instruments().agora(757).orElseThrow().id()).isEqualTo("eu-ai-act");
        assertThat(built.instruments().agora(2041).orElseThrow().id()).isEqualTo("ca-sb-53");
        assertThat(built.instruments().legiscan(1904800).orElseThrow().id()).isEqualTo("ca-sb-53");
        assertThat(built.instruments().agora(1137).orElseThrow().id()).isEqualTo("cn-generative-ai-measures");
        assertThat(built.instruments().agora(36).orElseThrow().id()).isEqualTo("cn-deep-synthesis-provisions");
        assertThat(built.states().byName("California").orElseThrow().id()).isEqualTo("us-ca");
        assertThat(built.states().byPostal("NY").orElseThrow().isoCode()).isEqualTo("US-NY");
        assertThat(built.states().states()).hasSize(51);
    }

    @Test
    void aDocumentListedTwiceOrAnIdThatIsNoSlugIsRefusedWithItsLine() {
        List<IngestError> errors = new ArrayList<>();
        InstrumentTable.parse(InstrumentTable.FILE, """
                instruments:
                  - id: ca-sb-53
                    agora: 2041
                  - id: other-bill
                    agora: [2041]
                  - id: Not A Slug
                    legiscan: 1
                  - id: no-keys
                    agora: seven
                """, errors);
        assertThat(errors)
                .extracting(Object::toString)
                .containsExactly(
                        "resolution/instruments.yaml:4 record other-bill field 'agora': AGORA document 2041 is also listed on "
                                + "line 2; a dataset document is one instrument",
                        "resolution/instruments.yaml:6 record Not A Slug field 'id': must be a slug of lower-case letters, "
                                + "digits and dashes, like ca-sb-53",
                        "resolution/instruments.yaml:8 record no-keys field 'agora': must be a positive whole number or a list "
                                + "of them, not 'seven'",
                        "resolution/instruments.yaml:8 record no-keys: lists no dataset key; give agora or legiscan ids");
    }

    @Test
    void theShippedIssuersNameTheCompanyOfEachFrameworkAgoraFilesUnderPrivateSectorCompanies() {
        InstrumentTable table = DatasetResolution.builtIn().instruments();
        assertThat(table.issuer(987).orElseThrow().organisation()).isEqualTo("google-deepmind");
        assertThat(table.issuer(987).orElseThrow().note())
                .contains("Google DeepMind Frontier Safety Framework Version 1.0");
        assertThat(table.issuer(767).orElseThrow().organisation()).isEqualTo("openai");
        assertThat(table.issuer(763).orElseThrow().organisation()).isEqualTo("meta");
        assertThat(table.issuer(762).orElseThrow().organisation()).isEqualTo("inflection-ai");
        // the curated frameworks carry their own ISSUED_BY; the multi-company commitments have no one issuer
        assertThat(table.issuer(768)).isEmpty();
        assertThat(table.issuer(758)).isEmpty();
    }

    @Test
    void aBrokenIssuerIsRefusedWithItsLine() {
        List<IngestError> errors = new ArrayList<>();
        InstrumentTable table = InstrumentTable.parse(InstrumentTable.FILE, """
                issuers:
                  - agora: 987
                    organisation: google-deepmind
                    note: '"Google DeepMind Frontier Safety Framework Version 1.0"'
                  - agora: 987
                    organisation: google
                  - agora: 769
                    organisation: Google Inc
                  - organisation: openai
                  - agora: 1
                    company: openai
                """, errors);
        assertThat(errors)
                .extracting(Object::toString)
                .containsExactly(
                        "resolution/instruments.yaml:5 record AGORA document 987 field 'agora': is also listed on line 2; a "
                                + "document has one issuer here",
                        "resolution/instruments.yaml:7 record AGORA document 769 field 'organisation': must be an organisation "
                                + "id, a slug like google-deepmind",
                        "resolution/instruments.yaml:9 field 'agora': must be one AGORA document id",
                        "resolution/instruments.yaml:10 field 'company': is not a field here; allowed: agora, organisation, note",
                        "resolution/instruments.yaml:10 record AGORA document 1 field 'organisation': is required");
        assertThat(table.issuer(987).orElseThrow().organisation()).isEqualTo("google-deepmind");
        assertThat(table.issuer(769)).isEmpty();
    }

    @Test
    void theSplitCollectionNameIsMendedAndOthersKept() {
        Set<String> known = new java.util.LinkedHashSet<>(List.of(
                "executive orders",
                "U.S. regulations",
                "and agency policies",
                "Editors' Picks",
                "U.S. regulations, executive orders, and agency policies"));
        assertThat(AgoraReader.collections(
                        "Editors' Picks;and agency policies;U.S. regulations;executive orders", known))
                .containsExactly("Editors' Picks", "U.S. regulations, executive orders, and agency policies");
        assertThat(AgoraReader.collections("U.S. federal laws", known)).containsExactly("U.S. federal laws");
    }

    @Test
    void instrumentTypesFollowTheDocumentedRules() {
        AgoraAuthority congress =
                new AgoraAuthority("United States Congress", "United States", "Federal government", 1, 2);
        AgoraAuthority company = new AgoraAuthority("Private-sector companies", null, null, 1, 2);
        AgoraAuthority city = new AgoraAuthority("New York, NY", "United States", "Local governments", 1, 2);
        AgoraAuthority eop =
                new AgoraAuthority("Executive Office of the President", "United States", "Federal government", 1, 2);
        assertThat(InstrumentTypes.of(congress, "CREATE AI Act", false)).isEqualTo("bill");
        assertThat(InstrumentTypes.of(congress, "National Defense Authorization Act", true))
                .isEqualTo("statute");
        assertThat(InstrumentTypes.of(company, "Anthropic Responsible Scaling Policy", true))
                .isEqualTo("corporate-framework");
        assertThat(InstrumentTypes.binding("corporate-framework", true)).isFalse();
        assertThat(InstrumentTypes.of(city, "NYC Local Law 144", true)).isEqualTo("statute");
        assertThat(InstrumentTypes.of(city, "City of New York AI Action Plan", true))
                .isEqualTo("executive-action");
        assertThat(InstrumentTypes.of(eop, "Blueprint for an AI Bill of Rights", true))
                .isEqualTo("executive-action");
    }
}
