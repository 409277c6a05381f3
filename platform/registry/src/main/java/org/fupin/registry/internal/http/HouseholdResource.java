package org.fupin.registry.internal.http;

import java.net.URI;
import java.time.LocalDate;

import org.fupin.registry.api.Actor;
import org.fupin.registry.api.HouseholdQuery;
import org.fupin.registry.csv.TableFormat;
import org.fupin.registry.csv.XlsxTableWriter;
import org.fupin.registry.internal.SqlHouseholdRegistry;
import org.fupin.registry.model.Cause;
import org.fupin.registry.model.Household;
import org.fupin.registry.model.HouseholdAttribute;
import org.fupin.registry.model.HouseholdHistory;
import org.fupin.registry.model.HouseholdStatus;
import org.fupin.registry.model.Member;
import org.fupin.registry.model.MemberChangeReason;
import org.fupin.registry.model.Region;
import org.fupin.web.api.ApiResource;
import org.fupin.web.api.QueryParameters;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

/** {@code /api/v1/households}: register, read, edit, search, member and status changes, history. */
@Component(service = HouseholdResource.class)
@ApiResource(extension_select = {"(osgi.jakartars.name=" + ApiResource.EXTENSION_NAME + ")",
        "(osgi.jakartars.name=" + ApiResource.AUTHENTICATION_NAME + ")",
        "(osgi.jakartars.name=" + RegistryExceptionMapper.NAME + ")"})
