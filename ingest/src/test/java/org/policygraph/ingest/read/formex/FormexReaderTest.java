package org.policygraph.ingest.read.formex;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policygraph.ingest.IngestError;
import org.policygraph.ingest.read.DataFile;
import org.policygraph.ingest.read.DataFiles;
import org.policygraph.ingest.read.GraphBatch;
import org.policygraph.model.Kind;
import org.policygraph.model.NodeRecord;
import org.policygraph.model.RelType;
import org.policygraph.model.RelationshipRecord;
import org.policygraph.model.SourceRef;

/** Reads the real AI Act Formex files shipped in neo4j-data, and broken copies of them. */
class FormexReaderTest {

    static final Path DATA = Path.of("../neo4j-data/src/main/resources/policygraph/data");
    static final String ARTICLES_FILE = "eu-ai-act-formex/L_202401689EN.000101.fmx.xml";

    static GraphBatch batch;
    static Map<String, NodeRecord> nodes;

    @BeforeAll
    static void readTheRealFiles() {
        batch = read(DataFiles.folder(DATA));
        nodes = batch.nodes().stream().collect(Collectors.toMap(NodeRecord::id, Function.identity()));
    }

    @Test
    void readsEveryFileWithoutError() {
        assertThat(batch.errors()).isEmpty();
        assertThat(DataFiles.folder(DATA).stream().filter(new FormexReader()::accepts))
                .hasSize(16);
    }

    @Test
    void readsAll113ArticlesAnd13AnnexesAnd180Recitals() {
        assertThat(ofType("article")).hasSize(113);
        assertThat(ofType("annex")).hasSize(13);
        assertThat(ofType("recital")).hasSize(180);
        assertThat(nodes)
                .containsKeys(IntStream.rangeClosed(1, 113)
                        .mapToObj(n -> "eu-ai-act-article-" + n)
                        .toArray(String[]::new));
        assertThat(nodes)
                .containsKeys(
                        "eu-ai-act-annex-i",
                        "eu-ai-act-annex-iv",
                        "eu-ai-act-annex-ix",
                        "eu-ai-act-annex-xiii",
                        "eu-ai-act-recital-1",
                        "eu-ai-act-recital-180");
    }

    @Test
    void article5IsProhibitedAiPracticesInChapterII() {
        NodeRecord article = nodes.get("eu-ai-act-article-5");
        assertThat(article.kind()).isEqualTo(Kind.PROVISION);
        assertThat(article.name()).isEqualTo("AI Act Article 5: Prohibited AI practices");
        assertThat(article.properties())
                .containsEntry("provision_type", "article")
                .containsEntry("number", "5")
                .containsEntry("title", "Prohibited AI practices")
                .containsEntry("chapter", "Chapter II — Prohibited AI practices")
                .containsEntry("url", "https://eur-lex.europa.eu/eli/reg/2024/1689/oj#art_5")
                .containsEntry("position", 1005L)
                .doesNotContainKey("section");
        assertThat((String) article.properties().get("text"))
                .startsWith("1. The following AI practices shall be prohibited:\n(a) the placing on the market")
                .contains("\n(h) the use of ‘real-time’ remote biometric identification systems in publicly accessible")
                .contains("\n(i) the targeted search for specific victims of abduction");
        assertThat(article.sources()).containsExactly(new SourceRef("eur-lex-ai-act", "Article 5", null));
    }

    @Test
    void article51StatesThe10To25FlopThresholdWithItsSuperscript() {
        NodeRecord article = nodes.get("eu-ai-act-article-51");
        assertThat(article.properties())
                .containsEntry(
                        "title",
                        "Classification of general-purpose AI models as general-purpose AI models "
                                + "with systemic risk")
                .containsEntry("chapter", "Chapter V — General-purpose AI models")
                .containsEntry("section", "Section 1 — Classification rules");
        assertThat((String) article.properties().get("text"))
                .contains("\n2. A general-purpose AI model shall be "
                        + "presumed to have high impact capabilities pursuant to paragraph 1, point (a), when the cumulative "
                        + "amount of computation used for its training measured in floating point operations is greater than "
                        + "10^25.\n3. The Commission");
    }

