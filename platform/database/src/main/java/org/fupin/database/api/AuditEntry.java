package org.fupin.database.api;

import java.time.Instant;

/**
 * One audited write.
 *
 * @param before the entity as JSON before the change, {@code null} when it was created
 * @param after  the entity as JSON after the change, {@code null} when it was removed
 */
public record AuditEntry(long id, Instant at, String actor, String entity, String entityId, String action,
        String before, String after) {
}
