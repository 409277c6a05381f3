package org.fupin.programs.internal;

import java.util.List;
import java.util.Locale;

import org.fupin.registry.model.LocalizedText;
import org.fupin.web.api.ApiResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/**
 * {@code GET /api/v1/households/{id}/eligibility}: every program enabled for the household's county, with its
 * verdict and reasons in the caller's language. A program whose rules fail is reported as such; the others still
 * answer.
 */
@Component(service = EligibilityResource.class)
@ApiResource
@Path("households/{id}/eligibility")
@Produces(MediaType.APPLICATION_JSON)
public class EligibilityResource {
    public record ProgramEligibility(String program, LocalizedText name, boolean eligible, boolean failed,
            List<ProgramViews.ReasonView> reasons) {
    }

    public record EligibilityView(String householdId, String county, String countyName,
            List<ProgramEligibility> programs) {
    }

    private final ProgramService programs;

    @Activate
    public EligibilityResource(@Reference ProgramService programs) {
        this.programs = programs;
    }

    @GET
    public EligibilityView eligibility(@PathParam("id") String id, @Context HttpHeaders headers,
            @Context SecurityContext security) {
        Locale language = Requests.language(headers);
        var result = programs.eligibility(id, Requests.actor(security));
        return new EligibilityView(result.household().id(), result.county().code(), result.county().name(),
                result.programs().stream().map(v -> new ProgramEligibility(v.program().id(),
                        v.program().definition().descriptor().name(), v.verdict().eligible(), v.failed(),
                        v.verdict().reasons().stream().map(r -> new ProgramViews.ReasonView(r.rule(), r.field(),
                                r.memberId(), r.message().in(language))).toList()))
                        .toList());
    }
}
