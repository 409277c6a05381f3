package org.fupin.status.internal;

import java.util.List;

import org.fupin.web.api.ApiResource;
import org.fupin.web.api.PublicEndpoint;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /api/v1/health}: UP (200) once every platform bundle is active, DOWN (503) naming each platform
 * bundle that failed. A broken plugin jar is listed under {@code problems} but does not take the platform down.
 * Open to anyone: load balancers and service managers call it without credentials.
 */
@Component(service = HealthResource.class)
@ApiResource
@Path("health")
public class HealthResource {
    public record BundleCounts(int active, int total) {
    }

    public record Health(String status, String version, BundleCounts bundles, List<Problem> problems) {
    }

    private final BundleInspector inspector;
    private final String version;

    @Activate
    public HealthResource(BundleContext context, @Reference BundleInspector inspector) {
        this.inspector = inspector;
        String configured = context.getProperty("fupin.version");
        this.version = configured != null ? configured : context.getBundle().getVersion().toString();
    }

    @GET
    @PublicEndpoint
    @Produces(MediaType.APPLICATION_JSON)
    public Response health() {
        List<BundleInfo> bundles = inspector.bundles();
        List<Problem> problems = inspector.problems(bundles);
        int active = (int) bundles.stream().filter(b -> "ACTIVE".equals(b.state())).count();
        boolean up = problems.stream().noneMatch(Problem::platform);
        var health = new Health(up ? "UP" : "DOWN", version, new BundleCounts(active, bundles.size()), problems);
        return Response.status(up ? 200 : 503).entity(health).build();
    }
}
