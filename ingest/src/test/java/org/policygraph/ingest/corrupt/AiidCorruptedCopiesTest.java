package org.policygraph.ingest.corrupt;

/** Corrupted copies of the AI Incident Database's incidents.csv. */
class AiidCorruptedCopiesTest extends CorruptedDatasetCopies {

    @Override
    String dataset() {
        return "aiid";
    }

    @Override
    String file() {
        return "aiid/incidents.csv";
    }

    @Override
    String damaged(Damage damage, String text) {
        CsvDamage csv = new CsvDamage(text);
        return switch (damage) {
            case HEADER_ONLY -> csv.headerOnly();
            case REPEATED_RECORD -> csv.repeated(3);
            case RAGGED -> csv.ragged(3);
            case BAD_NUMBER -> csv.with(3, "incident_id", "1x7");
            case BAD_DATE -> csv.with(3, "date", "2018-13-45");
            default -> throw new IllegalArgumentException(damage.name());
        };
    }

    @Override
    String reordered(String text) {
        return new CsvDamage(text).reversed();
    }

    @Override
    String error(Damage damage) {
        return switch (damage) {
            // the other files of the dataset then name incidents it no longer has
            case HEADER_ONLY ->
                ": has no incident \\d+, which duplicates.csv row 1 \\(line 2\\) names as the true "
                        + "incident of \\d+";
            case EMPTY -> ":1: is empty; a CSV file needs a header row";
            case BINARY -> ": is not a CSV: it is binary \\(byte 4 is NUL, which no text file holds\\).*";
            case LATIN_1 -> ":\\d+: is not UTF-8 \\(looks like Latin-1\\): byte 0x[0-9A-F]{2} at offset \\d+.*";
            case REPEATED_RECORD ->
                ":\\d+ record row \\d+ field 'incident_id' \\(column 2\\): incident \\d+ is also "
                        + "on row 3 \\(line 4\\); each incident is one row";
            case RAGGED -> ":4 record row 3: has 8 values, but the header has 9 columns.*";
            case BAD_NUMBER ->
                ":4 record row 3 field 'incident_id' \\(column 2\\): must be an incident number .*, "
                        + "but is \"1x7\"";
            case BAD_DATE ->
                ":4 record row 3 field 'date' \\(column 3\\): must be a date like 2018-03-18, but is "
                        + "\"2018-13-45\"";
        };
    }

    /** Its locators cite rows (lines, JSON positions): a re-ordered copy changes them, and nothing else. */
    @Override
    boolean locatorsCitePositions() {
        return true;
    }

    /** A header-only copy is refused for what the other files of the dataset then point to in vain. */
    @Override
    int exit(Damage damage) {
        return 1;
    }
}
