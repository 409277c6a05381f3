package org.fupin.database.api;

import java.time.Instant;

/**
 * Which audit records to read with {@link AuditLog#search}, newest first: those whose region lies within
 * {@code scope} (a region-code prefix, {@code ""} for the whole country), and of the given entity, entity id,
 * actor and time span where those are not {@code null}.
 *
 * @param from inclusive
 * @param to   exclusive
 * @param page 0-based
 */
public record AuditQuery(String scope, String entity, String entityId, String actor, Instant from, Instant to,
        int page, int size) {
    public AuditQuery {
        if (scope == null || !scope.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("not a region-code prefix: " + scope);
        }
    }
}
