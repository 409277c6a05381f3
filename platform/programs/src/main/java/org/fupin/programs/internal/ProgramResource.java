package org.fupin.programs.internal;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import org.fupin.program.api.Application;
import org.fupin.registry.api.NotFoundException;
import org.fupin.registry.csv.TableFormat;
import org.fupin.registry.csv.XlsxTableWriter;
import org.fupin.registry.model.LocalizedText;
import org.fupin.registry.model.RegionLevel;
import org.fupin.web.api.ApiException;
import org.fupin.web.api.ApiResource;
import org.fupin.web.api.FieldError;
import org.fupin.web.api.QueryParameters;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code /api/v1/programs}: the catalogue of installed programs, one program's definition and parameters, its
 * applications and their workflow, and its reports (JSON, or CSV or XLSX for Excel).
 */
@Component(service = ProgramResource.class)
@ApiResource
@Path("programs")
@Produces(MediaType.APPLICATION_JSON)
public class ProgramResource {
    /** The body of {@code POST …/applications}. */
    public record NewApplication(String householdId, JsonNode data, String note) {
    }

    /** The body of {@code POST …/transitions}. */
    public record TransitionRequest(String action, String note, JsonNode data, Long version) {
    }

    /** A page of applications; {@code programInstalled} is false while the program's plugin is removed. */
    public record ApplicationPage(List<Application> items, long total, int page, int size,
            boolean programInstalled) {
    }

    private final ProgramService programs;
    private final ReportDownloads downloads;

    @Activate
    public ProgramResource(@Reference ProgramService programs, @Reference ReportDownloads downloads) {
        this.programs = programs;
        this.downloads = downloads;
    }

    @GET
    public List<ProgramViews.Summary> catalogue(@QueryParam("county") String county) {
        String code = county == null || county.isBlank() ? null : county.strip();
        var installed = programs.installed().stream().map(p -> summary(p, code));
        var removed = programs.removed().stream().map(p -> new ProgramViews.Summary(p.id(), p.name(), p.agency(),
                p.agencyName(), null, p.version(), p.bundle(), code == null ? null : programs.enabled(code, p.id()),
                false));
        return java.util.stream.Stream.concat(installed, removed)
                .sorted(java.util.Comparator.comparing(ProgramViews.Summary::id)).toList();
    }

    @GET
    @Path("{id}")
    public ProgramViews.Detail detail(@PathParam("id") String id, @QueryParam("region") String region,
            @QueryParam("year") String year) {
        InstalledProgram program = programs.program(id);
        String code = Requests.region(region);
        int inYear = QueryParameters.integer("year", year, programs.today().getYear(), 2000, 2100);
        var d = program.definition();
        var descriptor = d.descriptor();
        List<ProgramViews.Parameter> parameters = ProgramViews.Parameter.of(programs.parameters(program, code, inYear));
        Boolean enabled = code.length() >= 6 ? programs.enabled(code.substring(0, 6), id) : null;
        return new ProgramViews.Detail(descriptor.id(), descriptor.name(), descriptor.agency(),
                descriptor.agencyName(), descriptor.description(), program.version(), program.bundle(), enabled,
                code, inYear, d.forms(), d.workflow(), d.reports(), parameters, d.limits(),
                ProgramViews.HouseholdFieldView.of(descriptor.id(), d.householdFields()), d.records());
    }

    @GET
    @Path("{id}/applications")
    public ApplicationPage applications(@PathParam("id") String id, @QueryParam("region") String region,
            @QueryParam("state") String state, @QueryParam("householdId") String householdId,
            @QueryParam("overdue") String overdue, @QueryParam("page") String page, @QueryParam("size") String size,
            @Context SecurityContext security) {
        var found = programs.search(id, Requests.region(region), state == null || state.isBlank() ? null : state,
                householdId == null || householdId.isBlank() ? null : householdId, overdue(overdue),
                QueryParameters.integer("page", page, 0, 0, 1_000_000), QueryParameters.integer("size", size, 20, 1, 500),
                Requests.actor(security));
        return new ApplicationPage(found.items(), found.total(), found.page(), found.size(), found.installed());
    }

    // a program declares its filers; no program may declare the read-only auditor, who is refused before the body
    @RolesAllowed({ "VILLAGE_CLERK", "TOWNSHIP_OFFICER", "PROGRAM_OFFICER", "COUNTY_ADMIN", "PROVINCE_ADMIN",
            "PAIRED_CADRE" })
    @POST
    @Path("{id}/applications")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response file(@PathParam("id") String id, NewApplication body, @Context SecurityContext security,
            @Context UriInfo uri) {
        if (body == null || body.householdId() == null || body.householdId().isBlank()) {
            throw ApiException.badRequest("householdId is required",
                    List.of(new FieldError("householdId", "required")));
        }
        Application filed = programs.file(id, body.householdId().strip(), body.data(), body.note(),
                Requests.actor(security));
        URI location = uri.getAbsolutePathBuilder().path(filed.id()).build();
        return Response.created(location).tag(String.valueOf(filed.version())).entity(filed).build();
    }

