package org.fupin.registry.internal.http;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.fupin.database.api.AuditEntry;
import org.fupin.database.api.AuditPage;
import org.fupin.registry.internal.AuditTrails;
import org.fupin.web.api.ApiResource;
import org.fupin.web.api.QueryParameters;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/**
 * {@code GET /api/v1/audit?entity=household&id=…}: the audit trail of one household, oldest first;
 * {@code GET /api/v1/audit?entity=export[&id=households]}: the exports, newest first;
 * {@code GET /api/v1/audit/entries?entity=&id=&actor=&from=&to=&page=&size=}: every entity's records within the
 * reader's region, newest first, paged.
 */
@Component(service = AuditResource.class)
@ApiResource
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {
    public record Trail(String entity, String id, List<AuditEntry> entries) {
    }

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final AuditTrails trails;

    @Context
    SecurityContext security;

    @Activate
    public AuditResource(@Reference AuditTrails trails) {
        this.trails = trails;
    }

    @GET
    public Trail trail(@QueryParam("entity") String entity, @QueryParam("id") String id,
            @QueryParam("limit") String limit) {
        int atMost = QueryParameters.integer("limit", limit, 1000, 1, 10_000);
        String what = id == null || id.isBlank() ? null : id.strip();
        if ("export".equals(entity)) {
            return new Trail(entity, what, trails.exports(what, atMost, Requests.actor(security)));
        }
        if (!"household".equals(entity)) {
            throw QueryParameters.invalid("entity", "supported: household, export");
        }
        if (what == null) {
            throw QueryParameters.invalid("id", "required");
        }
        return new Trail(entity, what, trails.ofHousehold(what, atMost, Requests.actor(security)));
    }

    @GET
    @Path("entries")
    public AuditPage entries(@QueryParam("entity") String entity, @QueryParam("id") String id,
            @QueryParam("actor") String actor, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        int pageNumber = QueryParameters.integer("page", page, 0, 0, 100_000);
        int pageSize = QueryParameters.integer("size", size, 50, 1, 500);
        return trails.search(blankToNull(entity), blankToNull(id), blankToNull(actor), instant("from", from, false),
                instant("to", to, true), pageNumber, pageSize, Requests.actor(security));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * An instant ({@code 2026-11-22T08:00:00Z}) or a date, read in China's time: {@code from=2026-11-22} starts at
     * that day's midnight in Beijing, {@code to=2026-11-22} ends at the next (the day is included).
     */
    private static Instant instant(String name, String value, boolean endOfDay) {
        String text = blankToNull(value);
        if (text == null) {
            return null;
        }
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(CHINA).toInstant();
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw QueryParameters.invalid(name, "a date (2026-11-22) or an instant (2026-11-22T08:00:00Z)");
        }
    }
}
