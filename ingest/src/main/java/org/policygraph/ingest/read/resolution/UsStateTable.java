package org.policygraph.ingest.read.resolution;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.policygraph.ingest.IngestError;
import org.policygraph.model.resolution.Names;
import org.policygraph.model.resolution.YamlSections;

/**
 * The US states table ({@code resolution/us-states.yaml}): the 50 states and the District of Columbia with their
 * ISO 3166-2 codes (US-CA), by which a dataset's state name ("California") or postal code ("CA", in "San Jose, CA")
 * resolves to a jurisdiction id ({@code us-ca}).
 */
public final class UsStateTable {

    /** The file, relative to the data folder. */
    public static final String FILE = "resolution/us-states.yaml";

    private static final List<String> SECTIONS = List.of("states");
    private static final List<String> FIELDS = List.of("name", "iso_code", "jurisdiction_type");
    private static final Set<String> TYPES = Set.of("state", "district");

    /** A state: its name, ISO 3166-2 code (US-CA), and type (state or district). */
    public record State(String name, String isoCode, String jurisdictionType) {

        /** The jurisdiction id: the ISO code in lower case, us-ca. */
        public String id() {
            return isoCode.toLowerCase(java.util.Locale.ROOT);
        }

        /** The postal code, CA. */
        public String postal() {
            return isoCode.substring(3);
        }
    }

    private final List<State> states;
    private final Map<String, State> byName = new HashMap<>();
    private final Map<String, State> byPostal = new HashMap<>();

    private UsStateTable(List<State> states) {
        this.states = List.copyOf(states);
        for (State s : states) {
            byName.put(Names.fold(s.name()), s);
            byPostal.put(s.postal(), s);
        }
    }

    public static UsStateTable empty() {
        return new UsStateTable(List.of());
    }

    public static UsStateTable parse(String file, String text, List<IngestError> errors) {
        Map<String, List<YamlSections.Item>> sections =
                YamlSections.read(file, text, SECTIONS, IngestError.into(errors));
        List<State> states = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (YamlSections.Item item : sections.getOrDefault("states", List.of())) {
            if (!YamlSections.checkFields(file, item, FIELDS, IngestError.into(errors), null)) {
                continue;
            }
            String name = YamlSections.text(file, item, "name", IngestError.into(errors), null);
            String code = YamlSections.text(file, item, "iso_code", IngestError.into(errors), name);
            String type = item.node().has("jurisdiction_type")
                    ? YamlSections.text(file, item, "jurisdiction_type", IngestError.into(errors), name)
                    : "state";
            if (name == null) {
                errors.add(new IngestError(file, item.line(), null, "name", "is required"));
                continue;
            }
            if (code == null || !code.matches("US-[A-Z]{2}")) {
                errors.add(new IngestError(
                        file,
                        item.line(),
                        name,
                        "iso_code",
                        code == null ? "is required" : "'" + code + "' is not an ISO 3166-2 code of the form US-CA"));
                continue;
            }
            if (!TYPES.contains(type)) {
                errors.add(new IngestError(
                        file,
                        item.line(),
                        name,
                        "jurisdiction_type",
                        "'" + type + "' is not allowed here; allowed: state, district"));
                continue;
            }
            for (String key : List.of(Names.fold(name), code)) {
                Integer before = seen.putIfAbsent(key, item.line());
                if (before != null) {
                    errors.add(new IngestError(
                            file, item.line(), name, null, "'" + key + "' is also listed on line " + before));
                }
            }
            states.add(new State(name, code, type));
        }
        return new UsStateTable(states);
    }

    /** The state of a name, "California". */
    public Optional<State> byName(String name) {
        return Optional.ofNullable(byName.get(Names.fold(name)));
    }

    /** The state of a postal code, "CA". */
    public Optional<State> byPostal(String code) {
        return Optional.ofNullable(byPostal.get(code.strip().toUpperCase(java.util.Locale.ROOT)));
    }

    public List<State> states() {
        return states;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UsStateTable t && t.states.equals(states);
    }

    @Override
    public int hashCode() {
        return Objects.hash(states);
    }
}
