package org.policygraph.bench.generate;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The words generated names and texts are made of. Each kind draws its names from its own lists, so that ids (the
 * slugs of names) of different kinds never clash; texts draw from a vocabulary of policy language, so that search
 * finds many nodes for a common word and few for a rare one, as on real data.
 */
final class Words {

    static final List<String> NAME_STEMS = List.of(
            "Aster",
            "Boreal",
            "Cobalt",
            "Delta",
            "Ember",
            "Fable",
            "Granite",
            "Helix",
            "Indigo",
            "Juniper",
            "Kestrel",
            "Lumen",
            "Meridian",
            "Nimbus",
            "Orion",
            "Prism",
            "Quartz",
            "Raven",
            "Sable",
            "Tundra",
            "Umber",
            "Vertex",
            "Willow",
            "Xenon",
            "Yarrow",
            "Zephyr",
            "Atlas",
            "Beacon",
            "Cedar",
            "Drift",
            "Echo",
            "Falcon",
            "Glacier",
            "Harbor",
            "Iris",
            "Jade",
            "Krypton",
            "Lotus",
            "Mosaic",
            "Nova",
            "Onyx",
            "Pioneer",
            "Quill",
            "Ridge",
            "Summit",
            "Tidal",
            "Unity",
            "Vega",
            "Wren",
            "Zenith");

    /** The second word of a model's name; none is an organisation suffix or a region word. */
    static final List<String> MODEL_FAMILIES = List.of(
            "Coder",
            "Chat",
            "Vision",
            "Instruct",
            "Base",
            "Reasoner",
            "Speech",
            "Diffusion",
            "Embed",
            "Math",
            "Agent",
            "Translate",
            "Protein",
            "Robotics",
            "Music",
            "Video");

    /** The second word of an organisation's name. */
    static final List<String> ORGANISATION_SUFFIXES = List.of(
            "Labs",
            "AI",
            "Research",
            "Technologies",
            "Systems",
            "Institute",
            "Intelligence",
            "Dynamics",
            "Analytics",
            "Collective");

    /** The second word of a region's name. */
    static final List<String> REGION_SUFFIXES =
            List.of("Province", "State", "County", "Prefecture", "Canton", "Municipality", "Territory", "Region");

    static final List<String> PUBLIC_BODIES = List.of(
            "Data Protection Authority",
            "AI Office",
            "Digital Ministry",
            "Parliament",
            "Competition Authority",
            "Standards Agency",
            "Consumer Protection Agency",
            "Cyberspace Administration");

    static final List<String> FIRST_NAMES = List.of(
            "Ada", "Bashir", "Chen", "Dara", "Elif", "Farah", "Goran", "Hana", "Idris", "Jun", "Kemal", "Lena", "Mateo",
            "Noor", "Olu", "Priya", "Quinn", "Rosa", "Sami", "Tariq");

    static final List<String> LAST_NAMES = List.of(
            "Abara",
            "Bergstrom",
            "Castellano",
            "Dimitrov",
            "Eze",
            "Fontaine",
            "Grewal",
            "Haddad",
            "Ishikawa",
            "Jansen",
            "Kowalski",
            "Lindqvist",
            "Moreau",
            "Nakamura",
            "Okafor");

    static final List<String> REGULATION_TOPICS = List.of(
            "Artificial Intelligence",
            "Algorithmic Accountability",
            "Frontier Model Safety",
            "Automated Decision",
            "Synthetic Media",
            "AI Transparency",
            "Digital Services",
            "Generative AI",
            "Biometric Surveillance",
            "Data Governance");

    static final List<String> INSTRUMENTS = List.of("Act", "Regulation", "Measures", "Executive Order", "Guidance");

    static final List<String> CONCEPTS = List.of(
            "frontier model",
            "general-purpose AI",
            "systemic risk",
            "open weights",
            "compute threshold",
            "red teaming",
            "watermarking",
            "incident",
            "model card",
            "deepfake",
            "biometric identification",
            "high-risk system",
            "foundation model",
            "alignment",
            "interpretability",
            "data provenance");

    static final List<String> OBLIGATION_CATEGORIES = List.of(
            "scope",
            "risk-classification",
            "prohibition",
            "transparency",
            "labelling",
            "incident-reporting",
            "safety-framework",
            "risk-management",
            "training-data",
            "copyright",
            "registration",
            "whistleblower",
            "content-values",
            "penalties",
            "security",
            "human-oversight",
            "data-governance",
            "documentation",
            "evaluation");

