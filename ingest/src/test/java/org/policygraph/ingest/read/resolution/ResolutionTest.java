package org.policygraph.ingest.read.resolution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.policygraph.ingest.IngestError;
import org.policygraph.ingest.read.DataFile;
import org.policygraph.ingest.read.GraphBatch;
import org.policygraph.model.resolution.Country;
import org.policygraph.model.resolution.CountryTable;
import org.policygraph.model.resolution.Organisation;
import org.policygraph.model.resolution.OrganisationTable;

class ResolutionTest {

    static final Path DATA = Path.of("../neo4j-data/src/main/resources/policygraph/data");
    static final Resolution BUILT_IN = Resolution.builtIn();

    @Test
    void theBuiltInTablesHaveNoProblems() {
        assertThat(BUILT_IN.problems()).isEmpty();
        assertThat(BUILT_IN.organisations().organisations()).hasSizeGreaterThan(350);
        assertThat(BUILT_IN.countries().find("Korea (Republic of)"))
                .get()
                .extracting(Country::id)
                .isEqualTo("kr");
    }

    @Test
    void resolvesAnUnlistedSpellingWithALegalOrUnitSuffixToTheListedOrganisation() {
        OrganisationTable table = BUILT_IN.organisations();
        assertThat(ids("OpenAI, Inc.", "OpenAI Inc", "OPENAI LLC")).containsOnly("openai");
        assertThat(ids("Anthropic Research", "DeepSeek Ltd.", "Xiaomi Corporation"))
                .containsExactly("anthropic", "deepseek", "xiaomi");
        // a spelling the table lists is itself, and a name with no listed stem is an organisation of its own
        assertThat(ids("Google Research")).containsExactly("google");
        assertThat(ids("Kiwi Labs NZ", "Acme Labs")).containsExactly("kiwi-labs-nz", "acme-labs");
        // what does not resolve is offered as a candidate merge, for a person to decide
        assertThat(table.candidate("OpenAI Japan"))
                .get()
                .extracting(Organisation::id)
                .isEqualTo("openai");
        assertThat(table.candidate("OpenAI")).isEmpty();
        assertThat(table.candidate("Quokkafield Robotics")).isEmpty();
    }

    @Test
    void resolvesEveryIso3166CountryThatTheTableDoesNotList() {
        CountryTable countries = BUILT_IN.countries();
        assertThat(countries.find("Viet Nam")).isEmpty();
        assertThat(countries.findAny("Viet Nam"))
                .get()
                .extracting(Country::id, Country::isoCode)
                .containsExactly("vn", "VN");
        assertThat(countries.findAny("Mexico")).get().extracting(Country::id).isEqualTo("mx");
        assertThat(countries.findAny("Bolivia (Plurinational State of)"))
                .get()
                .extracting(Country::id)
                .isEqualTo("bo");
        assertThat(countries.findAny("PRT")).get().extracting(Country::id).isEqualTo("pt");
        // the table's own entries win: its id for the UK, its names
        assertThat(countries.findAny("United Kingdom of Great Britain and Northern Ireland"))
                .get()
                .extracting(Country::id)
                .isEqualTo("uk");
        assertThat(countries.findAny("GB"))
                .get()
                .extracting(Country::id, Country::name)
                .containsExactly("uk", "United Kingdom");
        assertThat(countries.findAny("Korea")).as("two countries").isEmpty();
        assertThat(countries.findAny("Atlantis")).isEmpty();
        assertThat(java.util.Locale.getISOCountries())
                .allSatisfy(code -> assertThat(
                                countries.byId(code.equals("GB") ? "uk" : code.toLowerCase(java.util.Locale.ROOT)))
                        .as(code)
                        .isPresent());
    }

    @Test
    void resolvesTheSpellingsOfOneOrganisationToOneId() {
        assertThat(ids("Google DeepMind", "DeepMind", "deepmind", "Google Deepmind"))
                .containsOnly("google-deepmind");
        assertThat(ids("OpenAI", "Open AI", "OPENAI", "open-ai")).containsOnly("openai");
        assertThat(ids("Google", "Google Brain", "Google Research", "Google AI"))
                .containsOnly("google");
        assertThat(ids("Meta", "Meta AI", "Facebook AI Research", "Facebook")).containsOnly("meta");
        assertThat(ids("Mistral AI", "Mistral")).containsOnly("mistral-ai");
        assertThat(ids("Alibaba", "Alibaba Group", "Tongyi Lab")).containsOnly("alibaba");
        Organisation deepmind = BUILT_IN.organisations().resolve("DeepMind").get(0);
        assertThat(deepmind.name()).isEqualTo("Google DeepMind");
        assertThat(deepmind.aliases()).containsExactly("DeepMind");
    }

