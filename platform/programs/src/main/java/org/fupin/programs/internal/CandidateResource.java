package org.fupin.programs.internal;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

import org.fupin.registry.model.Member;
import org.fupin.registry.model.Relation;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/**
 * {@code GET /api/v1/programs/{id}/candidates?region=}: who in a county (or a township or village of it) may apply
 * to the program today — each household it finds eligible, with the members its reasons name — paged, in village
 * order. Computed when asked, over the region's households.
 */
@Component(service = CandidateResource.class)
@ApiResource
@Path("programs/{id}/candidates")
@Produces(MediaType.APPLICATION_JSON)
public class CandidateResource {
    public record CandidateMember(String id, String name) {
    }

    public record Candidate(String householdId, String villageCode, String headName, List<CandidateMember> members,
            List<ProgramViews.ReasonView> reasons) {
    }

    public record CandidatePage(String program, String region, LocalDate asOf, List<Candidate> items, int page,
            int size, long total) {
    }

    private final ProgramService programs;

    @Activate
    public CandidateResource(@Reference ProgramService programs) {
        this.programs = programs;
    }

    @GET
    public CandidatePage candidates(@PathParam("id") String id, @QueryParam("region") String region,
            @QueryParam("page") String page, @QueryParam("size") String size, @Context HttpHeaders headers,
            @Context SecurityContext security) {
        int pageNumber = QueryParameters.integer("page", page, 0, 0, 100_000);
        int pageSize = QueryParameters.integer("size", size, 50, 1, 500);
        Locale language = Requests.language(headers);
        var all = programs.candidates(id, region == null ? null : region.strip(), Requests.actor(security));
        var items = all.stream().skip((long) pageNumber * pageSize).limit(pageSize).map(c -> {
            var named = new LinkedHashSet<String>();
            c.verdict().reasons().forEach(r -> {
                if (r.memberId() != null) {
                    named.add(r.memberId());
                }
            });
            var household = c.household();
            String head = household.members().stream().filter(m -> m.relation() == Relation.HEAD).map(Member::name).findFirst().orElse(null);
            return new Candidate(household.id(), household.villageCode(), head, household.members().stream()
                    .filter(m -> named.contains(m.id())).map(m -> new CandidateMember(m.id(), m.name())).toList(),
                    c.verdict().reasons().stream().map(r -> new ProgramViews.ReasonView(r.rule(), r.field(),
                            r.memberId(), r.message().in(language))).toList());
        }).toList();
        return new CandidatePage(id, region, programs.today(), items, pageNumber, pageSize, all.size());
    }
}
