package org.fupin.database.api;

import java.sql.Connection;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** The append-only audit trail. Appending takes the caller's write connection, so the record commits with the change. */
@ProviderType
public interface AuditLog {
    void append(Connection writeConnection, String actor, String entity, String entityId, String action,
            String beforeJson, String afterJson);

    /** The entries of one entity, oldest first, at most {@code limit}. */
    List<AuditEntry> entries(String entity, String entityId, int limit);
}
