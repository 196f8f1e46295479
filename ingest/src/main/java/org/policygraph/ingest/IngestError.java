package org.policygraph.ingest;

/**
 * One problem found in the input: the file, the line (0 when unknown), the record (its id, or "#n" for the n-th
 * record without one), the field, and what is wrong in a sentence.
 */
public record IngestError(String file, int line, String record, String field, String message) {

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line);
        }
        if (record != null && !record.isEmpty()) {
            sb.append(" record ").append(record);
        }
        if (field != null && !field.isEmpty()) {
            sb.append(" field '").append(field).append('\'');
        }
        return sb.append(": ").append(message).toString();
    }
}
