package org.fupin.status.internal;

import java.util.List;

import org.fupin.web.api.ApiException;
import org.fupin.web.api.ApiResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /api/v1/admin/bundles}: every bundle with its state, and every deploy-folder jar that failed. */
@Component(service = BundlesResource.class)
@ApiResource
@Path("admin/bundles")
public class BundlesResource {
    /** The role name of province administrators as the authentication filter reports it. */
    static final String PROVINCE_ADMIN = "PROVINCE_ADMIN";

    public record BundleList(List<BundleInfo> bundles, List<Problem> problems) {
    }

    private final BundleInspector inspector;

    @Activate
    public BundlesResource(@Reference BundleInspector inspector) {
        this.inspector = inspector;
    }

    /** Only province administrators: the runtime's inner workings are theirs to watch. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public BundleList bundles(@Context SecurityContext security) {
        if (security == null || !security.isUserInRole(PROVINCE_ADMIN)) {
            throw new ApiException(403, "forbidden", "only province administrators list the platform's bundles");
        }
        List<BundleInfo> bundles = inspector.bundles();
        return new BundleList(bundles, inspector.problems(bundles));
    }
}