    @Test
    void article6IsInChapterIIISection1() {
        assertThat(nodes.get("eu-ai-act-article-6").properties())
                .containsEntry("title", "Classification rules for high-risk AI systems")
                .containsEntry("chapter", "Chapter III — High-risk AI systems")
                .containsEntry("section", "Section 1 — Classification of AI systems as high-risk");
    }

    @Test
    void annexIIIListsHighRiskSystems() {
        NodeRecord annex = nodes.get("eu-ai-act-annex-iii");
        assertThat(annex.properties())
                .containsEntry("provision_type", "annex")
                .containsEntry("number", "III")
                .containsEntry("title", "High-risk AI systems referred to in Article 6(2)")
                .containsEntry("url", "https://eur-lex.europa.eu/eli/reg/2024/1689/oj#anx_III")
                .containsEntry("position", 2003L);
        assertThat((String) annex.properties().get("text"))
                .contains("\n4. Employment, workers’ management and access "
                        + "to self-employment:\n(a) AI systems intended to be used for the recruitment or selection");
        assertThat(annex.sources()).containsExactly(new SourceRef("eur-lex-ai-act", "Annex III", null));
        // Annex X prints its title as a second title line rather than a subtitle
        assertThat(nodes.get("eu-ai-act-annex-x").properties())
                .containsEntry(
                        "title",
                        "Union legislative acts on large-scale IT systems in the area of Freedom, Security and Justice");
    }

    @Test
    void rendersNumbersQuotationsAndDashesAsTheJournalPrintsThem() {
        assertThat(text("eu-ai-act-article-99")).contains("administrative fines of up to EUR 35 000 000 or");
        assertThat(text("eu-ai-act-article-3")).contains("(1) ‘AI system’ means a machine-based system");
        assertThat(text("eu-ai-act-annex-ii")).contains("\n— terrorism,\n— trafficking in human beings,");
        // the quoted amendment's closing mark is printed after a footnote; footnotes are left out, the mark is not
        assertThat(text("eu-ai-act-article-102"))
                .endsWith("of that Regulation shall be taken into account.’")
                .doesNotContain("OJ L, 2024/1689");
        assertThat(text("eu-ai-act-recital-1"))
                .startsWith("The purpose of this Regulation is to improve")
                .contains("(the ‘Charter’)");
        assertThat(nodes.values())
                .allSatisfy(n -> assertThat((String) n.properties().getOrDefault("text", ""))
                        .as(n.id())
                        .doesNotContain("\u00A0")
                        .doesNotContain("  "));
    }

    @Test
    void theBibliographicFileGivesTheRegulation() {
        NodeRecord act = nodes.get("eu-ai-act");
        assertThat(act.kind()).isEqualTo(Kind.REGULATION);
        assertThat(act.name()).isEqualTo("EU Artificial Intelligence Act");
        assertThat(act.aliases()).contains("Regulation (EU) 2024/1689");
        assertThat(act.properties())
                .containsEntry("official_id", "Regulation (EU) 2024/1689")
                .containsEntry("celex", "32024R1689")
                .containsEntry("eli", "http://data.europa.eu/eli/reg/2024/1689/oj")
                .containsEntry("adopted", "2024-06-13")
                .containsEntry("url", "https://eur-lex.europa.eu/eli/reg/2024/1689/oj");
    }