    @Test
    void givesAnUnlistedNameItsSlugAJointNameSeveralOrganisationsAndAPersonNone() {
        assertThat(BUILT_IN.organisations().resolve("Acme Robotics Lab"))
                .containsExactly(new Organisation("acme-robotics-lab", "Acme Robotics Lab", List.of()));
        assertThat(BUILT_IN.organisations().resolve("Mistral AI and NVIDIA"))
                .extracting(Organisation::id)
                .containsExactly("mistral-ai", "nvidia");
        assertThat(BUILT_IN.organisations().resolve("Jon Durbin")).isEmpty();
    }

    @Test
    void listsEveryOrganisationNameTheDatasetsUse() throws IOException {
        List<String> names = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(DATA.resolve("epoch/notable_ai_models.csv"))) {
            for (CSVRecord r : CSVFormat.RFC4180
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(in)) {
                Arrays.stream(r.get("Organization").split(","))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .forEach(names::add);
            }
        }
        String scores = Files.readString(DATA.resolve("fmti/Dec2025/Dec2025_scores.csv"));
        names.addAll(Arrays.asList(scores.lines().findFirst().orElseThrow().split(","))
                .subList(1, 14));
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try (Stream<Path> files = Files.list(DATA.resolve("osai-index/yaml"))) {
            for (Path file : files.toList()) {
                JsonNode name = yaml.readTree(file.toFile()).path("org").path("name");
                names.add(name.asText());
            }
        }
        assertThat(names).hasSizeGreaterThan(1000);
        assertThat(new TreeSet<>(names))
                .filteredOn(n -> !BUILT_IN.organisations().lists(n))
                .as("names missing from resolution/organisations.yaml")
                .isEmpty();
    }

    @Test
    void refusesASpellingTwoOrganisationsClaimAndAJointNameWithAnUnknownId() {
        List<IngestError> errors = new ArrayList<>();
        OrganisationTable.parse("resolution/organisations.yaml", """
                organisations:
                  - id: openai
                    name: OpenAI
                  - id: open-ai
                    name: Open AI
                  - id: Bad Id
                    name: Bad
                joint:
                  - name: OpenAI and Acme
                    organisations: [openai, acme]
                individuals: [Jon Durbin]
                colours: [red]
                """, IngestError.into(errors));
        assertThat(errors)
                .extracting(Object::toString)
                .containsExactly(
                        "resolution/organisations.yaml:12 field 'colours': is not a section of this file; allowed: "
                                + "organisations, joint, individuals",
                        "resolution/organisations.yaml:4 record open-ai: 'Open AI' is spelt like a name of openai on line 2; "
                                + "a spelling may resolve to one entry only",
                        "resolution/organisations.yaml:6 record Bad Id field 'id': must be a slug of lower-case letters, "
                                + "digits and dashes, like google-deepmind",
                        "resolution/organisations.yaml:9 record OpenAI and Acme field 'organisations': 'acme' is not the id "
                                + "of an organisation listed in this file");
    }

    @Test
    void refusesAFoldersCopyThatDiffersFromTheBuiltInTable() throws IOException {
        String text = Files.readString(DATA.resolve(OrganisationTable.FILE))
                .replace("    aliases: [DeepMind]\n", "    aliases: [DeepMind, GDM]\n");
        GraphBatch batch = new GraphBatch();
        ResolutionReader reader = new ResolutionReader(BUILT_IN);
        reader.read(new DataFile(OrganisationTable.FILE, () -> text.getBytes(StandardCharsets.UTF_8)), batch);
        assertThat(batch.errors())
                .singleElement()
                .hasToString("resolution/organisations.yaml: differs from the "
                        + "table built into PolicyGraph (neo4j-data, policygraph/data/resolution/organisations.yaml), which "
                        + "the dataset readers use to resolve names; make the change there and rebuild");
        GraphBatch same = new GraphBatch();
        reader.read(new DataFile(CountryTable.FILE, () -> read(CountryTable.FILE)), same);
        assertThat(same.errors()).isEmpty();
        assertThat(same.nodes()).isEmpty();
    }

    @Test
    void aDatasetReaderReadsNothingWhenTheTablesAreBroken() {
        Resolution broken = new Resolution(
                OrganisationTable.empty(),
                CountryTable.empty(),
                List.of(new IngestError(CountryTable.FILE, 0, null, null, "is missing from the default data")));
        GraphBatch batch = new GraphBatch();
        assertThat(broken.usable(batch)).isFalse();
        assertThat(broken.usable(batch)).isFalse();
        assertThat(batch.errors()).as("reported once a batch").hasSize(1);
    }

    private static List<String> ids(String... names) {
        return Arrays.stream(names)
                .flatMap(n -> BUILT_IN.organisations().resolve(n).stream())
                .map(Organisation::id)
                .toList();
    }

    private static byte[] read(String file) {
        try {
            return Files.readAllBytes(DATA.resolve(file));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