@Path("households")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class HouseholdResource {
    /** A member joining: who, why, when. */
    public record MemberJoining(Member member, MemberChangeReason reason, LocalDate date, String note, Long version) {
    }

    /** A member leaving: why, when. */
    public record MemberLeaving(MemberChangeReason reason, LocalDate date, String note, Long version) {
    }

    /** A status change: to what, when, why. */
    public record StatusChangeRequest(HouseholdStatus status, LocalDate date, String reason, Long version) {
    }

    /**
     * A change to extension fields: each value set, {@code null} clearing it; fields left out keep their values.
     */
    public record ExtensionChange(java.util.Map<String, Object> values, Long version) {
    }

    private final SqlHouseholdRegistry registry;

    @Context
    SecurityContext security;

    @Activate
    public HouseholdResource(@Reference SqlHouseholdRegistry registry) {
        this.registry = registry;
    }

    @RolesAllowed({ "VILLAGE_CLERK", "TOWNSHIP_OFFICER", "COUNTY_ADMIN", "PROVINCE_ADMIN" })
    @POST
    public Response create(Household household, @Context UriInfo uri) {
        Household created = registry.create(required(household), Requests.actor(security));
        URI location = uri.getBaseUriBuilder().path("households").path(created.id()).build();
        return Response.created(location).tag(tag(created)).entity(created).build();
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id) {
        var household = registry.findJson(id, Requests.actor(security)).map(HouseholdJson::of)
                .orElseThrow(() -> SqlHouseholdRegistry.notFound(id));
        return Response.ok(household.json(), MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .tag(new EntityTag(household.version())).build();
    }

    @RolesAllowed({ "VILLAGE_CLERK", "TOWNSHIP_OFFICER", "COUNTY_ADMIN", "PROVINCE_ADMIN" })
    @PUT
    @Path("{id}")
    public Response update(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, Household household) {
        long version = Requests.expectedVersion(ifMatch, required(household).version());
        Household saved = registry.update(id, version, household, Requests.actor(security));
        return Response.ok(saved).tag(tag(saved)).build();
    }

    /**
     * Search, paged as JSON; or every match as a download for Excel, in the import format: {@code format=csv} or
     * {@code format=xlsx} (without {@code format}, an {@code Accept} that prefers CSV or XLSX asks for it too).
     */
    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv", XlsxTableWriter.MEDIA_TYPE})
    public Response search(@QueryParam("region") String region, @QueryParam("status") String status,
            @QueryParam("attribute") String attribute, @QueryParam("cause") String cause, @QueryParam("q") String text,
            @QueryParam("page") String page, @QueryParam("size") String size, @QueryParam("sort") String sort,
            @QueryParam("paired") String paired,
            @QueryParam("format") String format, @Context HttpHeaders headers, @Context UriInfo uri) {
        if (region != null && !region.isBlank() && Region.levelOf(region.strip()).isEmpty()) {
            throw QueryParameters.invalid("region", "a region code has 2, 4, 6, 9 or 12 digits");
        }
        var query = new HouseholdQuery(region == null ? null : region.strip(),
                Requests.enumParameter("status", status, HouseholdStatus.class),
                Requests.enumParameter("attribute", attribute, HouseholdAttribute.class),
                Requests.enumParameter("cause", cause, Cause.class), text,
                QueryParameters.integer("page", page, 0, 0, 1_000_000),
                QueryParameters.integer("size", size, 20, 1, HouseholdQuery.MAX_SIZE),
                Requests.enumParameter("sort", sort, HouseholdQuery.Sort.class), extensionFilter(uri),
                paired(paired));
        var actor = Requests.actor(security);
        var wanted = TableFormat.of(format, Requests.accepted(headers))
                .orElseThrow(() -> QueryParameters.invalid("format", "json, csv or xlsx"));
        return switch (wanted) {
            case JSON -> Response.ok(registry.search(query, actor), MediaType.APPLICATION_JSON_TYPE).build();
            case CSV -> download(out -> registry.exportCsv(query, actor, out), "text/csv; charset=UTF-8", "csv");
            case XLSX -> download(xlsx(query, actor), XlsxTableWriter.MEDIA_TYPE, "xlsx");
        };
    }

    /** {@code paired=true|false}: households with, or without, a 帮扶责任人 now; absent, either. */
    private static Boolean paired(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw QueryParameters.invalid("paired", "true or false");
        };
    }

    /** Query parameters {@code ext.<program>.<field>=value}: households whose extension field has the value. */
    private static java.util.Map<String, String> extensionFilter(UriInfo uri) {
        var filter = new java.util.HashMap<String, String>();
        uri.getQueryParameters().forEach((name, values) -> {
            if (name.startsWith(EXTENSION_PARAMETER) && !values.isEmpty()) {
                filter.put(name.substring(EXTENSION_PARAMETER.length()), values.get(0));
            }
        });
        return filter;
    }

    private static final String EXTENSION_PARAMETER = "ext.";

    @RolesAllowed({ "VILLAGE_CLERK", "TOWNSHIP_OFFICER", "COUNTY_ADMIN", "PROVINCE_ADMIN", "PROGRAM_OFFICER",
            "PAIRED_CADRE" })
    @PATCH
    @Path("{id}/extensions")
    public Response updateExtensions(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            ExtensionChange change) {
        required(change);
        Household saved = registry.updateExtensions(id, Requests.expectedVersion(ifMatch, change.version()),
                change.values(), Requests.actor(security));
        return Response.ok(saved).tag(tag(saved)).build();
    }

    /** The XLSX export, refused before it starts when it has more rows than a sheet holds. */
    private StreamingOutput xlsx(HouseholdQuery query, Actor actor) {
        long rows = registry.exportRows(query, actor);
        if (rows > XlsxTableWriter.MAX_ROWS) {
            throw QueryParameters.invalid("format", "an XLSX sheet holds at most " + XlsxTableWriter.MAX_ROWS
                    + " rows and this export has " + rows + ": narrow it (region, status …) or use csv");
        }
        return out -> registry.exportXlsx(query, actor, out);
    }

    /** An attachment named households.csv or .xlsx, and 建档立卡户.csv or .xlsx for browsers that read filename*. */
    private static Response download(StreamingOutput body, String type, String extension) {
        return Response.ok(body, type).header("Content-Disposition", "attachment; filename=\"households."
                + extension + "\"; filename*=UTF-8''%E5%BB%BA%E6%A1%A3%E7%AB%8B%E5%8D%A1%E6%88%B7." + extension)
                .build();
    }

    @GET
    @Path("{id}/history")
    public HouseholdHistory history(@PathParam("id") String id) {
        return registry.history(id, Requests.actor(security));
    }

    @RolesAllowed({ "VILLAGE_CLERK", "TOWNSHIP_OFFICER", "COUNTY_ADMIN", "PROVINCE_ADMIN" })
    @POST
    @Path("{id}/members")
    public Response addMember(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            MemberJoining joining) {
        required(joining);
        Household saved = registry.addMember(id, Requests.expectedVersion(ifMatch, joining.version()),
                joining.member(), joining.reason(), joining.date(), joining.note(), Requests.actor(security));
        return Response.ok(saved).tag(tag(saved)).build();
    }

    @RolesAllowed({ "VILLAGE_CLERK", "TOWNSHIP_OFFICER", "COUNTY_ADMIN", "PROVINCE_ADMIN" })
    @POST
    @Path("{id}/members/{memberId}/departure")
    public Response removeMember(@PathParam("id") String id, @PathParam("memberId") String memberId,
            @HeaderParam("If-Match") String ifMatch, MemberLeaving leaving) {
        required(leaving);
        Household saved = registry.removeMember(id, Requests.expectedVersion(ifMatch, leaving.version()), memberId,
                leaving.reason(), leaving.date(), leaving.note(), Requests.actor(security));
        return Response.ok(saved).tag(tag(saved)).build();
    }

    @RolesAllowed({ "VILLAGE_CLERK", "TOWNSHIP_OFFICER", "COUNTY_ADMIN", "PROVINCE_ADMIN" })
    @POST
    @Path("{id}/status")
    public Response changeStatus(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            StatusChangeRequest change) {
        required(change);
        Household saved = registry.changeStatus(id, Requests.expectedVersion(ifMatch, change.version()),
                change.status(), change.date(), change.reason(), Requests.actor(security));
        return Response.ok(saved).tag(tag(saved)).build();
    }

    private static EntityTag tag(Household household) {
        return new EntityTag(String.valueOf(household.version()));
    }

    private static <T> T required(T body) {
        if (body == null) {
            throw org.fupin.web.api.ApiException.badRequest("a JSON request body is required", java.util.List.of());
        }
        return body;
    }
}
