package org.fupin.programs.internal;

import java.net.URI;
import java.util.List;

import org.fupin.registry.api.Actor;
import org.fupin.web.api.ApiException;
import org.fupin.web.api.ApiResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/**
 * {@code POST /api/v1/admin/scheduled-actions}: takes the programs' due scheduled actions now, as a background job
 * ({@code 202} with the job), instead of at the next hourly run; {@code 409 already_running} while a run is on.
 */
@Component(service = ScheduledActionsResource.class)
@ApiResource
@Path("admin/scheduled-actions")
@Produces(MediaType.APPLICATION_JSON)
public class ScheduledActionsResource {
    private final ScheduledTransitions scheduled;

    @Activate
    public ScheduledActionsResource(@Reference ScheduledTransitions scheduled) {
        this.scheduled = scheduled;
    }

    @RolesAllowed("PROVINCE_ADMIN")
    @POST
    public Response runNow(@Context SecurityContext security) {
        var job = scheduled.start(Actor.signedIn(security.getUserPrincipal())).orElseThrow(() -> new ApiException(409,
                "already_running", "scheduled actions are being taken right now; follow that job at /api/v1/jobs",
                List.of()));
        return Response.accepted(job).location(URI.create("/api/v1/jobs/" + job.id())).build();
    }
}
