package org.policygraph.ingest;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when the input has errors; nothing has been written. Carries every error found, not just the first. */
public class ValidationFailedException extends IngestException {

    private final List<IngestError> errors;

    public ValidationFailedException(List<IngestError> errors) {
        super(errors.size() + (errors.size() == 1 ? " error" : " errors") + " in the input; nothing was written:\n"
                + errors.stream().map(e -> "  " + e).collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    public List<IngestError> errors() {
        return errors;
    }
}
