package org.fupin.database.api;

import java.sql.Connection;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** The append-only audit trail. Appending takes the caller's write connection, so the record commits with the change. */
@ProviderType
public interface AuditLog {
    /**
     * @param region the region code the change concerns, which decides who may read the record (readers see the
     *               records within their own region): a household's village, a user's region, a county; {@code ""}
     *               for what concerns the whole country, {@code null} for what only readers of the whole country
     *               may see (e.g. a failed sign-in under a name that belongs to nobody)
     */
    void append(Connection writeConnection, String actor, String entity, String entityId, String region,
            String action, String beforeJson, String afterJson);

    /**
     * One change to record with {@link #appendAll}: the entity's id and region (see {@link #append}) and its JSON
     * before and after, already encoded as UTF-8 ({@code null} where there is none). The arrays are stored as
     * given, not copied.
     */
    record Change(String entityId, String region, byte[] beforeJson, byte[] afterJson) {
    }

    /**
     * Appends a record for each change, all by one actor with one action at one time, on the caller's write
     * connection as one batch: for a write of many entities at once, such as an import's thousands of new
     * households.
     *
     * <p>Returns the records' ids, in the order of {@code changes}. Records are never changed or removed, so an
     * id names its record for good: the owner of an entity may keep it instead of a second copy of the entity's
     * current document, and read that document in the same database as column {@code after} of table
     * {@code audit}, row {@code id} (a stable part of this API).
     *
     * @return the ids of the new records, one per change
     */
    long[] appendAll(Connection writeConnection, String actor, String entity, String action, List<Change> changes);

    /** The entries of one entity, oldest first, at most {@code limit}. */
    List<AuditEntry> entries(String entity, String entityId, int limit);

    /**
     * Records that data left the platform, in a write transaction of its own once the file is written: entity
     * {@value #EXPORT}, the export's {@code what} as entity id (e.g. {@code households}), action {@value #EXPORT},
     * the user's scope as region, and as {@code after} {@code {"scope":"6205","filter":{…},"rows":1234}}.
     *
     * @param scope      the region-code prefix the exporting user works in ("" for the whole country)
     * @param filterJson the export's criteria as a JSON object
     * @param rows       data rows written, the header not counted
     */
    void appendExport(String actor, String scope, String what, String filterJson, long rows);

    /**
     * The records of {@code query}, newest first: every entity's, within the reader's region. Export records count
     * as lying in the exporting user's scope.
     */
    AuditPage search(AuditQuery query);

    /** Entity and action of export records. */
    String EXPORT = "export";
}
