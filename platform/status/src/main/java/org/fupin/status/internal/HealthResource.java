package org.fupin.status.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.felix.hc.api.Result;
import org.apache.felix.hc.api.ResultLog;
import org.apache.felix.hc.api.execution.HealthCheckExecutionOptions;
import org.apache.felix.hc.api.execution.HealthCheckExecutionResult;
import org.apache.felix.hc.api.execution.HealthCheckExecutor;
import org.apache.felix.hc.api.execution.HealthCheckSelector;
import org.fupin.accounts.api.Authentication;
import org.fupin.registry.model.Role;
import org.fupin.web.api.ApiResource;
import org.fupin.web.api.PublicEndpoint;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;

import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Readiness at {@code GET /api/v1/health} and liveness at {@code GET /api/v1/health/live}, both answered by the
 * Felix Health Checks that bundles register. Ready (200 UP) once every check tagged {@value #READY} passes and
 * every required check exists; 503 DOWN until then. Checks tagged {@value #PLUGIN} are a plugin's own: shown, never
 * deciding. Alive (200) unless a check tagged {@value #LIVE} is critical (a deadlock). Open to anyone, for load
 * balancers and service managers; only a province administrator's token also gets the details.
 */
@Component(service = HealthResource.class, configurationPid = HealthConfig.PID)
@Designate(ocd = HealthConfig.class)
@ApiResource
@Path("health")
public class HealthResource {
    static final String READY = "ready";
    static final String LIVE = "live";
    static final String PLUGIN = "plugin";

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Health(String status, String version, List<Check> checks, BundleCounts bundles,
            List<Problem> problems) {
    }

    public record Check(String name, List<String> tags, String status, List<String> messages, long elapsedMillis) {
    }

    public record BundleCounts(int active, int total) {
    }

    private final HealthCheckExecutor executor;
    private final BundleInspector inspector;
    private final String version;
    private volatile List<String> required;
    private volatile int timeoutMillis;

    // optional: health must answer even when the accounts bundle is broken; then nobody gets the details
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Authentication authentication;

    @Activate
    public HealthResource(BundleContext context, @Reference HealthCheckExecutor executor,
            @Reference BundleInspector inspector, HealthConfig config) {
        this.executor = executor;
        this.inspector = inspector;
        String configured = context.getProperty("fupin.version");
        this.version = configured != null ? configured : context.getBundle().getVersion().toString();
        modified(config);
    }

    /** Takes new settings in place: re-registering the resource would make the REST whiteboard reload the API. */
    @Modified
    void modified(HealthConfig config) {
        this.required = List.of(config.requiredChecks());
        this.timeoutMillis = config.timeoutMillis();
    }

    @GET
    @PublicEndpoint
    @Produces(MediaType.APPLICATION_JSON)
    public Response ready(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        List<Check> checks = run(READY, PLUGIN);
        var missing = new HashSet<>(required);
        boolean up = true;
        for (Check check : checks) {
            missing.remove(check.name());
            if (check.tags().contains(READY) && !serves(check.status())) {
                up = false;
            }
        }
        var shown = new ArrayList<>(checks);
        for (String name : missing) {
            shown.add(new Check(name, List.of(READY), Result.Status.TEMPORARILY_UNAVAILABLE.name(),
                    List.of("检查尚未注册（所在组件未启动）"), 0));
        }
        return answer(up && missing.isEmpty(), shown, authorization);
    }

    @GET
    @Path("live")
    @PublicEndpoint
    @Produces(MediaType.APPLICATION_JSON)
    public Response live(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        List<Check> checks = run(LIVE);
        boolean alive = checks.stream().allMatch(c -> !Set.of("CRITICAL", "HEALTH_CHECK_ERROR").contains(c.status()));
        return answer(alive, checks, authorization);
    }

    private Response answer(boolean up, List<Check> checks, String authorization) {
        String status = up ? "UP" : "DOWN";
        Health health;
        if (isProvinceAdministrator(authorization)) {
            var bundles = inspector.bundles();
            int active = (int) bundles.stream().filter(b -> "ACTIVE".equals(b.state())).count();
            health = new Health(status, version, checks, new BundleCounts(active, bundles.size()),
                    inspector.problems(bundles));
        } else {
            health = new Health(status, null, null, null, null);
        }
        return Response.status(up ? 200 : 503).entity(health).build();
    }

    private List<Check> run(String... tags) {
        var options = new HealthCheckExecutionOptions().setCombineTagsWithOr(true)
                .setOverrideGlobalTimeout(timeoutMillis);
        var checks = new ArrayList<Check>();
        for (HealthCheckExecutionResult execution : executor.execute(HealthCheckSelector.tags(tags), options)) {
            var result = execution.getHealthCheckResult();
            var messages = new ArrayList<String>();
            for (ResultLog.Entry entry : result) {
                if (!entry.isDebug()) {
                    messages.add(entry.getMessage()); // the message only: stack traces stay in the log
                }
            }
            var metadata = execution.getHealthCheckMetadata();
            checks.add(new Check(metadata.getName(), metadata.getTags(), result.getStatus().name(), messages,
                    execution.getElapsedTimeInMs()));
        }
        return checks;
    }

    private static boolean serves(String status) {
        return "OK".equals(status) || "WARN".equals(status);
    }

    private boolean isProvinceAdministrator(String authorization) {
        Authentication current = authentication;
        if (current == null) {
            return false;
        }
        return Authentication.bearerToken(authorization).flatMap(current::authenticate)
                .map(actor -> actor.roles().contains(Role.PROVINCE_ADMIN)).orElse(false);
    }
}
