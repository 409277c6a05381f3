package org.fupin.programs.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.fupin.jobs.api.Job;
import org.fupin.jobs.api.Jobs;
import org.fupin.program.api.ProgramDemo;
import org.fupin.registry.api.Actor;
import org.fupin.registry.csv.XlsxTableWriter;
import org.fupin.web.api.ApiException;

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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;

/**
 * {@code GET /api/v1/programs/{id}/candidates?region=}: who in a region may apply to the program today — each
 * household it finds eligible, with the members its reasons name, in village order. A county or smaller is listed at
 * once, paged; a city or province (or the whole country) is {@code 202 Accepted}: a background job writes the
 * list to a file, {@code GET …/candidates/{job}/file} downloads it (CSV, or XLSX).
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

    static final String KIND = "program-candidates";
    static final String FILE = "candidates.csv";
    static final List<String> HEADERS = List.of("户编号", "村代码", "户主", "成员", "理由");

    private final ProgramService programs;
    private final Jobs jobs;

    @Activate
    public CandidateResource(@Reference ProgramService programs, @Reference Jobs jobs) {
        this.programs = programs;
        this.jobs = jobs;
    }

    @GET
    public Response candidates(@PathParam("id") String id, @QueryParam("region") String region,
            @QueryParam("page") String page, @QueryParam("size") String size, @Context HttpHeaders headers,
            @Context SecurityContext security) throws IOException {
        String asked = region == null ? null : region.strip();
        if (asked != null && asked.length() < ProgramService.CANDIDATE_REGION_DIGITS
                && (asked.isEmpty() || org.fupin.registry.model.Region.levelOf(asked).isPresent())) {
            return listAsJob(id, asked, Requests.actor(security));
        }
        return Response.ok(page(id, asked, page, size, headers, security)).build();
    }

    /** Checks program, agency and region at once (4xx now, not a failed job), then lists in the background. */
    private Response listAsJob(String id, String region, Actor actor) throws IOException {
        programs.candidateProgram(id, region, actor);
        Job job = jobs.start(KIND, actor, folder -> { }, context -> {
            long[] found = {0};
            try (var out = Files.newBufferedWriter(context.folder().resolve(FILE), StandardCharsets.UTF_8);
                    var csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
                out.write('\uFEFF'); // Excel reads UTF-8 only with its byte order mark
                csv.printRecord(HEADERS);
                programs.candidates(id, region, actor, candidate -> {
                    if (context.cancelled()) {
                        throw new CancellationException("cancelled");
                    }
                    var view = view(candidate, Locale.SIMPLIFIED_CHINESE);
                    try {
                        csv.printRecord(view.householdId(), view.villageCode(), view.headName(),
                                String.join("、", view.members().stream().map(CandidateMember::name).toList()),
                                String.join("；", view.reasons().stream().map(ProgramViews.ReasonView::message)
                                        .toList()));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    found[0]++;
                    if (found[0] % 1000 == 0) {
                        context.progress(found[0], -1, Map.of("candidates", found[0]));
                    }
                });
            } catch (CancellationException stopped) {
                // what was written stays in the file
            }
            context.progress(found[0], -1, Map.of("candidates", found[0]));
            return Map.of("program", id, "region", region, "candidates", found[0], "file", FILE);
        });
        return Response.accepted(job).location(URI.create("/api/v1/jobs/" + job.id())).build();
    }

    /** The file a listing job wrote: CSV as written (UTF-8 with BOM), or XLSX. */
    @GET
    @Path("{job}/file")
    @Produces({ "text/csv", XlsxTableWriter.MEDIA_TYPE, MediaType.APPLICATION_JSON })
    public Response file(@PathParam("id") String id, @PathParam("job") String jobId, @QueryParam("format") String format,
            @Context SecurityContext security) {
        Actor actor = Requests.actor(security);
        java.nio.file.Path file = jobs.find(jobId, actor).filter(j -> KIND.equals(j.kind()))
                .flatMap(j -> jobs.file(jobId, FILE, actor))
                .orElseThrow(() -> ApiException.notFound("no candidate list " + jobId));
        String name = id + "-candidates-" + jobId.substring(0, 8);
        if ("xlsx".equalsIgnoreCase(format)) {
            StreamingOutput xlsx = out -> XlsxTableWriter.fromCsv(file, out, "候选户",
                    HEADERS.stream().map(h -> new XlsxTableWriter.Heading(h, false)).toList());
            return Response.ok(xlsx, XlsxTableWriter.MEDIA_TYPE)
                    .header("Content-Disposition", "attachment; filename=\"" + name + ".xlsx\"").build();
        }
        if (format != null && !format.isBlank() && !"csv".equalsIgnoreCase(format)) {
            throw QueryParameters.invalid("format", "csv or xlsx");
        }
        return Response.ok((StreamingOutput) out -> Files.copy(file, out), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"").build();
    }

    private CandidatePage page(String id, String region, String page, String size, HttpHeaders headers,
            SecurityContext security) {
        int pageNumber = QueryParameters.integer("page", page, 0, 0, 100_000);
        int pageSize = QueryParameters.integer("size", size, 50, 1, 500);
        Locale language = Requests.language(headers);
        var all = programs.candidates(id, region == null ? null : region.strip(), Requests.actor(security));
        var items = all.stream().skip((long) pageNumber * pageSize).limit(pageSize).map(c -> view(c, language))
                .toList();
        return new CandidatePage(id, region, programs.today(), items, pageNumber, pageSize, all.size());
    }

    private static Candidate view(ProgramDemo.Candidate c, Locale language) {
        var named = new LinkedHashSet<String>();
        c.verdict().reasons().forEach(r -> {
            if (r.memberId() != null) {
                named.add(r.memberId());
            }
        });
        var household = c.household();
        String head = household.members().stream().filter(m -> m.relation() == Relation.HEAD).map(Member::name)
                .findFirst().orElse(null);
        return new Candidate(household.id(), household.villageCode(), head, household.members().stream()
                .filter(m -> named.contains(m.id())).map(m -> new CandidateMember(m.id(), m.name())).toList(),
                c.verdict().reasons().stream().map(r -> new ProgramViews.ReasonView(r.rule(), r.field(),
                        r.memberId(), r.message().in(language))).toList());
    }
}
