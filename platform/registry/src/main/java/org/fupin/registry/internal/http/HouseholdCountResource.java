package org.fupin.registry.internal.http;

import org.fupin.registry.api.RegionDirectory;
import org.fupin.registry.internal.RegionCounts;
import org.fupin.registry.internal.SqlHouseholdRegistry;
import org.fupin.registry.model.HouseholdStatus;
import org.fupin.registry.model.Region;
import org.fupin.registry.model.RegionLevel;
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
 * {@code GET /api/v1/households/counts?region=62&by=COUNTY[&status=POOR]}: households and people of a region,
 * one row per region at the {@code by} level below it (default: the next level down).
 */
@Component(service = HouseholdCountResource.class)
@ApiResource(extension_select = {"(osgi.jakartars.name=" + ApiResource.EXTENSION_NAME + ")",
        "(osgi.jakartars.name=" + ApiResource.AUTHENTICATION_NAME + ")",
        "(osgi.jakartars.name=" + RegistryExceptionMapper.NAME + ")"})
@Path("households/counts")
@Produces(MediaType.APPLICATION_JSON)
public class HouseholdCountResource {
    private final SqlHouseholdRegistry registry;
    private final RegionDirectory regions;

    @Context
    SecurityContext security;

    @Activate
    public HouseholdCountResource(@Reference SqlHouseholdRegistry registry, @Reference RegionDirectory regions) {
        this.registry = registry;
        this.regions = regions;
    }

    @GET
    public RegionCounts.Result counts(@QueryParam("region") String code, @QueryParam("by") String by,
            @QueryParam("status") String status) {
        if (code == null || Region.levelOf(code).isEmpty()) {
            throw QueryParameters.invalid("region", "a region code of 2, 4, 6, 9 or 12 digits is required");
        }
        Region region = regions.find(code).orElseThrow(() -> ApiException.notFound("no region with code " + code));
        RegionLevel level = Requests.enumParameter("by", by, RegionLevel.class);
        if (level == null) {
            level = region.level() == RegionLevel.VILLAGE ? RegionLevel.VILLAGE
                    : RegionLevel.values()[region.level().ordinal() + 1];
        }
        if (level.ordinal() < region.level().ordinal()) {
            throw QueryParameters.invalid("by", "must be " + region.level() + " or a level below it");
        }
        return registry.countBy(region, level, Requests.enumParameter("status", status, HouseholdStatus.class),
                Requests.actor(security));
    }
}
