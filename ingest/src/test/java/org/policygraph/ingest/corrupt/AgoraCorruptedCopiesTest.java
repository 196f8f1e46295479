package org.policygraph.ingest.corrupt;

/** Corrupted copies of AGORA's documents.csv. */
class AgoraCorruptedCopiesTest extends CorruptedDatasetCopies {

    @Override
    String dataset() {
        return "agora";
    }

    @Override
    String file() {
        return "agora/documents.csv";
    }

    @Override
    String damaged(Damage damage, String text) {
        CsvDamage csv = new CsvDamage(text);
        return switch (damage) {
            case HEADER_ONLY -> csv.headerOnly();
            case REPEATED_RECORD -> csv.repeated(3);
            case RAGGED -> csv.ragged(3);
            case BAD_NUMBER -> csv.with(3, "AGORA ID", "24x5");
            case BAD_DATE -> csv.with(3, "Most recent activity date", "2025-13-45");
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
            case HEADER_ONLY -> ":1 record header: has a header but no rows: it gives nothing.*";
            case EMPTY -> ":1: is empty; a CSV file needs a header row";
            case BINARY -> ": is not a CSV: it is binary \\(byte 4 is NUL, which no text file holds\\).*";
            case LATIN_1 -> ":\\d+: is not UTF-8 \\(looks like Latin-1\\): byte 0x[0-9A-F]{2} at offset \\d+.*";
            case REPEATED_RECORD ->
                ":\\d+ record row \\d+ field 'AGORA ID' \\(column 1\\): AGORA id \\d+ is also the id " + "of row 3";
            case RAGGED -> ":24 record row 3: has 99 values, but the header has 100 columns.*";
            case BAD_NUMBER -> ":24 record row 3 field 'AGORA ID' \\(column 1\\): '24x5' is not a whole number";
            case BAD_DATE ->
                ":24 record row 3 field 'Most recent activity date' \\(column 8\\): must be a date .*, "
                        + "but is \"2025-13-45\"";
        };
    }
}
