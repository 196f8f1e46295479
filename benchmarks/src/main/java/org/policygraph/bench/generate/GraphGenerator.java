package org.policygraph.bench.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jboss.logging.Logger;
import org.policygraph.ingest.read.epoch.EpochReader;
import org.policygraph.ingest.read.resolution.Resolution;
import org.policygraph.model.Ids;
import org.policygraph.model.Kind;
import org.policygraph.model.RelType;
import org.policygraph.model.resolution.Country;

/**
 * Writes a realistic PolicyGraph data folder at a scale, the same every time for the same scale and seed.
 *
 * <p>Models go where a real dataset of models would come from: Epoch AI's CSV format ({@code epoch/*.csv}, read by
 * {@link EpochReader}), one row a model with its developers (one to three organisations; a few organisations develop
 * most models, as on Hugging Face: a Zipf draw), their countries and categories. Everything else is curated YAML,
 * one folder per kind, with the relationships that start at a record nested in it or, for the types that link
 * existing records, in {@code relationships/}. Counts of every kind and type follow the default data's proportions
 * ({@link Proportions}); the countries are those of the built-in resolution table, and further jurisdictions are
 * regions of them. Texts are sentences of policy words, provisions about as long as the AI Act's articles.
 *
 * <p>Records are written as they are made; what the generator keeps in memory is a few counters per organisation, so a
 * million models take the memory of thousands.
 */
public final class GraphGenerator {

    /** YAML records per file. */
    static final int RECORDS_PER_FILE = 5_000;
    /** Epoch rows per CSV file. */
    static final int ROWS_PER_CSV = 100_000;

    private static final Logger LOG = Logger.getLogger(GraphGenerator.class);

    /** The Epoch columns written, in the order of Epoch's own files. */
    private static final List<String> EPOCH_HEADER = List.of(
            "Model",
            "Organization",
            "Publication date",
            "Domain",
            "Parameters",
            "Training compute (FLOP)",
            "Confidence",
            "Link",
            "Organization categorization",
            "Country (of organization)",
            "Model accessibility");

    private static final List<RelType> LINKS = List.of(
            RelType.ABOUT,
            RelType.ADDRESSES,
            RelType.AMENDS,
            RelType.APPLIES_TO,
            RelType.ASSERTED_BY,
            RelType.BASED_ON,
            RelType.DEFINES,
            RelType.ENDORSED,
            RelType.ENFORCED_BY,
            RelType.HELD_BY,
            RelType.IMPOSES,
            RelType.ISSUED_BY,
            RelType.LEADS,
            RelType.SUBSIDIARY_OF);

    private final Scale scale;
    private final long seed;
    private final List<Country> countries;
    private final Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
    private final int countryJurisdictions;
    private final int publicBodies;
    private final double[] developerWeights;

    public GraphGenerator(Scale scale, long seed) {
        this.scale = scale;
        this.seed = seed;
        this.countries = Resolution.builtIn().countries().countries();
        for (Kind kind : Kind.values()) {
            counts.put(kind, scale.scaled(Proportions.nodes(kind), 1));
        }
        counts.put(Kind.MODEL, scale.models());
        counts.put(Kind.SOURCE, Math.max(2, counts.get(Kind.SOURCE)));
        counts.put(Kind.ORGANISATION, Math.max(2, counts.get(Kind.ORGANISATION)));
        this.countryJurisdictions = Math.min(counts.get(Kind.JURISDICTION), countries.size());
        this.publicBodies =
                Math.min(counts.get(Kind.ORGANISATION) - 1, scale.scaled(Proportions.CURATED_ORGANISATIONS, 1));
        // developers by rank: weight 1 / rank, cumulated for a binary-search draw
        int developers = counts.get(Kind.ORGANISATION) - publicBodies;
        developerWeights = new double[developers];
        double sum = 0;
        for (int i = 0; i < developers; i++) {
            sum += 1.0 / (i + 1);
            developerWeights[i] = sum;
        }
    }

    /** How many nodes of a kind the generated graph has. */
    public int count(Kind kind) {
        return counts.get(kind);
    }

