package org.fupin.registry.internal.http;

import org.fupin.registry.api.RegionDirectory;
import org.fupin.registry.internal.RegionSummary;
import org.fupin.registry.internal.SqlHouseholdRegistry;
import org.fupin.registry.model.Region;
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

/**
 * {@code GET /api/v1/households/summary?region=620502}: the overview of a region's households within the caller's
 * scope — by status, by main cause, and exits by year from the status history.
 */
@Component(service = HouseholdSummaryResource.class)
@ApiResource(extension_select = {"(osgi.jakartars.name=" + ApiResource.EXTENSION_NAME + ")",
        "(osgi.jakartars.name=" + ApiResource.AUTHENTICATION_NAME + ")",
        "(osgi.jakartars.name=" + RegistryExceptionMapper.NAME + ")"})
@Path("households/summary")
@Produces(MediaType.APPLICATION_JSON)
public class HouseholdSummaryResource {
    private final SqlHouseholdRegistry registry;
    private final RegionDirectory regions;

    @Context
    SecurityContext security;

    @Activate
    public HouseholdSummaryResource(@Reference SqlHouseholdRegistry registry, @Reference RegionDirectory regions) {
        this.registry = registry;
        this.regions = regions;
    }

    @GET
    public RegionSummary.Result summary(@QueryParam("region") String code) {
        if (code == null || Region.levelOf(code).isEmpty()) {
            throw QueryParameters.invalid("region", "a region code of 2, 4, 6, 9 or 12 digits is required");
        }
        Region region = regions.find(code).orElseThrow(() -> ApiException.notFound("no region with code " + code));
        return registry.summarize(region, Requests.actor(security));
    }
}
