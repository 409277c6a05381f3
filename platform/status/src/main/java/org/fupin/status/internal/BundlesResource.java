package org.fupin.status.internal;

import java.util.List;

import org.fupin.web.api.ApiResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /api/v1/admin/bundles}: every bundle with its state, and every deploy-folder jar that failed. */
@Component(service = BundlesResource.class)
@ApiResource
@Path("admin/bundles")
public class BundlesResource {
    public record BundleList(List<BundleInfo> bundles, List<Problem> problems) {
    }

    private final BundleInspector inspector;

    @Activate
    public BundlesResource(@Reference BundleInspector inspector) {
        this.inspector = inspector;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public BundleList bundles() {
        List<BundleInfo> bundles = inspector.bundles();
        return new BundleList(bundles, inspector.problems(bundles));
    }
}