    /** The id of the i-th node of a kind (0 &lt;= i &lt; {@link #count}): the same the data files give it. */
    public String id(Kind kind, int i) {
        return switch (kind) {
            case SOURCE -> i == 0 ? EpochReader.SOURCE : "source-" + i;
            case JURISDICTION -> i < countryJurisdictions ? countries.get(i).id() : Ids.slug(regionName(i));
            case REGULATION -> Ids.slug(regulationName(i));
            case PROVISION -> id(Kind.REGULATION, regulationOf(i)) + "-p" + i;
            case RISK_TIER -> "risk-tier-" + i;
            case OBLIGATION ->
                "obligation-" + i + "-" + Words.OBLIGATION_CATEGORIES.get(i % Words.OBLIGATION_CATEGORIES.size());
            case ORGANISATION -> Ids.slug(organisationName(i));
            case PERSON -> Ids.slug(personName(i));
            case MODEL -> Ids.slug(modelName(i));
            case STANCE -> "stance-" + i;
            case CONCEPT -> "concept-" + i + "-" + Ids.slug(Words.CONCEPTS.get(i % Words.CONCEPTS.size()));
            case CLAIM -> "claim-" + i;
            case INCIDENT -> "incident-" + i;
            case EVENT -> "event-" + i;
            case GROUP -> "group-" + i;
        };
    }

    /** The display name of the i-th node of a kind. */
    public String name(Kind kind, int i) {
        return switch (kind) {
            case SOURCE -> i == 0 ? "Epoch AI, Data on AI Models" : stem(Kind.SOURCE, i) + " Policy Review " + i;
            case JURISDICTION -> i < countryJurisdictions ? countries.get(i).name() : regionName(i);
            case REGULATION -> regulationName(i);
            case PROVISION -> "Article " + (1 + i % 150) + " of " + regulationName(regulationOf(i));
            case RISK_TIER -> "Risk tier " + i + " (level " + (1 + i % 5) + ")";
            case OBLIGATION ->
                "Obligation " + i + ": " + Words.OBLIGATION_CATEGORIES.get(i % Words.OBLIGATION_CATEGORIES.size());
            case ORGANISATION -> organisationName(i);
            case PERSON -> personName(i);
            case MODEL -> modelName(i);
            case STANCE -> "Stance " + i + " on " + Words.TOPICS.get(i % Words.TOPICS.size());
            case CONCEPT -> Words.CONCEPTS.get(i % Words.CONCEPTS.size()) + " " + i;
            case CLAIM -> "Claim " + i;
            case INCIDENT -> "Incident " + i;
            case EVENT -> "Event " + i;
            case GROUP -> "Group " + i;
        };
    }

    /** The id of the organisation of rank {@code rank} among developers: rank 0 develops the most models. */
    public String biggestDeveloper(int rank) {
        return id(Kind.ORGANISATION, publicBodies + rank);
    }

    /** A word of the texts' vocabulary, common ones more often: what a visitor might search for. */
    public static String word(SplittableRandom random) {
        return Words.word(random);
    }

    /** Writes the data folder (which must not exist or be empty). */
    public GeneratedGraph generate(Path folder) throws IOException {
        long start = System.nanoTime();
        if (Files.exists(folder)) {
            try (Stream<Path> list = Files.list(folder)) {
                if (list.findAny().isPresent()) {
                    throw new IOException("the data folder " + folder + " is not empty; generate into a new folder");
                }
            }
        }
        Files.createDirectories(folder);
        Run run = new Run(folder);
        run.all();
        long millis = (System.nanoTime() - start) / 1_000_000;
        Files.writeString(folder.resolve("README.md"), readme(run), StandardCharsets.UTF_8);
        LOG.infof(
                "generated %s in %d ms: %d nodes, %d relationships, %d files, %d MB",
                scale,
                millis,
                run.nodes.values().stream().mapToLong(Long::longValue).sum(),
                run.relationships.values().stream().mapToLong(Long::longValue).sum(),
                run.files,
                run.bytes >> 20);
        return new GeneratedGraph(folder, scale, seed, run.nodes, run.relationships, run.files, run.bytes, millis);
    }

    private String readme(Run run) {
        StringBuilder sb = new StringBuilder("# Generated PolicyGraph data\n\nScale ")
                .append(scale)
                .append(", seed ")
                .append(seed)
                .append(", written by org.policygraph.bench.generate.GraphGenerator.\n\n")
                .append("| kind or type | count |\n|---|---|\n");
        run.nodes.forEach((k, n) ->
                sb.append("| ").append(k.label()).append(" | ").append(n).append(" |\n"));
        run.relationships.forEach((t, n) ->
                sb.append("| ").append(t.name()).append(" | ").append(n).append(" |\n"));
        return sb.toString();
    }

