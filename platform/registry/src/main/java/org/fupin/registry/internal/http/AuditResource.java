package org.fupin.registry.internal.http;

import java.util.List;

import org.fupin.database.api.AuditEntry;
import org.fupin.database.api.AuditLog;
import org.fupin.registry.api.HouseholdRegistry;
import org.fupin.web.api.ApiException;
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

/** {@code GET /api/v1/audit?entity=household&id=…}: the audit trail of one household, oldest first. */
@Component(service = AuditResource.class)
@ApiResource
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {
    public record Trail(String entity, String id, List<AuditEntry> entries) {
    }

    private final AuditLog audit;
    private final HouseholdRegistry registry;

    @Context
    SecurityContext security;

    @Activate
    public AuditResource(@Reference AuditLog audit, @Reference HouseholdRegistry registry) {
        this.audit = audit;
        this.registry = registry;
    }

    @GET
    public Trail trail(@QueryParam("entity") String entity, @QueryParam("id") String id,
            @QueryParam("limit") String limit) {
        if (!"household".equals(entity)) {
            throw QueryParameters.invalid("entity", "supported: household");
        }
        if (id == null || id.isBlank()) {
            throw QueryParameters.invalid("id", "required");
        }
        // the trail of a household the caller cannot see does not exist for them
        if (registry.find(id, Requests.actor(security)).isEmpty()) {
            throw ApiException.notFound("no audit trail for household " + id);
        }
        return new Trail(entity, id, audit.entries(entity, id, QueryParameters.integer("limit", limit, 1000, 1, 10_000)));
    }
}
