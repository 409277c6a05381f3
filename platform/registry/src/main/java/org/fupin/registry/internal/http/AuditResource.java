package org.fupin.registry.internal.http;

import java.util.List;

import org.fupin.database.api.AuditEntry;
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
 * {@code GET /api/v1/audit?entity=export[&id=households]}: the exports, newest first.
 */
@Component(service = AuditResource.class)
@ApiResource
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {
    public record Trail(String entity, String id, List<AuditEntry> entries) {
    }

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
}
