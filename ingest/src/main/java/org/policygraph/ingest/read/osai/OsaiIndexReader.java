package org.policygraph.ingest.read.osai;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import org.jboss.logging.Logger;
import org.policygraph.ingest.IngestError;
import org.policygraph.ingest.read.DataFile;
import org.policygraph.ingest.read.DataText;
import org.policygraph.ingest.read.FileReader;
import org.policygraph.ingest.read.GraphBatch;
import org.policygraph.ingest.read.resolution.Resolution;
import org.policygraph.model.Ids;
import org.policygraph.model.Kind;
import org.policygraph.model.NodeRecord;
import org.policygraph.model.Origin;
import org.policygraph.model.RelType;
import org.policygraph.model.RelationshipRecord;
import org.policygraph.model.SourceRef;
import org.policygraph.model.resolution.Organisation;
import org.policygraph.model.resolution.YamlSections;

/**
 * Reads the European Open Source AI Index ({@code osai-index/**.yaml}): one file per model family, with
 * {@code system} (the family's name and details), {@code org} (the organisation behind it) and one entry per
 * openness parameter, each with a {@code class} of open, partial or closed (empty: not rated).
 *
 * <p>Each file contributes a Model with id = the slug of {@code system.name}, so a family that Epoch AI lists under
 * the same name ("DeepSeek R1", "Whisper") becomes one node with both datasets' facts. The model gets the counts
 * {@code openness_open}, {@code openness_partial} and {@code openness_closed}, and {@code openness_ratings}: one
 * "parameter=class" text per rated parameter, in file order ("weights_basemodel=open"). The organisation resolves
 * through {@code resolution/organisations.yaml} (a joint name to several organisations, an individual developer to
 * none) and gets DEVELOPS to the model. Facts cite the source {@value #SOURCE} with the file as locator.
 *
 * <p>The index's twelve parameters (its {@code _parameters.yml}) are expected in every file; a missing or an
 * unknown one is logged as a warning (an unknown one is still counted). Two files giving the same model id are an
 * error.
 */
public final class OsaiIndexReader implements FileReader {

    /** The data folder this reader reads. */
    public static final String FOLDER = "osai-index";

    /** The id of the Source record the facts cite. */
    public static final String SOURCE = "osai-index";

    /** The index's openness parameters, in its order. */
    static final List<String> PARAMETERS = List.of(
            "datasources_basemodel",
            "datasources_endmodel",
            "weights_basemodel",
            "weights_endmodel",
            "trainingcode",
            "code",
            "hardware_architecture",
            "preprint",
            "paper",
            "modelcard",
            "datasheet",
            "licenses");

    private static final Set<String> CLASSES = Set.of("open", "partial", "closed");

    private static final Logger LOG = Logger.getLogger(OsaiIndexReader.class);

    private final ObjectMapper mapper = new ObjectMapper(new YAMLFactory());
    private final Resolution resolution;
    private final Map<GraphBatch, Map<String, String>> modelFiles = new WeakHashMap<>();

    /** A reader resolving organisation names with the given tables. */
    public OsaiIndexReader(Resolution resolution) {
        this.resolution = resolution;
    }

    @Override
    public boolean accepts(DataFile file) {
        return FOLDER.equals(file.folder())
                && (file.path().endsWith(".yaml") || file.path().endsWith(".yml"));
    }

    @Override
    public void read(DataFile file, GraphBatch batch) {
        if (!resolution.usable(batch)) {
            return;
        }
        String text = DataText.utf8(file, batch).orElse(null);
        if (text == null) {
            return;
        }
        Map<String, Entry> entries = entries(file.path(), text, batch);
        if (entries == null) {
            return;
        }
        Entry system = entries.get("system");
        String name = system == null ? null : text(system.node().get("name"));
        if (name == null) {
            batch.error(new IngestError(
                    file.path(),
                    system == null ? 1 : system.line(),
                    null,
                    "system.name",
                    "is missing; every file of the index describes one model family and needs its name"));
            return;
        }
        String id = Ids.slug(name);
        if (id.isEmpty()) {
            batch.error(new IngestError(
                    file.path(),
                    system.line(),
                    name,
                    "system.name",
                    "'" + name + "' has no letters or digits to make an id of"));
            return;
        }
        String other = modelFiles.computeIfAbsent(batch, b -> new HashMap<>()).putIfAbsent(id, file.path());
        if (other != null) {
            batch.error(new IngestError(
                    file.path(),
                    system.line(),
                    id,
                    "system.name",
                    "'" + name + "' gives the " + "model id " + id + ", as does " + other
                            + "; each model family must have its own file"));
            return;
        }

        Map<String, String> ratings = new LinkedHashMap<>();
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            String key = e.getKey();
            JsonNode value = e.getValue().node();
            if (key.equals("system") || key.equals("org")) {
                continue;
            }
            if (!value.isObject() || !value.has("class")) {
                LOG.warnf("%s: '%s' is not an openness parameter (it has no class) and is not read", file.path(), key);
                continue;
            }
            String rating = text(value.get("class"));
            if (rating == null) {
                continue; // empty: the index did not rate this parameter
            }
            rating = rating.toLowerCase(Locale.ROOT);
            if (!CLASSES.contains(rating)) {
                batch.error(new IngestError(
                        file.path(),
                        e.getValue().line(),
                        id,
                        key + ".class",
                        "must be open, partial or closed (or empty when not rated), but is \""
                                + text(value.get("class")) + "\""));
                continue;
            }
            ratings.put(key, rating);
        }
        Set<String> unknown = new LinkedHashSet<>(ratings.keySet());
        PARAMETERS.forEach(unknown::remove);
        List<String> missing =
                PARAMETERS.stream().filter(p -> !entries.containsKey(p)).toList();
        if (!missing.isEmpty() && DataText.cutShort(file, text).isPresent()) {
            // a file of the index that ends part-way through a line has most likely lost its last parameters
            batch.error(new IngestError(
                    file.path(),
                    (int) text.lines().count(),
                    id,
                    null,
                    "has none of the "
                            + "parameters " + String.join(", ", missing)
                            + " and does not end with a line break, so it may "
                            + "be cut short; if the file is complete, end it with a line break"));
            return;
        }
        if (!unknown.isEmpty() || !missing.isEmpty()) {
            LOG.warnf(
                    "%s: parameters not in the index's list: %s; the index's parameters missing: %s",
                    file.path(), unknown, missing);
        }

