package org.policygraph.ingest;

/** The one unchecked exception of the ingest module; its message is meant for the person running ingest. */
public class IngestException extends RuntimeException {

    public IngestException(String message) {
        super(message);
    }

    public IngestException(String message, Throwable cause) {
        super(message, cause);
    }
}
