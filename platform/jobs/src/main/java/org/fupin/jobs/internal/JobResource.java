package org.fupin.jobs.internal;

import java.util.List;

import org.fupin.jobs.api.Job;
import org.fupin.jobs.api.Jobs;
import org.fupin.registry.api.AccessDeniedException;
import org.fupin.registry.api.Actor;
import org.fupin.registry.api.Page;
import org.fupin.web.api.ApiException;
import org.fupin.web.api.ApiResource;
import org.fupin.web.api.QueryParameters;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/**
 * {@code /api/v1/jobs}: the background jobs within the caller's region, newest first; one job with its progress;
 * {@code POST /jobs/{id}/cancel} asks it to stop.
 */
@Component(service = JobResource.class)
@ApiResource
@Path("jobs")
@Produces(MediaType.APPLICATION_JSON)
public class JobResource {
    private final Jobs jobs;

    @Activate
    public JobResource(@Reference Jobs jobs) {
        this.jobs = jobs;
    }

    @GET
    public Page<Job> list(@QueryParam("kind") String kind, @QueryParam("page") String page,
            @QueryParam("size") String size, @Context SecurityContext security) {
        return jobs.list(kind == null || kind.isBlank() ? null : kind.strip(),
                QueryParameters.integer("page", page, 0, 0, 100_000), QueryParameters.integer("size", size, 20, 1, 200),
                Actor.signedIn(security.getUserPrincipal()));
    }

    @GET
    @Path("{id}")
    public Job read(@PathParam("id") String id, @Context SecurityContext security) {
        return jobs.find(id, Actor.signedIn(security.getUserPrincipal()))
                .orElseThrow(() -> ApiException.notFound("no job " + id));
    }

    @POST
    @Path("{id}/cancel")
    public Job cancel(@PathParam("id") String id, @Context SecurityContext security) {
        Actor actor = Actor.signedIn(security.getUserPrincipal());
        read(id, security);
        try {
            return jobs.cancel(id, actor);
        } catch (AccessDeniedException e) {
            throw new ApiException(403, "forbidden", e.text().en(), List.of());
        }
    }
}