        Map<String, Object> properties = new LinkedHashMap<>();
        for (String rating : List.of("open", "partial", "closed")) {
            properties.put(
                    "openness_" + rating,
                    ratings.values().stream().filter(rating::equals).count());
        }
        properties.put(
                "openness_ratings",
                ratings.entrySet().stream()
                        // in the index's order of parameters, not the file's: a re-ordered file changes nothing
                        .sorted(java.util.Comparator.comparingInt((Map.Entry<String, String> r) -> {
                                    int at = PARAMETERS.indexOf(r.getKey());
                                    return at < 0 ? PARAMETERS.size() : at;
                                })
                                .thenComparing(Map.Entry::getKey))
                        .map(r -> r.getKey() + "=" + r.getValue())
                        .toList());
        String locator = file.path().substring(FOLDER.length() + 1);
        Origin origin = new Origin(file.path(), system.line());
        batch.contribute(new NodeRecord(
                Kind.MODEL,
                id,
                name,
                List.of(),
                null,
                properties,
                List.of(new SourceRef(SOURCE, locator, null)),
                origin));

        Entry org = entries.get("org");
        String orgName = org == null ? null : text(org.node().get("name"));
        if (orgName == null) {
            LOG.warnf("%s: no org.name; the model gets no DEVELOPS", file.path());
            return;
        }
        List<Organisation> organisations;
        try {
            organisations = resolution.organisations().resolve(orgName);
        } catch (IllegalArgumentException e) {
            batch.error(new IngestError(file.path(), org.line(), id, "org.name", e.getMessage()));
            return;
        }
        SourceRef byOrg = new SourceRef(SOURCE, locator + ", org.name", null);
        Origin orgOrigin = new Origin(file.path(), org.line());
        for (Organisation organisation : organisations) {
            batch.contribute(new NodeRecord(
                    Kind.ORGANISATION,
                    organisation.id(),
                    organisation.name(),
                    organisation.aliases(),
                    null,
                    Map.of(),
                    List.of(byOrg),
                    orgOrigin));
            batch.contribute(new RelationshipRecord(
                    RelType.DEVELOPS, organisation.id(), id, Map.of(), List.of(byOrg), orgOrigin));
        }
    }

    /** A top-level entry of a file and the line its key is on. */
    private record Entry(int line, JsonNode node) {}

    /** The file's top-level entries, or null after an error. */
    private Map<String, Entry> entries(String file, String text, GraphBatch batch) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        try (JsonParser parser = mapper.getFactory().createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                batch.error(new IngestError(
                        file,
                        first == null ? 1 : parser.currentTokenLocation().getLineNr(),
                        null,
                        null,
                        "must be a mapping with system, org and one entry per openness parameter"));
                return null;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                int line = parser.currentTokenLocation().getLineNr();
                parser.nextToken();
                JsonNode value = mapper.readTree(parser);
                if (entries.putIfAbsent(key, new Entry(line, value == null ? mapper.nullNode() : value)) != null) {
                    batch.error(new IngestError(file, line, null, key, "appears twice"));
                }
            }
            return entries;
        } catch (JsonProcessingException e) {
            batch.error(new IngestError(file, YamlSections.invalidLine(e), null, null, YamlSections.invalid(e)));
        } catch (IOException e) {
            batch.error(new IngestError(file, 0, null, null, "cannot be read: " + e.getMessage()));
        }
        return null;
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isContainerNode()) {
            return null;
        }
        String s = node.asText().strip();
        return s.isEmpty() ? null : s;
    }
}