    @GET
    @Path("{id}/applications/{applicationId}")
    public Response application(@PathParam("id") String id, @PathParam("applicationId") String applicationId,
            @Context SecurityContext security) {
        Application found = programs.find(id, applicationId, Requests.actor(security));
        return Response.ok(found).tag(String.valueOf(found.version())).build();
    }

    @POST
    @Path("{id}/applications/{applicationId}/transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response transition(@PathParam("id") String id, @PathParam("applicationId") String applicationId,
            TransitionRequest body, @Context SecurityContext security) {
        if (body == null || body.action() == null || body.action().isBlank()) {
            throw ApiException.badRequest("action is required", List.of(new FieldError("action", "required")));
        }
        Application moved = programs.transition(id, applicationId, body.action().strip(), body.note(), body.data(),
                body.version(), Requests.actor(security));
        return Response.ok(moved).tag(String.valueOf(moved.version())).build();
    }

    /**
     * A report as JSON, or as a download for Excel: {@code format=csv} or {@code format=xlsx} (without
     * {@code format}, an {@code Accept} that prefers CSV or XLSX asks for it too).
     */
    @GET
    @Path("{id}/reports/{reportId}")
    @Produces({ MediaType.APPLICATION_JSON, "text/csv", XlsxTableWriter.MEDIA_TYPE })
    public Response report(@PathParam("id") String id, @PathParam("reportId") String reportId,
            @QueryParam("region") String region, @QueryParam("year") String year, @QueryParam("level") String level,
            @QueryParam("asOf") String asOf, @QueryParam("short") String shortOnly,
            @QueryParam("format") String format, @Context HttpHeaders headers, @Context SecurityContext security) {
        InstalledProgram program = programs.program(id);
        var definition = program.definition().report(reportId).orElseThrow(
                () -> new NotFoundException(new LocalizedText("项目 " + id + " 没有报表 " + reportId,
                        "program " + id + " has no report " + reportId)));
        RegionLevel grouping = level == null || level.isBlank() ? null : levelOf(level);
        var wanted = TableFormat.of(format, headers.getAcceptableMediaTypes().stream()
                .map(t -> t.getType() + "/" + t.getSubtype()).toList())
                .orElseThrow(() -> QueryParameters.invalid("format", "json, csv or xlsx"));
        var actor = Requests.actor(security);
        if (shortOnly != null && !shortOnly.equals("true") && !shortOnly.equals("false")) {
            throw QueryParameters.invalid("short", "true or false");
        }
        var table = programs.report(program, definition, Requests.region(region), grouping,
                QueryParameters.integer("year", year, null, 2000, 2100), date("asOf", asOf), "true".equals(shortOnly),
                actor);
        Locale language = Requests.language(headers);
        String file = id + "-" + reportId + "." + wanted.name().toLowerCase(Locale.ROOT);
        return switch (wanted) {
            case JSON -> Response.ok(table, MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")).build();
            case CSV -> download(out -> downloads.csv(id, table, language, actor, out), "text/csv; charset=UTF-8",
                    file);
            case XLSX -> download(out -> downloads.xlsx(id, table, language, actor, out), XlsxTableWriter.MEDIA_TYPE,
                    file);
        };
    }

    /** An optional date query parameter, {@code 2026-06-30}. */
    private static java.time.LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return java.time.LocalDate.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw QueryParameters.invalid(name, "a date such as 2026-06-30");
        }
    }

    /**
     * What is on public notice today in a region (公示, 公告), as the notice lists it; {@code level} keeps the notices
     * posted at one level (VILLAGE, TOWNSHIP, COUNTY).
     */
    @GET
    @Path("{id}/notices")
    public ProgramService.NoticePage notices(@PathParam("id") String id, @QueryParam("region") String region,
            @QueryParam("level") String level, @QueryParam("page") String page, @QueryParam("size") String size,
            @Context SecurityContext security) {
        return programs.notices(id, Requests.region(region), level == null || level.isBlank() ? null : levelOf(level),
                QueryParameters.integer("page", page, 0, 0, 1_000_000), QueryParameters.integer("size", size, 100, 1,
                        500), Requests.actor(security));
    }

    private static Response download(StreamingOutput body, String type, String file) {
        return Response.ok(body, type).header("Content-Disposition", "attachment; filename=\"" + file + "\"").build();
    }

    /** {@code overdue=true}: only applications past their deadline; {@code false} or absent: all. */
    private static boolean overdue(String value) {
        if (value == null || value.isBlank() || "false".equalsIgnoreCase(value.strip())) {
            return false;
        }
        if ("true".equalsIgnoreCase(value.strip())) {
            return true;
        }
        throw QueryParameters.invalid("overdue", "true or false, got '" + value + "'");
    }

    private static RegionLevel levelOf(String value) {
        try {
            return RegionLevel.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw QueryParameters.invalid("level", "one of " + List.of(RegionLevel.values()));
        }
    }

    private ProgramViews.Summary summary(InstalledProgram p, String county) {
        var d = p.definition().descriptor();
        return new ProgramViews.Summary(d.id(), d.name(), d.agency(), d.agencyName(), d.description(), p.version(),
                p.bundle(), county == null ? null : programs.enabled(county, d.id()), true);
    }
}