    @Test
    void linksEveryProvisionToTheRegulationInOrderWithItsSource() {
        List<RelationshipRecord> rels = batch.relationships();
        assertThat(rels).hasSize(306).allSatisfy(rel -> {
            assertThat(rel.type()).isEqualTo(RelType.HAS_PROVISION);
            assertThat(rel.from()).isEqualTo("eu-ai-act");
            assertThat(rel.properties().get("position"))
                    .isEqualTo(nodes.get(rel.to()).properties().get("position"));
            assertThat(rel.sources()).isEqualTo(nodes.get(rel.to()).sources());
        });
        assertThat(nodes.values())
                .allSatisfy(n -> assertThat(n.sources())
                        .singleElement()
                        .satisfies(s -> assertThat(s.source()).isEqualTo("eur-lex-ai-act"))
                        .satisfies(s -> assertThat(s.locator()).isNotBlank()));
        assertThat(ofType("recital").stream()
                        .mapToLong(n -> (Long) n.properties().get("position"))
                        .max()
                        .orElseThrow())
                .isLessThan((Long) nodes.get("eu-ai-act-article-1").properties().get("position"));
        assertThat((Long) nodes.get("eu-ai-act-article-113").properties().get("position"))
                .isLessThan((Long) nodes.get("eu-ai-act-annex-i").properties().get("position"));
    }

    @Test
    void refusesATruncatedFileNamingTheFileTheLineAndTheArticle(@TempDir Path dir) throws IOException {
        String xml = Files.readString(DATA.resolve(ARTICLES_FILE));
        int cut = xml.indexOf("IDENTIFIER=\"051.002\"") + 200;
        write(dir, ARTICLES_FILE, xml.substring(0, cut));

        GraphBatch broken = read(DataFiles.folder(dir));

        assertThat(broken.nodes()).isEmpty();
        assertThat(broken.relationships()).isEmpty();
        assertThat(broken.errors()).singleElement().satisfies(error -> {
            assertThat(error.file()).isEqualTo(ARTICLES_FILE);
            assertThat(error.line()).isEqualTo(1); // the Journal's files are a single line; the column says where
            assertThat(error.message())
                    .startsWith("is not well-formed XML: ")
                    .containsPattern("\\(column \\d{6}, in Article 51\\)")
                    .endsWith("nothing was read from this file");
            assertThat(error.toString()).startsWith(ARTICLES_FILE + ":1: is not well-formed XML");
        });
    }

    @Test
    void refusesADoctypeWithoutReadingWhatItPointsTo(@TempDir Path dir) throws IOException {
        write(dir, "eu-ai-act-formex/evil.fmx.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE ANNEX [<!ENTITY secret SYSTEM "file:///etc/hostname">]>
                <ANNEX><TITLE><TI><P>ANNEX I</P></TI><STI><P>&secret;</P></STI></TITLE><CONTENTS><P>x</P></CONTENTS></ANNEX>
                """);

        GraphBatch broken = read(DataFiles.folder(dir));

        assertThat(broken.nodes()).isEmpty();
        assertThat(broken.errors()).singleElement().satisfies(error -> {
            assertThat(error.file()).isEqualTo("eu-ai-act-formex/evil.fmx.xml");
            assertThat(error.line()).isEqualTo(2);
            assertThat(error.message()).contains("DOCTYPE");
        });
    }

    @Test
    void refusesAFileOfAnotherActInTheFolder(@TempDir Path dir) throws IOException {
        String annex = Files.readString(DATA.resolve("eu-ai-act-formex/L_202401689EN.014401.fmx.xml"));
        write(
                dir,
                "eu-ai-act-formex/other.fmx.xml",
                annex.replace("<NO.CURRENT>1689</NO.CURRENT>", "<NO.CURRENT>1700</NO.CURRENT>"));

        GraphBatch broken = read(DataFiles.folder(dir));

        assertThat(broken.nodes()).isEmpty();
        assertThat(broken.errors())
                .extracting(IngestError::message)
                .first()
                .asString()
                .startsWith("is Official Journal document 2024/1700, but folder eu-ai-act-formex/ holds 2024/1689");
    }

    private static GraphBatch read(List<DataFile> files) {
        FormexReader reader = new FormexReader();
        GraphBatch out = new GraphBatch();
        files.stream().filter(reader::accepts).forEach(f -> reader.read(f, out));
        return out;
    }

    private static List<NodeRecord> ofType(String type) {
        return nodes.values().stream()
                .filter(n -> type.equals(n.properties().get("provision_type")))
                .toList();
    }

    private static String text(String id) {
        return (String) nodes.get(id).properties().get("text");
    }

    private static void write(Path dir, String relative, String content) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}
