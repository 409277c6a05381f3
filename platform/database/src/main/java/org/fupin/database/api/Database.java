package org.fupin.database.api;

import java.nio.file.Path;

import org.osgi.annotation.versioning.ProviderType;
import org.osgi.framework.Bundle;

/**
 * The platform database (SQLite in WAL mode by default). Reads run concurrently on pooled read-only connections;
 * all writes go through one writer connection, one transaction at a time, so writers never fight over the lock
 * and a transaction either commits whole or leaves nothing behind.
 */
@ProviderType
public interface Database {
    /** Runs read-only work on a pooled connection. */
    <T> T read(SqlWork<T> work);

    /**
     * Runs work in a write transaction on the single writer connection: commits when the work returns, rolls
     * back when it throws (the exception is rethrown unchanged when it is a {@link RuntimeException}). Called from
     * inside a write on the same thread, the work joins that transaction: it commits or rolls back with it (a
     * program's step that also marks the household's record).
     */
    <T> T write(SqlWork<T> work);

    /**
     * Applies the SQL migrations a bundle ships under {@code folder} ({@code V1__create.sql}, {@code V2__…}) and
     * records them in the history table of {@code schema}. Applied migrations are validated by checksum: editing
     * one after it ran is refused.
     */
    void migrate(String schema, Bundle owner, String folder);

    /** The database file. */
    Path file();
}
