package org.policygraph.ingest.corrupt;

/** Corrupted copies of the Foundation Model Transparency Index's scores (Dec2025_scores.csv). */
class FmtiCorruptedCopiesTest extends CorruptedDatasetCopies {

    @Override
    String dataset() {
        return "fmti";
    }

    @Override
    String file() {
        return "fmti/Dec2025/Dec2025_scores.csv";
    }

    @Override
    String damaged(Damage damage, String text) {
        CsvDamage csv = new CsvDamage(text);
        return switch (damage) {
            case HEADER_ONLY -> csv.headerOnly();
            case REPEATED_RECORD -> csv.repeated(3);
            case RAGGED -> csv.ragged(3);
            case BAD_NUMBER -> csv.with(3, "Anthropic", "1x");
            case BAD_DATE -> null; // the scores have no dates
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
            // the indicators file then names indicators the scores no longer have
            case HEADER_ONLY ->
                "|.*Dec2025_indicators.csv:\\d+ record row \\d+ field 'Indicator' \\(column 3\\): '.+' "
                        + "has no row in Dec2025_scores.csv";
            case EMPTY -> ":1: is empty; a CSV file needs a header row";
            case BINARY -> ": is not a CSV: it is binary \\(byte 4 is NUL, which no text file holds\\).*";
            case LATIN_1 -> ":\\d+: is not UTF-8 \\(looks like Latin-1\\): byte 0x[0-9A-F]{2} at offset \\d+.*";
            case REPEATED_RECORD ->
                ":\\d+ record row \\d+ field 'Indicator' \\(column 1\\): '.+' is listed twice " + "\\(also in row 3\\)";
            case RAGGED -> ":4 record row 3: has 13 values, but the header has 14 columns.*";
            case BAD_NUMBER -> ":4 record row 3 field 'Anthropic' \\(column 5\\): must be 0 or 1 .*, but is \"1x\"";
            case BAD_DATE -> throw new IllegalArgumentException("not tried");
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
