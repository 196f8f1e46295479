package org.policygraph.model.resolution;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.policygraph.model.Ids;

/**
 * The organisation resolution table ({@code resolution/organisations.yaml}): every organisation with its id, name
 * and aliases; names that stand for several organisations at once ({@code joint}); and names of individual
 * developers, which stand for no organisation ({@code individuals}).
 *
 * <p>A name resolves by its {@linkplain Names#fold folded} spelling: to the organisation that lists it as name or
 * alias, to the organisation whose id it spells, to the organisations of a joint name, or to none for an
 * individual; else, with its legal or unit suffix dropped (Inc, Corp, Ltd, LLC, Research, AI Lab...), to the
 * organisation listed under what is left. A name listed nowhere is an organisation of its own, with the slug of the
 * name as id.
 */
public final class OrganisationTable {

    /** The file, relative to the data folder. */
    public static final String FILE = "resolution/organisations.yaml";

    private static final List<String> SECTIONS = List.of("organisations", "joint", "individuals");
    private static final List<String> ORGANISATION_FIELDS = List.of("id", "name", "aliases");
    private static final List<String> JOINT_FIELDS = List.of("name", "organisations");

    /** A name that stands for several organisations. */
    record Joint(String name, List<String> organisations) {}

    private final List<Organisation> organisations;
    private final List<Joint> joint;
    private final List<String> individuals;
    private final Map<String, Organisation> byFold = new HashMap<>();
    private final Map<String, List<Organisation>> jointByFold = new HashMap<>();
    private final Map<String, String> individualByFold = new HashMap<>();
    private final Set<String> spelt = new HashSet<>();

    private OrganisationTable(List<Organisation> organisations, List<Joint> joint, List<String> individuals) {
        this.organisations = List.copyOf(organisations);
        this.joint = List.copyOf(joint);
        this.individuals = List.copyOf(individuals);
        Map<String, Organisation> byId = new HashMap<>();
        for (Organisation o : organisations) {
            byId.put(o.id(), o);
            NamedEntries.index(byFold, o, o.name(), o.aliases());
            spelt.add(Names.fold(o.name()));
            o.aliases().forEach(a -> spelt.add(Names.fold(a)));
        }
        for (Organisation o : organisations) {
            byFold.putIfAbsent(Names.fold(o.id()), o);
        }
        for (Joint j : joint) {
            jointByFold.put(
                    Names.fold(j.name()),
                    j.organisations().stream()
                            .map(byId::get)
                            .filter(Objects::nonNull)
                            .toList());
        }
        individuals.forEach(i -> individualByFold.put(Names.fold(i), i));
    }

    /** A table with no entries: every name is an organisation of its own. */
    public static OrganisationTable empty() {
        return new OrganisationTable(List.of(), List.of(), List.of());
    }

    /**
     * Reads the table.
     *
     * @param file   the file's path, for messages
     * @param text   its content
     * @param problems where problems go: bad YAML, unknown fields, ids that are not slugs or are listed twice, a
     *               spelling that two entries claim, a joint name naming an unknown id
     */
    public static OrganisationTable parse(String file, String text, Problems problems) {
        Map<String, List<YamlSections.Item>> sections = YamlSections.read(file, text, SECTIONS, problems);
        NamedEntries entries = new NamedEntries(file, problems);
        List<Organisation> organisations = new ArrayList<>();
        for (YamlSections.Item item : sections.getOrDefault("organisations", List.of())) {
            NamedEntries.Entry entry = entries.read(
                    item,
                    ORGANISATION_FIELDS,
                    " of lower-case letters, digits and dashes, like google-deepmind",
                    "list each organisation once");
            if (entry != null) {
                organisations.add(new Organisation(
                        entry.id(),
                        entry.name(),
                        entry.aliases().stream()
                                .filter(a -> !a.equals(entry.name()))
                                .distinct()
                                .toList()));
            }
        }
        List<Joint> joint = new ArrayList<>();
        for (YamlSections.Item item : sections.getOrDefault("joint", List.of())) {
            if (!YamlSections.checkFields(file, item, JOINT_FIELDS, problems, null)) {
                continue;
            }
            String name = YamlSections.text(file, item, "name", problems, null);
            List<String> ids = YamlSections.texts(file, item, "organisations", problems, name);
            if (name == null) {
                problems.add(file, item.line(), null, "name", "is required");
                continue;
            }
            if (ids.size() < 2) {
                problems.add(
                        file,
                        item.line(),
                        name,
                        "organisations",
                        "must list at least two organisation ids; a name for one organisation is an alias");
            }
            for (String id : ids) {
                if (!entries.has(id)) {
                    problems.add(
                            file,
                            item.line(),
                            name,
                            "organisations",
                            "'" + id + "' is not the id of an organisation listed in this file");
                }
            }
            entries.claim(item.line(), name, name, "joint name");
            joint.add(new Joint(name, List.copyOf(ids)));
        }
        List<String> individuals =
                entries.names(sections.getOrDefault("individuals", List.of()), "individuals", "individual").stream()
                        .map(NamedEntries.Name::name)
                        .toList();
        return new OrganisationTable(organisations, joint, individuals);
    }

