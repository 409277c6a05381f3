package org.fupin.programs.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.fupin.web.api.ApiException;
import org.fupin.web.api.ApiResource;
import org.fupin.web.api.FieldError;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/**
 * {@code /api/v1/regions/{region}/programs}: which programs a county runs (a program is off until the county turns
 * it on; everything below the county inherits it), and province or county overrides of program parameters.
 */
@Component(service = CountyProgramResource.class)
@ApiResource
@Path("regions/{region}/programs")
@Produces(MediaType.APPLICATION_JSON)
public class CountyProgramResource {
    /** The body of {@code PUT …/programs/{id}}. */
    public record EnablementRequest(Boolean enabled) {
    }

    /** A county's setting for one program; {@code changedAt} is absent while it was never set. */
    public record EnablementView(String county, String program, boolean enabled, String changedBy,
            Instant changedAt) {
        static EnablementView of(ProgramStore.Enablement e) {
            return new EnablementView(e.county(), e.program(), e.enabled(), e.changedBy(), e.changedAt());
        }
    }

    /** The body of {@code PUT …/programs/{id}/parameters}: overrides in force from {@code year} on. */
    public record ParameterRequest(Integer year, Map<String, JsonNode> values) {
    }

    private final ProgramService programs;

    @Activate
    public CountyProgramResource(@Reference ProgramService programs) {
        this.programs = programs;
    }

    @GET
    public List<EnablementView> list(@PathParam("region") String county) {
        var stored = programs.enablements(county);
        return programs.installed().stream().map(p -> stored.stream().filter(e -> e.program().equals(p.id()))
                .findFirst().map(EnablementView::of)
                .orElse(new EnablementView(county, p.id(), false, null, null))).toList();
    }

    @RolesAllowed({ "COUNTY_ADMIN", "PROVINCE_ADMIN" })
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public EnablementView enable(@PathParam("region") String county, @PathParam("id") String id,
            EnablementRequest body, @Context SecurityContext security) {
        if (body == null || body.enabled() == null) {
            throw ApiException.badRequest("enabled (true or false) is required",
                    List.of(new FieldError("enabled", "required: true or false")));
        }
        programs.setEnabled(county, id, body.enabled(), Requests.actor(security));
        return programs.enablements(county).stream().filter(e -> e.program().equals(id)).findFirst()
                .map(EnablementView::of).orElseThrow();
    }

    @RolesAllowed({ "COUNTY_ADMIN", "PROVINCE_ADMIN" })
    @PUT
    @Path("{id}/parameters")
    @Consumes(MediaType.APPLICATION_JSON)
    public List<ProgramViews.Parameter> parameters(@PathParam("region") String region, @PathParam("id") String id,
            ParameterRequest body, @Context SecurityContext security) {
        if (body == null || body.year() == null || body.values() == null) {
            throw ApiException.badRequest("year and values are required", List.of(
                    new FieldError("year", "required: the first year the values are in force"),
                    new FieldError("values", "required: {\"parameterName\": number, …}")));
        }
        return ProgramViews.Parameter.of(
                programs.setParameters(id, region, body.year(), body.values(), Requests.actor(security)));
    }
}
