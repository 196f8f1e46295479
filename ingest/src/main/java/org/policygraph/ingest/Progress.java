package org.policygraph.ingest;

/**
 * What a long ingest reports as it goes: each {@link Stage} starts with the amount of work it has, says how much of
 * it is done, and ends. The command line shows it as a progress bar on a terminal and as one line per stage
 * otherwise; the library and the site report to {@link #NONE}.
 *
 * <p>{@link #at} may be called from several threads (the writer's batches) and with counts out of order: the
 * largest count is the one that stands.
 */
public interface Progress {

    /** The stages of an ingest, in order; a dry run and an ingest without a store have no compare and write. */
    enum Stage {
        READ("read", "files"),
        VALIDATE("validate", "records"),
        COMPARE("compare with the store", "records"),
        WRITE("write", "records");

        private final String title;
        private final String unit;

        Stage(String title, String unit) {
            this.title = title;
            this.unit = unit;
        }

        /** What the stage does, as a user reads it: "read", "validate", ... */
        public String title() {
            return title;
        }

        /** What the stage counts, in the plural: "files" or "records". */
        public String unit() {
            return unit;
        }
    }

    /** A stage begins, with {@code total} units of work. */
    void start(Stage stage, long total);

    /** {@code done} units of the current stage are done (a count, not an increment). */
    void at(long done);

    /** What the stage has found so far, shown beside the count, such as "4,567 records". */
    default void note(String message) {}

    /** The current stage ended (done, or stopped by an error). */
    void end();

    /** Reports nothing. */
    Progress NONE = new Progress() {
        @Override
        public void start(Stage stage, long total) {}

        @Override
        public void at(long done) {}

        @Override
        public void end() {}
    };
}
