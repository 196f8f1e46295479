package org.policygraph.model.resolution;

import java.nio.charset.StandardCharsets;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The organisation and the country tables of a data folder, read from their files ({@link OrganisationTable#FILE},
 * {@link CountryTable#FILE}): what ingest resolves dataset names with and the site finds candidate merges with.
 *
 * @param organisations the organisation table
 * @param countries     the country table
 */
public record ResolutionTables(OrganisationTable organisations, CountryTable countries) {

    /**
     * Reads both tables.
     *
     * @param files    the content of a file, by its path relative to the data folder (such as the default data's
     *                 own reader); a file it cannot give (it throws) is a problem, and its table is empty
     * @param problems where what is wrong with the files goes
     */
    public static ResolutionTables read(Function<String, byte[]> files, Problems problems) {
        return new ResolutionTables(
                load(
                        OrganisationTable.FILE,
                        files,
                        problems,
                        OrganisationTable::empty,
                        (file, text) -> OrganisationTable.parse(file, text, problems)),
                load(
                        CountryTable.FILE,
                        files,
                        problems,
                        CountryTable::empty,
                        (file, text) -> CountryTable.parse(file, text, problems)));
    }

    private static <T> T load(
            String file,
            Function<String, byte[]> files,
            Problems problems,
            Supplier<T> empty,
            BiFunction<String, String, T> parse) {
        byte[] bytes;
        try {
            bytes = files.apply(file);
        } catch (RuntimeException e) {
            problems.add(file, 0, null, null, "cannot be read: " + e.getMessage());
            return empty.get();
        }
        return parse.apply(file, new String(bytes, StandardCharsets.UTF_8));
    }
}