    // ---- names, each kind from its own word lists so that ids never clash ----

    private String stem(Kind kind, long i) {
        return Words.NAME_STEMS.get((int) (mix(kind.ordinal(), i) >>> 33) % Words.NAME_STEMS.size());
    }

    private String regionName(int i) {
        Country country = countries.get(i % countryJurisdictions);
        return stem(Kind.JURISDICTION, i) + " " + Words.REGION_SUFFIXES.get(i % Words.REGION_SUFFIXES.size()) + " " + i
                + " (" + country.name() + ")";
    }

    private String regulationName(int i) {
        int jurisdiction = jurisdictionOf(i);
        return name(Kind.JURISDICTION, jurisdiction).replaceAll(" \\(.*\\)", "") + " "
                + Words.REGULATION_TOPICS.get(i % Words.REGULATION_TOPICS.size()) + " "
                + Words.INSTRUMENTS.get((i / Words.REGULATION_TOPICS.size()) % Words.INSTRUMENTS.size()) + " " + i;
    }

    private String organisationName(int i) {
        if (i < publicBodies) {
            return name(Kind.JURISDICTION, i % counts.get(Kind.JURISDICTION)).replaceAll(" \\(.*\\)", "") + " "
                    + Words.PUBLIC_BODIES.get(i % Words.PUBLIC_BODIES.size()) + " " + i;
        }
        return stem(Kind.ORGANISATION, i) + " "
                + Words.ORGANISATION_SUFFIXES.get((int) (mix(99, i) >>> 33) % Words.ORGANISATION_SUFFIXES.size())
                + " " + i;
    }

    private String personName(int i) {
        return Words.FIRST_NAMES.get(i % Words.FIRST_NAMES.size()) + " "
                + Words.LAST_NAMES.get((i / Words.FIRST_NAMES.size()) % Words.LAST_NAMES.size()) + " " + i;
    }

    private String modelName(int i) {
        return stem(Kind.MODEL, i) + " "
                + Words.MODEL_FAMILIES.get((int) (mix(98, i) >>> 33) % Words.MODEL_FAMILIES.size()) + " " + i;
    }

    /** A provision's regulation: a few regulations have many provisions (uniform draw to the power 1.5). */
    private int regulationOf(int provision) {
        double u = unit(mix(7, provision));
        return (int) Math.min(count(Kind.REGULATION) - 1, Math.floor(count(Kind.REGULATION) * Math.pow(u, 1.5)));
    }

    /** A regulation's jurisdiction: most are countries'. */
    private int jurisdictionOf(int regulation) {
        double u = unit(mix(8, regulation));
        return (int) Math.min(count(Kind.JURISDICTION) - 1, Math.floor(count(Kind.JURISDICTION) * u * u));
    }

    /** Whether a developer organisation has a country, and which (countries early in the table more often). */
    private int countryOf(int organisation) {
        long h = mix(9, organisation);
        if (unit(h) >= Proportions.WITH_COUNTRY) {
            return -1;
        }
        double u = unit(mix(10, organisation));
        return (int) Math.min(countryJurisdictions - 1, Math.floor(countryJurisdictions * u * u * u));
    }

    private String categoryOf(int organisation) {
        double u = unit(mix(11, organisation));
        return u < 0.70 ? "Industry" : u < 0.95 ? "Academia" : "Government";
    }

