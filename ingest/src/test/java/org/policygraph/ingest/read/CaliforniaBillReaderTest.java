package org.policygraph.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policygraph.model.Kind;
import org.policygraph.model.NodeRecord;
import org.policygraph.model.RelType;
import org.policygraph.model.SourceRef;

/** Reads the real SB 53 text shipped in neo4j-data, and broken copies of it. */
class CaliforniaBillReaderTest {

    static final Path DATA = Path.of("../neo4j-data/src/main/resources/policygraph/data");
    static final String BILL = "ca-sb-53/SB-53.md";
    static final String LEGINFO = "https://leginfo.legislature.ca.gov/faces/billNavClient.xhtml?bill_id=202520260SB53";

    static GraphBatch batch;
    static Map<String, NodeRecord> nodes;

    @BeforeAll
    static void readTheRealFile() {
        batch = read(DataFiles.folder(DATA));
        nodes = batch.nodes().stream().collect(Collectors.toMap(NodeRecord::id, Function.identity()));
    }

    @Test
    void readsEverySectionOfTheBillInOrder() {
        assertThat(batch.errors()).isEmpty();
        assertThat(batch.nodes().stream()
                        .filter(n -> n.kind() == Kind.PROVISION)
                        .map(NodeRecord::id))
                .containsExactly(
                        "ca-sb-53-sec-1",
                        "ca-sb-53-bpc-22757-10",
                        "ca-sb-53-bpc-22757-11",
                        "ca-sb-53-bpc-22757-12",
                        "ca-sb-53-bpc-22757-13",
                        "ca-sb-53-bpc-22757-14",
                        "ca-sb-53-bpc-22757-15",
                        "ca-sb-53-bpc-22757-16",
                        "ca-sb-53-gov-11546-8",
                        "ca-sb-53-lab-1107",
                        "ca-sb-53-lab-1107-1",
                        "ca-sb-53-lab-1107-2",
                        "ca-sb-53-sec-5",
                        "ca-sb-53-sec-6");
        assertThat(batch.relationships()).hasSize(14).allSatisfy(rel -> {
            assertThat(rel.type()).isEqualTo(RelType.HAS_PROVISION);
            assertThat(rel.from()).isEqualTo("ca-sb-53");
            assertThat(rel.properties().get("position"))
                    .isEqualTo(nodes.get(rel.to()).properties().get("position"));
        });
    }

    @Test
    void section22757Point13RequiresIncidentReportsWithin15DaysAnd24Hours() {
        NodeRecord section = nodes.get("ca-sb-53-bpc-22757-13");
        assertThat(section.name()).isEqualTo("SB 53, Business and Professions Code section 22757.13");
        assertThat(section.properties())
                .containsEntry("provision_type", "section")
                .containsEntry("number", "22757.13")
                .containsEntry("title", "Business and Professions Code section 22757.13")
                .containsEntry("chapter", "Chapter 25.1 — Transparency in Frontier Artificial Intelligence Act")
                .containsEntry("url", LEGINFO)
                .containsEntry("position", 5L);
        assertThat((String) section.properties().get("text"))
                .startsWith("(a) The Office of Emergency Services shall establish a mechanism")
                .contains("\n(c) (1) Subject to paragraph (2), a frontier developer shall report any critical safety "
                        + "incident pertaining to one or more of its frontier models to the Office of Emergency Services "
                        + "within 15 days of discovering the critical safety incident.\n")
                .contains("the frontier developer shall disclose that incident within 24 hours to an authority");
        assertThat(section.sources())
                .containsExactly(new SourceRef(
                        "ca-leginfo-sb-53", "Business and Professions Code section 22757.13 (SEC. 2)", null));
    }

    @Test
    void definitionsStateTheComputeAndRevenueThresholds() {
        assertThat((String) nodes.get("ca-sb-53-bpc-22757-11").properties().get("text"))
                .contains("(i) (1) \"Frontier model\" means a foundation model that was trained using a quantity of "
                        + "computing power greater than 10^26 integer or floating-point operations.")
                .contains("annual gross revenues in excess of five hundred million dollars ($500,000,000)");
    }

    @Test
    void readsUncodifiedSectionsAndSectionsOfOtherCodes() {
        assertThat(nodes.get("ca-sb-53-sec-1").properties())
                .containsEntry("number", "SECTION 1")
                .containsEntry("title", "The Legislature finds and declares all of the following:");
        assertThat((String) nodes.get("ca-sb-53-sec-1").properties().get("text"))
                .contains("\n(a) California is leading the world")
                .endsWith("proportional to the scale of the foreseeable risks.");
        assertThat(nodes.get("ca-sb-53-sec-5").properties())
                .containsEntry("number", "SEC. 5")
                .doesNotContainKey("title");
        assertThat(nodes.get("ca-sb-53-gov-11546-8").properties())
                .containsEntry("title", "Government Code section 11546.8")
                .doesNotContainKey("chapter");
        assertThat(nodes.get("ca-sb-53-lab-1107-1").properties())
                .containsEntry(
                        "chapter",
                        "Chapter 5.1 — Whistleblower Protections: Catastrophic Risks in AI Foundation Models");
    }

    @Test
    void contributesTheBillFromItsHeader() {
        NodeRecord bill = nodes.get("ca-sb-53");
        assertThat(bill.kind()).isEqualTo(Kind.REGULATION);
        assertThat(bill.name()).isEqualTo("California SB 53");
        assertThat(bill.properties())
                .containsEntry("official_id", "Senate Bill No. 53 (Chapter 138, Statutes of 2025)")
                .containsEntry("adopted", "2025-09-29")
                .containsEntry("instrument_type", "statute")
                .containsEntry("url", LEGINFO);
        assertThat(bill.sources()).extracting(SourceRef::source).containsExactly("ca-leginfo-sb-53");
    }

    @Test
    void refusesASectionThatNamesNoKnownCodeNamingTheLine(@TempDir Path dir) throws IOException {
        String text = Files.readString(DATA.resolve(BILL));
        write(
                dir,
                BILL,
                text.replace("is added to the Government Code, to read:", "is added to the Harbors Code, to read:"));

        GraphBatch broken = read(DataFiles.folder(dir));

        assertThat(broken.nodes()).isEmpty();
        assertThat(broken.relationships()).isEmpty();
        assertThat(broken.errors()).singleElement().satisfies(error -> {
            assertThat(error.file()).isEqualTo(BILL);
            assertThat(error.line()).isEqualTo(308);
            assertThat(error.message())
                    .startsWith("SEC. 3 puts text into a code, but its heading \"Section 11546.8 is "
                            + "added to the Harbors Code, to read:\" names no California code");
        });
    }

    @Test
    void refusesAnUnexpectedHeading(@TempDir Path dir) throws IOException {
        String text = Files.readString(DATA.resolve(BILL));
        write(dir, BILL, text.replace("**22757.16.**", "#### ARTICLE 2. Something\n\n**22757.16.**"));

        GraphBatch broken = read(DataFiles.folder(dir));

        assertThat(broken.nodes()).isEmpty();
        assertThat(broken.errors()).singleElement().satisfies(error -> {
            assertThat(error.line()).isEqualTo(306);
            assertThat(error.message()).startsWith("has the heading \"#### ARTICLE 2. Something\"");
        });
    }

    private static GraphBatch read(List<DataFile> files) {
        CaliforniaBillReader reader = new CaliforniaBillReader();
        GraphBatch out = new GraphBatch();
        files.stream().filter(reader::accepts).forEach(f -> reader.read(f, out));
        return out;
    }

    private static void write(Path dir, String relative, String content) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
