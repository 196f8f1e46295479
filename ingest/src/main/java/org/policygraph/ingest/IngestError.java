package org.policygraph.ingest;

import java.util.List;
import org.policygraph.model.resolution.Problems;

/**
 * One problem found in the input: the file, the line (0 when unknown), the record (its id, or "#n" for the n-th
 * record without one), the field (a CSV file's column header), the column's 1-based number in a CSV file (0 when
 * there is none), and what is wrong in a sentence.
 */
public record IngestError(String file, int line, String record, String field, String message, int column) {

    /** Where the resolution tables' problems go: into {@code errors}, as errors with no column number. */
    public static Problems into(List<IngestError> errors) {
        return (file, line, record, field, message) -> errors.add(new IngestError(file, line, record, field, message));
    }

    /** An error with no column number. */
    public IngestError(String file, int line, String record, String field, String message) {
        this(file, line, record, field, message, 0);
    }

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
            if (column > 0) {
                sb.append(" (column ").append(column).append(')');
            }
        } else if (column > 0) {
            sb.append(" column ").append(column);
        }
        return sb.append(": ").append(message).toString();
    }
}