    private long mix(long salt, long i) {
        long z = seed * 0x9E3779B97F4A7C15L + salt * 0xBF58476D1CE4E5B9L + i * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static double unit(long h) {
        return (h >>> 11) * 0x1.0p-53;
    }

    /** One generation: the open files and the counts. */
    private final class Run {
        final Path folder;
        final Map<Kind, Long> nodes = new EnumMap<>(Kind.class);
        final Map<RelType, Long> relationships = new EnumMap<>(RelType.class);
        int files;
        long bytes;

        Run(Path folder) {
            this.folder = folder;
        }

        void all() throws IOException {
            sources();
            jurisdictions();
            regulations();
            provisions();
            simple(Kind.RISK_TIER, this::riskTier);
            simple(Kind.OBLIGATION, this::obligation);
            publicBodies();
            simple(Kind.PERSON, this::person);
            simple(Kind.STANCE, this::stance);
            simple(Kind.CONCEPT, this::concept);
            simple(Kind.CLAIM, this::claim);
            curatedModels();
            epoch();
            for (RelType type : LINKS) {
                links(type);
            }
        }

        private YamlFiles yaml(String folderName, String name) {
            return new YamlFiles(folder.resolve(folderName), name, RECORDS_PER_FILE);
        }

        private void done(YamlFiles files) throws IOException {
            files.close();
            this.files += files.files();
            this.bytes += files.bytes();
        }

        private void node(Kind kind) {
            nodes.merge(kind, 1L, Long::sum);
        }

        private void rel(RelType type) {
            relationships.merge(type, 1L, Long::sum);
        }

        private Map<String, Object> record(Kind kind, int i, SplittableRandom random) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("id", id(kind, i));
            r.put("name", name(kind, i));
            r.put("summary", Words.sentence(random));
            return r;
        }

        private List<Map<String, Object>> sources(SplittableRandom random) {
            List<Map<String, Object>> refs = new ArrayList<>();
            int n = 1 + (random.nextInt(4) == 0 ? 1 : 0);
            Set<Integer> used = new HashSet<>();
            for (int k = 0; k < n; k++) {
                // the first sources are cited most
                int s = 1 + (int) Math.floor((count(Kind.SOURCE) - 1) * Math.pow(random.nextDouble(), 2));
                if (!used.add(s)) {
                    continue;
                }
                Map<String, Object> ref = new LinkedHashMap<>();
                ref.put("source", id(Kind.SOURCE, s));
                ref.put("locator", (random.nextBoolean() ? "Article " : "page ") + (1 + random.nextInt(120)));
                if (random.nextInt(5) == 0) {
                    ref.put("quote", Words.sentence(random));
                }
                refs.add(ref);
            }
            return refs;
        }

        private Map<String, Object> relationship(RelType type, String to, SplittableRandom random) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("type", type.name());
            r.put("to", to);
            r.put("sources", sources(random));
            rel(type);
            return r;
        }

