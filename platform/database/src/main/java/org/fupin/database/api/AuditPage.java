package org.fupin.database.api;

import java.util.List;

/** A page of {@link AuditLog#search}: the records, and how many match in all. */
public record AuditPage(List<AuditEntry> items, int page, int size, long total) {
    public AuditPage {
        items = List.copyOf(items);
    }
}