    static final List<String> ROLES = List.of(
            "provider",
            "deployer",
            "developer",
            "large-developer",
            "service-provider",
            "importer",
            "distributor",
            "any");

    static final List<String> DOMAINS = List.of(
            "Language",
            "Vision",
            "Multimodal",
            "Speech",
            "Biology",
            "Games",
            "Robotics",
            "Image generation",
            "Video",
            "Audio",
            "Mathematics",
            "Recommendation");

    static final List<String> ACCESSIBILITY = List.of(
            "Open weights (unrestricted)",
            "Open weights (restricted use)",
            "API access",
            "Hosted access (no API)",
            "Unreleased");

    static final List<String> CONFIDENCE = List.of("Confident", "Likely", "Speculative", "Unknown");

    static final List<String> TOPICS = List.of(
            "open weights",
            "compute thresholds",
            "liability",
            "moratorium",
            "copyright",
            "export controls",
            "licensing",
            "incident reporting");

    static final List<String> POSITIONS =
            List.of("accelerate", "caution", "support", "oppose", "open-weights", "closed-weights");

    static final List<String> VERDICTS = List.of("accurate", "inaccurate", "vague", "opinion", "disputed");

    static final List<String> SOURCE_TYPES = List.of("primary", "commentary", "dataset", "press", "official-website");

    /** Policy language: the first words are common in texts, the last rare (a Zipf-like draw). */
    static final List<String> VOCABULARY = List.of(
            "the",
            "provider",
            "shall",
            "system",
            "model",
            "risk",
            "data",
            "ensure",
            "information",
            "authority",
            "market",
            "use",
            "public",
            "safety",
            "requirements",
            "measures",
            "general-purpose",
            "developer",
            "training",
            "transparency",
            "documentation",
            "incident",
            "report",
            "within",
            "days",
            "deployment",
            "evaluation",
            "security",
            "compute",
            "threshold",
            "systemic",
            "notify",
            "registration",
            "oversight",
            "human",
            "rights",
            "fundamental",
            "penalty",
            "fine",
            "annual",
            "turnover",
            "copyright",
            "summary",
            "content",
            "synthetic",
            "label",
            "watermark",
            "biometric",
            "identification",
            "prohibited",
            "practices",
            "high-risk",
            "conformity",
            "assessment",
            "standard",
            "harmonised",
            "code",
            "practice",
            "whistleblower",
            "protection",
            "frontier",
            "catastrophic",
            "critical",
            "capability",
            "cybersecurity",
            "robustness",
            "accuracy",
            "bias",
            "discrimination",
            "consumer",
            "deceptive",
            "audit",
            "independent",
            "third-party",
            "disclosure",
            "publish",
            "framework",
            "governance",
            "board",
            "accountable",
            "liability",
            "damages",
            "sandbox",
            "innovation",
            "small",
            "enterprises",
            "exemption",
            "research",
            "open-source",
            "licence",
            "weights",
            "parameters",
            "benchmark",
            "red-teaming",
            "adversarial",
            "testing",
            "misuse",
            "chemical",
            "biological",
            "radiological",
            "nuclear",
            "weapons",
            "autonomous",
            "replication",
            "deception",
            "shutdown",
            "monitoring",
            "logging",
            "retention",
            "export",
            "controls",
            "semiconductor",
            "cloud",
            "customer",
            "verification",
            "attestation",
            "interoperability",
            "portability",
            "minors",
            "recommender",
            "algorithmic",
            "explanation",
            "contestability");

    private Words() {}

    static String pick(List<String> words, SplittableRandom random) {
        return words.get(random.nextInt(words.size()));
    }

    /** A word of the vocabulary, common words more often (weight 1 / rank). */
    static String word(SplittableRandom random) {
        int n = VOCABULARY.size();
        // inverse of the cumulative 1/rank distribution, approximated by an exponential of a uniform draw
        int rank = (int) Math.floor(Math.exp(random.nextDouble() * Math.log(n + 1))) - 1;
        return VOCABULARY.get(Math.min(n - 1, Math.max(0, rank)));
    }

    /** A sentence of 8 to 24 words, capitalised, with a full stop. */
    static String sentence(SplittableRandom random) {
        int words = 8 + random.nextInt(17);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words; i++) {
            String w = word(random);
            sb.append(i == 0 ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : w)
                    .append(i + 1 < words ? " " : ".");
        }
        return sb.toString();
    }

    /** Sentences until the text is about {@code length} characters long. */
    static String text(SplittableRandom random, int length) {
        StringBuilder sb = new StringBuilder(length + 200);
        while (sb.length() < length) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(sentence(random));
        }
        return sb.toString();
    }
}