        private void sources() throws IOException {
            YamlFiles out = yaml("sources", "sources");
            SplittableRandom random = new SplittableRandom(mix(1, Kind.SOURCE.ordinal()));
            for (int i = 0; i < count(Kind.SOURCE); i++) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("id", id(Kind.SOURCE, i));
                r.put("name", name(Kind.SOURCE, i));
                r.put("title", i == 0 ? "Data on AI Models" : Words.sentence(random));
                r.put("publisher", i == 0 ? "Epoch AI" : stem(Kind.SOURCE, i) + " Institute");
                r.put("url", "https://example.org/sources/" + id(Kind.SOURCE, i));
                r.put("published", date(random, 2016, 2026));
                r.put("source_type", i == 0 ? "dataset" : Words.pick(Words.SOURCE_TYPES, random));
                r.put("sources", List.of(Map.of("source", id(Kind.SOURCE, i), "locator", "whole document")));
                out.write(r);
                node(Kind.SOURCE);
            }
            done(out);
        }

        private void jurisdictions() throws IOException {
            YamlFiles out = yaml("jurisdictions", "jurisdictions");
            SplittableRandom random = new SplittableRandom(mix(1, Kind.JURISDICTION.ordinal()));
            for (int i = 0; i < count(Kind.JURISDICTION); i++) {
                Map<String, Object> r = record(Kind.JURISDICTION, i, random);
                if (i < countryJurisdictions) {
                    Country c = countries.get(i);
                    r.put("jurisdiction_type", c.jurisdictionType() == null ? "country" : c.jurisdictionType());
                    if (c.isoCode() != null) {
                        r.put("iso_code", c.isoCode());
                    }
                } else {
                    r.put("jurisdiction_type", i % 3 == 0 ? "province" : i % 3 == 1 ? "state" : "region");
                }
                r.put("sources", sources(random));
                if (i >= countryJurisdictions) {
                    r.put(
                            "relationships",
                            List.of(relationship(
                                    RelType.PART_OF, id(Kind.JURISDICTION, i % countryJurisdictions), random)));
                }
                out.write(r);
                node(Kind.JURISDICTION);
            }
            done(out);
        }

        private void regulations() throws IOException {
            YamlFiles out = yaml("regulations", "regulations");
            SplittableRandom random = new SplittableRandom(mix(1, Kind.REGULATION.ordinal()));
            for (int i = 0; i < count(Kind.REGULATION); i++) {
                Map<String, Object> r = record(Kind.REGULATION, i, random);
                r.put(
                        "short_name",
                        Words.REGULATION_TOPICS.get(i % Words.REGULATION_TOPICS.size()) + " "
                                + Words.INSTRUMENTS.get(
                                        (i / Words.REGULATION_TOPICS.size()) % Words.INSTRUMENTS.size()));
                r.put("status", Words.pick(List.of("proposed", "adopted", "in-force", "partially-applicable"), random));
                r.put(
                        "instrument_type",
                        Words.pick(
                                List.of(
                                        "regulation",
                                        "statute",
                                        "administrative-measure",
                                        "executive-order",
                                        "guidance"),
                                random));
                r.put("adopted", date(random, 2019, 2026));
                r.put("url", "https://example.org/law/" + id(Kind.REGULATION, i));
                r.put("sources", sources(random));
                r.put(
                        "relationships",
                        List.of(relationship(RelType.APPLIES_IN, id(Kind.JURISDICTION, jurisdictionOf(i)), random)));
                out.write(r);
                node(Kind.REGULATION);
            }
            done(out);
        }

        private void provisions() throws IOException {
            YamlFiles out = yaml("provisions", "provisions");
            YamlFiles links = yaml("relationships", "has-provision");
            SplittableRandom random = new SplittableRandom(mix(1, Kind.PROVISION.ordinal()));
            for (int i = 0; i < count(Kind.PROVISION); i++) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("id", id(Kind.PROVISION, i));
                r.put("name", name(Kind.PROVISION, i));
                double u = random.nextDouble();
                r.put("provision_type", u < 0.6 ? "article" : u < 0.9 ? "recital" : u < 0.96 ? "annex" : "section");
                r.put("number", String.valueOf(1 + i % 150));
                r.put("title", Words.sentence(random).replace(".", ""));
                // lengths like the AI Act's: most a few hundred words, a few several thousand characters
                int length = (int) Math.min(12_000, 300 + 1_200 * -Math.log(1 - random.nextDouble()));
                r.put("text", Words.text(random, length));
                r.put("position", (long) (1 + i % 150));
                r.put("sources", sources(random));
                out.write(r);
                node(Kind.PROVISION);
                Map<String, Object> has = new LinkedHashMap<>();
                has.put("from", id(Kind.REGULATION, regulationOf(i)));
                has.putAll(relationship(RelType.HAS_PROVISION, id(Kind.PROVISION, i), random));
                links.write(has);
            }
            done(out);
            done(links);
        }

        /** A kind whose records carry only their properties (their relationships are links). */
        private void simple(Kind kind, RecordMaker maker) throws IOException {
            YamlFiles out = yaml(kind.plural(), kind.plural());
            SplittableRandom random = new SplittableRandom(mix(1, kind.ordinal()));
            for (int i = 0; i < count(kind); i++) {
                Map<String, Object> r = record(kind, i, random);
                maker.fill(r, i, random);
                r.put("sources", sources(random));
                out.write(r);
                node(kind);
            }
            done(out);
        }

        private void riskTier(Map<String, Object> r, int i, SplittableRandom random) {
            r.put("level", (long) (1 + i % 5));
            if (i % 4 == 0) {
                r.put("compute_threshold_flop", Math.pow(10, 23 + random.nextInt(4)));
            }
            r.put("applies_from", date(random, 2024, 2028));
        }

        private void obligation(Map<String, Object> r, int i, SplittableRandom random) {
            r.put("role", Words.pick(Words.ROLES, random));
            r.put("category", Words.OBLIGATION_CATEGORIES.get(i % Words.OBLIGATION_CATEGORIES.size()));
            if (random.nextBoolean()) {
                r.put("deadline", (1 + random.nextInt(30)) + " days");
            }
            r.put("applies_from", date(random, 2024, 2028));
        }

        private void person(Map<String, Object> r, int i, SplittableRandom random) {
            r.put("role", Words.pick(List.of("chief executive", "researcher", "legislator", "commissioner"), random));
        }

        private void stance(Map<String, Object> r, int i, SplittableRandom random) {
            r.put("topic", Words.TOPICS.get(i % Words.TOPICS.size()));
            r.put("position", Words.pick(Words.POSITIONS, random));
        }

        private void concept(Map<String, Object> r, int i, SplittableRandom random) {}

        private void claim(Map<String, Object> r, int i, SplittableRandom random) {
            r.put("claim", Words.sentence(random));
            String verdict = Words.pick(Words.VERDICTS, random);
            r.put("verdict", verdict);
            if (verdict.equals("inaccurate") || verdict.equals("vague")) {
                r.put("correction", Words.sentence(random));
            }
        }

        /** Regulators, legislatures and ministries: curated, each headquartered in a jurisdiction. */
        private void publicBodies() throws IOException {
            YamlFiles out = yaml("organisations", "public-bodies");
            SplittableRandom random = new SplittableRandom(mix(1, Kind.ORGANISATION.ordinal()));
            for (int i = 0; i < publicBodies; i++) {
                Map<String, Object> r = record(Kind.ORGANISATION, i, random);
                r.put("org_type", Words.pick(List.of("regulator", "legislature", "government"), random));
                r.put("website", "https://example.org/bodies/" + id(Kind.ORGANISATION, i));
                r.put("sources", sources(random));
                r.put(
                        "relationships",
                        List.of(relationship(
                                RelType.HEADQUARTERED_IN,
                                id(Kind.JURISDICTION, i % count(Kind.JURISDICTION)),
                                random)));
                out.write(r);
                node(Kind.ORGANISATION);
            }
            done(out);
        }

        /** A curated record for some models, merged by ingest with their Epoch row. */
        private void curatedModels() throws IOException {
            int curated = Math.min(count(Kind.MODEL), scale.scaled(Proportions.CURATED_MODELS, 0));
            if (curated == 0) {
                return;
            }
            YamlFiles out = yaml("models", "models");
            SplittableRandom random = new SplittableRandom(mix(1, Kind.MODEL.ordinal()));
            int step = Math.max(1, count(Kind.MODEL) / curated);
            for (int k = 0; k < curated; k++) {
                int i = k * step;
                Map<String, Object> r = record(Kind.MODEL, i, random);
                r.put("openness_open", (long) random.nextInt(8));
                r.put("openness_partial", (long) random.nextInt(6));
                r.put("openness_closed", (long) random.nextInt(8));
                r.put("sources", sources(random));
                out.write(r);
            }
            done(out);
        }

        /** Every model as a row of Epoch's CSV, with its developers: they become organisations and DEVELOPS. */
        private void epoch() throws IOException {
            Path dir = folder.resolve("epoch");
            Files.createDirectories(dir);
            SplittableRandom random = new SplittableRandom(mix(2, Kind.MODEL.ordinal()));
            int developers = developerWeights.length;
            BitSet seen = new BitSet(developers);
            BitSet headquartered = new BitSet(developers);
            CSVFormat format = CSVFormat.RFC4180
                    .builder()
                    .setHeader(EPOCH_HEADER.toArray(String[]::new))
                    .get();
            CSVPrinter csv = null;
            BufferedWriter writer = null;
            int file = 0;
            try {
                for (int m = 0; m < count(Kind.MODEL); m++) {
                    if (m % ROWS_PER_CSV == 0) {
                        if (csv != null) {
                            csv.close();
                            bytes += Files.size(dir.resolve(String.format(Locale.ROOT, "models-%04d.csv", file)));
                        }
                        file++;
                        files++;
                        writer = Files.newBufferedWriter(
                                dir.resolve(String.format(Locale.ROOT, "models-%04d.csv", file)),
                                StandardCharsets.UTF_8);
                        csv = new CSVPrinter(writer, format);
                    }
                    // every developer has a model (the first ones), then a few develop most (1 / rank)
                    List<Integer> devs = new ArrayList<>(3);
                    devs.add(m < developers ? m : zipf(random));
                    double u = random.nextDouble();
                    int extra = u < 0.66 ? 0 : u < 0.93 ? 1 : 2;
                    for (int k = 0; k < extra && developers > devs.size(); k++) {
                        int d = zipf(random);
                        if (!devs.contains(d)) {
                            devs.add(d);
                        }
                    }
                    List<String> orgNames = new ArrayList<>();
                    List<String> countryNames = new ArrayList<>();
                    List<String> categories = new ArrayList<>();
                    boolean allCountries = true;
                    for (int d : devs) {
                        int org = publicBodies + d;
                        orgNames.add(name(Kind.ORGANISATION, org));
                        categories.add(categoryOf(org));
                        int country = countryOf(org);
                        if (country < 0) {
                            allCountries = false;
                        } else {
                            countryNames.add(countries.get(country).name());
                        }
                        if (!seen.get(d)) {
                            seen.set(d);
                            node(Kind.ORGANISATION);
                        }
                        rel(RelType.DEVELOPS);
                    }
                    if (allCountries) {
                        for (int d : devs) {
                            if (!headquartered.get(d)) {
                                headquartered.set(d);
                                rel(RelType.HEADQUARTERED_IN);
                            }
                        }
                    }
                    boolean hasParameters = random.nextInt(10) < 7;
                    boolean hasCompute = random.nextBoolean();
                    csv.printRecord(
                            modelName(m),
                            String.join(",", orgNames),
                            date(random, 2012, 2026),
                            random.nextInt(4) == 0
                                    ? Words.pick(Words.DOMAINS, random) + "," + Words.pick(Words.DOMAINS, random)
                                    : Words.pick(Words.DOMAINS, random),
                            hasParameters
                                    ? String.format(Locale.ROOT, "%.4g", Math.pow(10, 6 + 6.3 * random.nextDouble()))
                                    : "",
                            hasCompute
                                    ? String.format(Locale.ROOT, "%.4g", Math.pow(10, 18 + 8.7 * random.nextDouble()))
                                    : "",
                            Words.pick(Words.CONFIDENCE, random),
                            "https://example.org/models/" + id(Kind.MODEL, m),
                            String.join(",", categories),
                            allCountries ? String.join(",", countryNames) : "",
                            Words.pick(Words.ACCESSIBILITY, random));
                    node(Kind.MODEL);
                    if ((m + 1) % 200_000 == 0) {
                        LOG.infof("generated %d of %d models", m + 1, count(Kind.MODEL));
                    }
                }
            } finally {
                if (csv != null) {
                    csv.close();
                    bytes += Files.size(dir.resolve(String.format(Locale.ROOT, "models-%04d.csv", file)));
                }
            }
        }

        private int zipf(SplittableRandom random) {
            double target = random.nextDouble() * developerWeights[developerWeights.length - 1];
            int i = java.util.Arrays.binarySearch(developerWeights, target);
            return Math.min(developerWeights.length - 1, i >= 0 ? i : -i - 1);
        }

        /** Links between existing records, as the default data has them, in {@code relationships/}. */
        private void links(RelType type) throws IOException {
            int n = scale.scaled(Proportions.relationships(type), 0);
            if (n == 0) {
                return;
            }
            YamlFiles out =
                    yaml("relationships", type.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            SplittableRandom random = new SplittableRandom(mix(3, type.ordinal()));
            // only between kinds the generator writes nodes of (the vocabulary also has kinds it does not
            // generate, such as Event, Group and Incident)
            List<Kind> from = new ArrayList<>(
                    type.from().stream().filter(k -> Proportions.nodes(k) > 0).toList());
            List<Kind> to = new ArrayList<>(
                    type.to().stream().filter(k -> Proportions.nodes(k) > 0).toList());
            if (from.isEmpty() || to.isEmpty()) {
                done(out);
                return;
            }
            Set<String> keys = new HashSet<>();
            int attempts = 0;
            while (keys.size() < n && attempts < n * 20) {
                attempts++;
                Kind fk = from.get(random.nextInt(from.size()));
                Kind tk = to.get(random.nextInt(to.size()));
                int fi = random.nextInt(count(fk));
                int ti = random.nextInt(count(tk));
                if (type == RelType.BASED_ON && fi <= ti) {
                    continue; // a model is based on an earlier one
                }
                String a = id(fk, fi);
                String b = id(tk, ti);
                if (a.equals(b) || !keys.add(a + " " + b)) {
                    continue;
                }
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("from", a);
                r.putAll(relationship(type, b, random));
                out.write(r);
            }
            done(out);
        }
    }

    @FunctionalInterface
    private interface RecordMaker {
        void fill(Map<String, Object> record, int i, SplittableRandom random);
    }

    private static String date(SplittableRandom random, int fromYear, int toYear) {
        int year = fromYear + random.nextInt(toYear - fromYear + 1);
        int month = 1 + random.nextInt(12);
        int day = 1 + random.nextInt(28);
        return String.format(Locale.ROOT, "%04d-%02d-%02d", year, month, day);
    }

    /** Wraps the checked exception of a generation for callers that cannot throw it. */
    public static GeneratedGraph generateUnchecked(Scale scale, long seed, Path folder) {
        try {
            return new GraphGenerator(scale, seed).generate(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot generate " + scale + " into " + folder, e);
        }
    }
}
