package org.fupin.programs.internal;

import java.net.URI;
import java.time.LocalDate;

import org.fupin.web.api.ApiResource;
import org.fupin.web.api.QueryParameters;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code /api/v1/programs/{id}/records/{type}}: the records a program keeps beside its applications — listed,
 * created, read, changed, moved by their actions and given dated entries.
 */
@Component(service = RecordResource.class)
@ApiResource
@Path("programs/{id}/records/{type}")
@Produces(MediaType.APPLICATION_JSON)
public class RecordResource {
    /** The body of {@code POST …/records/{type}}: where the record belongs (as its type asks), and its values. */
    public record NewRecord(String householdId, String applicationId, String region, JsonNode data) {
    }

    /** The body of {@code PUT …/records/{type}/{recordId}}. */
    public record RecordChange(JsonNode data, Long version) {
    }

    /** The body of {@code POST …/entries}. */
    public record NewEntry(String type, LocalDate date, JsonNode data, String note, Long version) {
    }

    /** The body of {@code POST …/actions}. */
    public record ActionRequest(String action, String note, JsonNode data, Long version) {
    }

    private final RecordService records;

    @Context
    SecurityContext security;

    @Activate
    public RecordResource(@Reference RecordService records) {
        this.records = records;
    }

    @GET
    public RecordService.RecordPage list(@PathParam("id") String id, @PathParam("type") String type,
            @QueryParam("region") String region, @QueryParam("householdId") String householdId,
            @QueryParam("state") String state, @QueryParam("page") String page, @QueryParam("size") String size) {
        return records.search(id, type, Requests.region(region), blankToNull(householdId), blankToNull(state),
                QueryParameters.integer("page", page, 0, 0, 1_000_000), QueryParameters.integer("size", size, 20, 1, 500),
                Requests.actor(security));
    }

    // the read-only auditor never writes a record: refused before the body is read
    @RolesAllowed({ "VILLAGE_CLERK", "TOWNSHIP_OFFICER", "PROGRAM_OFFICER", "COUNTY_ADMIN", "PROVINCE_ADMIN",
            "PAIRED_CADRE" })
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("id") String id, @PathParam("type") String type, NewRecord body,
            @Context UriInfo uri) {
        NewRecord record = required(body);
        var created = records.create(id, type, new RecordService.Owner(record.householdId(), record.applicationId(),
                record.region()), record.data(), Requests.actor(security));
        URI location = uri.getAbsolutePathBuilder().path(created.id()).build();
        return Response.created(location).tag(String.valueOf(created.version())).entity(created).build();
    }

    @GET
    @Path("{recordId}")
    public Response record(@PathParam("id") String id, @PathParam("type") String type,
            @PathParam("recordId") String recordId) {
        var found = records.find(id, type, recordId, Requests.actor(security));
        return Response.ok(found).tag(String.valueOf(found.version())).build();
    }

    @RolesAllowed({ "VILLAGE_CLERK", "TOWNSHIP_OFFICER", "PROGRAM_OFFICER", "COUNTY_ADMIN", "PROVINCE_ADMIN",
            "PAIRED_CADRE" })
    @PUT
    @Path("{recordId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response edit(@PathParam("id") String id, @PathParam("type") String type,
            @PathParam("recordId") String recordId, RecordChange body) {
        RecordChange change = required(body);
        var saved = records.edit(id, type, recordId, change.data(), change.version(), Requests.actor(security));
        return Response.ok(saved).tag(String.valueOf(saved.version())).build();
    }

    @RolesAllowed({ "VILLAGE_CLERK", "TOWNSHIP_OFFICER", "PROGRAM_OFFICER", "COUNTY_ADMIN", "PROVINCE_ADMIN",
            "PAIRED_CADRE" })
    @POST
    @Path("{recordId}/entries")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response entry(@PathParam("id") String id, @PathParam("type") String type,
            @PathParam("recordId") String recordId, @HeaderParam("Idempotency-Key") String idempotencyKey,
            NewEntry body) {
        NewEntry entry = required(body);
        if (idempotencyKey != null && !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            throw org.fupin.web.api.ApiException.badRequest("invalid header Idempotency-Key: 8 to 100 of A-Z a-z 0-9 - _",
                    java.util.List.of(new org.fupin.web.api.FieldError("Idempotency-Key",
                            "8 to 100 of A-Z a-z 0-9 - _")));
        }
        var added = records.addEntry(id, type, recordId, entry.type(), entry.date(), entry.data(), entry.note(),
                entry.version(), idempotencyKey, Requests.actor(security));
        var saved = added.record();
        // a request sent again (its key stored) changes nothing: the record as it is, marked as a replay
        return (added.replayed() ? Response.ok().header("Idempotent-Replayed", "true")
                : Response.status(Response.Status.CREATED)).tag(String.valueOf(saved.version())).entity(saved).build();
    }

    private static final java.util.regex.Pattern IDEMPOTENCY_KEY = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{8,100}");

    @RolesAllowed({ "VILLAGE_CLERK", "TOWNSHIP_OFFICER", "PROGRAM_OFFICER", "COUNTY_ADMIN", "PROVINCE_ADMIN",
            "PAIRED_CADRE" })
    @POST
    @Path("{recordId}/actions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response action(@PathParam("id") String id, @PathParam("type") String type,
            @PathParam("recordId") String recordId, ActionRequest body) {
        ActionRequest request = required(body);
        var saved = records.act(id, type, recordId, request.action(), request.note(), request.data(),
                request.version(), Requests.actor(security));
        return Response.ok(saved).tag(String.valueOf(saved.version())).build();
    }

    private static <T> T required(T body) {
        if (body == null) {
            throw org.fupin.web.api.ApiException.badRequest("a JSON request body is required", java.util.List.of());
        }
        return body;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
