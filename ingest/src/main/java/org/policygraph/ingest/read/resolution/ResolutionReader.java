package org.policygraph.ingest.read.resolution;

import java.util.ArrayList;
import java.util.List;
import org.policygraph.ingest.IngestError;
import org.policygraph.ingest.read.DataFile;
import org.policygraph.ingest.read.DataText;
import org.policygraph.ingest.read.FileReader;
import org.policygraph.ingest.read.GraphBatch;
import org.policygraph.model.resolution.CountryTable;
import org.policygraph.model.resolution.OrganisationTable;

/**
 * Reads the files of the {@code resolution/} folder: checks each as a resolution table (every error with its line)
 * and checks that it agrees with the tables the dataset readers were built with. It adds no records.
 */
public final class ResolutionReader implements FileReader {

    /** The folder. */
    public static final String FOLDER = "resolution";

    private final Resolution builtIn;

    /** A reader that checks files against the tables the dataset readers use. */
    public ResolutionReader(Resolution builtIn) {
        this.builtIn = builtIn;
    }

    @Override
    public boolean accepts(DataFile file) {
        return FOLDER.equals(file.folder());
    }

    @Override
    public void read(DataFile file, GraphBatch batch) {
        String text = DataText.utf8(file, batch).orElse(null);
        if (text == null) {
            return;
        }
        List<IngestError> errors = new ArrayList<>();
        Object read;
        Object used;
        if (file.path().equals(OrganisationTable.FILE)) {
            read = OrganisationTable.parse(file.path(), text, IngestError.into(errors));
            used = builtIn.organisations();
        } else if (file.path().equals(CountryTable.FILE)) {
            read = CountryTable.parse(file.path(), text, IngestError.into(errors));
            used = builtIn.countries();
        } else {
            batch.error(new IngestError(
                    file.path(),
                    0,
                    null,
                    null,
                    "is not a resolution table: the " + FOLDER + "/ folder holds " + OrganisationTable.FILE + " and "
                            + CountryTable.FILE + " only"));
            return;
        }
        errors.forEach(batch::error);
        if (errors.isEmpty() && !read.equals(used)) {
            batch.error(new IngestError(
                    file.path(),
                    0,
                    null,
                    null,
                    "differs from the table built into PolicyGraph "
                            + "(neo4j-data, policygraph/data/" + file.path()
                            + "), which the dataset readers use to resolve "
                            + "names; make the change there and rebuild"));
        }
    }
}
