package org.fupin.registry.csv;

import java.io.IOException;

import org.fupin.registry.model.Household;
import org.osgi.annotation.versioning.ProviderType;

/** Writes households in the import format, to CSV or XLSX: what an export needs of either. */
@ProviderType
public interface HouseholdTableWriter extends AutoCloseable {
    /** Writes a household's rows, one per member. */
    void write(Household household) throws IOException;

    long householdsWritten();

    /** Rows written (one per member), the header not counted. */
    long membersWritten();

    /** Finishes the file. */
    @Override
    void close() throws IOException;
}
