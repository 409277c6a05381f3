package org.fupin.registry.internal.http;

import java.util.List;

import org.fupin.registry.api.RegionDirectory;
import org.fupin.registry.model.Region;
import org.fupin.web.api.ApiException;
import org.fupin.web.api.ApiResource;
import org.fupin.web.api.QueryParameters;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** {@code /api/v1/regions}: one division with its path of names, or a division's children sorted by code. */
@Component(service = RegionResource.class)
@ApiResource
@Path("regions")
@Produces(MediaType.APPLICATION_JSON)
public class RegionResource {
    public record Children(String parent, List<Region> regions) {
    }

    private final RegionDirectory regions;

    @Activate
    public RegionResource(@Reference RegionDirectory regions) {
        this.regions = regions;
    }

    @GET
    @Path("{code}")
    public Region get(@PathParam("code") String code) {
        requireWellFormed("code", code);
        return regions.find(code).orElseThrow(() -> ApiException.notFound("no region with code " + code));
    }

    @GET
    public Children children(@QueryParam("parent") String parent) {
        if (parent == null || parent.isBlank()) {
            return new Children(null, regions.children(""));
        }
        requireWellFormed("parent", parent);
        if (regions.find(parent).isEmpty()) {
            throw ApiException.notFound("no region with code " + parent);
        }
        return new Children(parent, regions.children(parent));
    }

    private static void requireWellFormed(String name, String code) {
        if (Region.levelOf(code).isEmpty()) {
            throw QueryParameters.invalid(name, "a region code has 2, 4, 6, 9 or 12 digits, got '" + code + "'");
        }
    }
}
