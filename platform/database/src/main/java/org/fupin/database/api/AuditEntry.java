package org.fupin.database.api;

import java.time.Instant;

/**
 * One audited write.
 *
 * @param region the region code the write concerns (a household's village, a user's region, a county), or the
 *               exporting user's scope; {@code ""} for the whole country, {@code null} for records written before
 *               records carried one
 * @param before the entity as JSON before the change, {@code null} when it was created
 * @param after  the entity as JSON after the change, {@code null} when it was removed
 */
public record AuditEntry(long id, Instant at, String actor, String entity, String entityId, String region,
        String action, String before, String after) {
}