    /**
     * The organisations a name stands for: usually one; several for a joint name; none for an individual.
     *
     * @throws IllegalArgumentException when the name has no letters or digits to make an id of
     */
    public List<Organisation> resolve(String name) {
        String key = Names.fold(name);
        if (key.isEmpty()) {
            throw new IllegalArgumentException("'" + name + "' has no letters or digits to make an organisation id of");
        }
        List<Organisation> jointly = jointByFold.get(key);
        if (jointly != null) {
            return jointly;
        }
        if (individualByFold.containsKey(key)) {
            return List.of();
        }
        Organisation listed = byFold.get(key);
        if (listed != null) {
            return List.of(listed);
        }
        Organisation normalised = normalised(name);
        if (normalised != null) {
            return List.of(normalised);
        }
        String id = Ids.slug(name);
        if (id.isEmpty()) {
            throw new IllegalArgumentException(
                    "'" + name + "' has no Latin letters or digits to make an id of; " + "list it in " + FILE);
        }
        return List.of(new Organisation(id, name.strip(), List.of()));
    }

    /**
     * The listed organisation a spelling stands for once its legal or unit suffixes are dropped, one at a time
     * ("OpenAI, Inc." and "OpenAI Inc" are OpenAI; "Anthropic Research" is Anthropic), or null. Only a spelling the
     * table does not list is normalised, so a unit the table lists on its own ("Microsoft Research Asia") stays
     * itself.
     */
    Organisation normalised(String name) {
        String rest = name.strip();
        while (true) {
            Matcher m = SUFFIX.matcher(rest);
            if (!m.find()) {
                return null;
            }
            rest = rest.substring(0, m.start()).strip();
            String key = Names.fold(rest);
            if (key.isEmpty()) {
                return null;
            }
            Organisation listed = byFold.get(key);
            if (listed != null) {
                return listed;
            }
        }
    }

    /**
     * The listed organisation an unlisted name may be another spelling of, for a person to merge by hand: the one
     * whose name or alias, folded, begins the folded name or is begun by it (at least four letters or digits; the
     * longest such wins), as "OpenAI Japan" may be OpenAI. Empty for a listed name and for a name like none.
     */
    public java.util.Optional<Organisation> candidate(String name) {
        String key = Names.fold(name);
        if (key.length() < 4 || lists(name)) {
            return java.util.Optional.empty();
        }
        Organisation normal = normalised(name);
        if (normal != null) {
            return java.util.Optional.of(normal);
        }
        Organisation best = null;
        int bestLength = 0;
        for (Organisation o : organisations) {
            for (String spelling : concat(o.name(), o.aliases())) {
                String other = Names.fold(spelling);
                if (other.length() >= 4
                        && other.length() > bestLength
                        && !other.equals(key)
                        && (key.startsWith(other) || other.startsWith(key))) {
                    best = o;
                    bestLength = other.length();
                }
            }
        }
        return java.util.Optional.ofNullable(best);
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }

    /** A legal form or unit word at the end of an organisation's name, with the punctuation before it. */
    private static final Pattern SUFFIX = Pattern.compile(
            "[\\s,.]+(inc|incorporated|corp|corporation|co|ltd|limited|"
                    + "llc|plc|gmbh|ag|research|ai lab|ai labs|lab|labs)\\.?$",
            Pattern.CASE_INSENSITIVE);

    /**
     * Whether the table lists the name: as an organisation's name or alias, a joint name or an individual (a name
     * that only spells an id does not count).
     */
    public boolean lists(String name) {
        String key = Names.fold(name);
        return spelt.contains(key) || jointByFold.containsKey(key) || individualByFold.containsKey(key);
    }

    /** The organisations listed, in file order. */
    public List<Organisation> organisations() {
        return organisations;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OrganisationTable t
                && t.organisations.equals(organisations)
                && t.joint.equals(joint)
                && t.individuals.equals(individuals);
    }

    @Override
    public int hashCode() {
        return Objects.hash(organisations, joint, individuals);
    }

    @Override
    public String toString() {
        return "OrganisationTable[" + organisations.size() + " organisations, " + joint.size() + " joint names, "
                + individuals.size() + " individuals]";
    }
}
