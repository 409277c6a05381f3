package org.fupin.registry.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;

import org.fupin.jobs.api.Job;
import org.fupin.jobs.api.Jobs;
import org.fupin.registry.api.Actor;
import org.fupin.registry.csv.TableFormat;
import org.fupin.registry.csv.XlsxTableWriter;
import org.fupin.registry.internal.HouseholdImportJob;
import org.fupin.registry.internal.SqlHouseholdRegistry;
import org.fupin.registry.internal.csv.HouseholdReader;
import org.fupin.web.api.ApiException;
import org.fupin.web.api.ApiResource;
import org.fupin.web.api.FieldError;
import org.fupin.web.api.QueryParameters;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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

/**
 * {@code POST /api/v1/imports/households[?dryRun=true]}: a CSV ({@code text/csv}) or an XLSX workbook in the import
 * format as the request body, imported as a background job ({@code 202 Accepted}, {@code Location} of the job at
 * {@code /api/v1/jobs}); the upload is written to the job's folder, never held in memory.
 */
@Component(service = ImportResource.class, configurationPid = ImportResource.PID)
@Designate(ocd = ImportResource.Config.class)
@ApiResource(extension_select = {"(osgi.jakartars.name=" + ApiResource.EXTENSION_NAME + ")",
        "(osgi.jakartars.name=" + ApiResource.AUTHENTICATION_NAME + ")",
        "(osgi.jakartars.name=" + RegistryExceptionMapper.NAME + ")"})
@Path("imports/households")
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {
    static final String PID = "org.fupin.registry.import";

    @ObjectClassDefinition(name = "Fupin household import")
    public @interface Config {
        @AttributeDefinition(name = "Largest upload (MiB)", min = "1")
        int maxUploadMebibytes() default 2048;
    }

    private final SqlHouseholdRegistry registry;
    private final Jobs jobs;
    private final long maxBytes;

    @Context
    SecurityContext security;

    @Context
    HttpHeaders headers;

    @Activate
    public ImportResource(@Reference SqlHouseholdRegistry registry, @Reference Jobs jobs, Config config) {
        this.registry = registry;
        this.jobs = jobs;
        this.maxBytes = config.maxUploadMebibytes() * 1024L * 1024L;
    }

    @RolesAllowed({ "VILLAGE_CLERK", "TOWNSHIP_OFFICER", "COUNTY_ADMIN", "PROVINCE_ADMIN" })
    @POST
    @Consumes({"text/csv", "application/csv", "application/octet-stream", "text/plain"})
    public Response importCsv(@QueryParam("dryRun") String dryRun,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength, InputStream body) throws IOException {
        return start(false, dryRun, contentLength, body);
    }

    @RolesAllowed({ "VILLAGE_CLERK", "TOWNSHIP_OFFICER", "COUNTY_ADMIN", "PROVINCE_ADMIN" })
    @POST
    @Consumes(XlsxTableWriter.MEDIA_TYPE)
    public Response importXlsx(@QueryParam("dryRun") String dryRun,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength, InputStream body) throws IOException {
        return start(true, dryRun, contentLength, body);
    }

    /**
     * Reads the upload into a new job's folder and checks its header (a file not in the import format is refused
     * here, 400), then answers {@code 202 Accepted} with the job, which imports in the background.
     */
    private Response start(boolean xlsx, String dryRun, String contentLength, InputStream body) throws IOException {
        requireLength(contentLength);
        Actor actor = Requests.actor(security);
        Locale language = Requests.language(headers);
        boolean dry = dry(dryRun);
        Job job = jobs.start(HouseholdImportJob.KIND, actor, folder -> {
            java.nio.file.Path upload = folder.resolve(HouseholdImportJob.upload(xlsx));
            Files.copy(body, upload);
            try {
                HouseholdImportJob.checkHeader(upload, xlsx, registry.extensionFields());
            } catch (HouseholdReader.HeaderException e) {
                throw badHeader(xlsx ? "bad_xlsx_header" : "bad_csv_header", e, language);
            } catch (CharacterCodingException e) {
                throw new ApiException(400, "bad_encoding", "the file is neither valid UTF-8 nor GBK", List.of());
            } catch (IOException | UncheckedIOException e) {
                Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
                if (cause instanceof CharacterCodingException) {
                    throw new ApiException(400, "bad_encoding", "the file is neither valid UTF-8 nor GBK", List.of());
                }
                throw xlsx ? new ApiException(400, "bad_xlsx", "the file could not be read as an XLSX workbook "
                        + "(Excel 2007 or later): " + cause.getMessage(), List.of())
                        : new ApiException(400, "bad_csv", "the CSV could not be read: " + cause.getMessage(), List.of());
            }
        }, context -> HouseholdImportJob.run(registry.importer(), context, xlsx, dry, actor));
        return Response.accepted(job).location(URI.create("/api/v1/jobs/" + job.id())).build();
    }

    /**
     * {@code GET /imports/households/{job}/rejections[?format=xlsx]}: every household the import rejected (line,
     * household, column, reason), as CSV (UTF-8 with BOM, for Excel) or XLSX; written while the job runs.
     */
    @GET
    @Path("{job}/rejections")
    @Produces({ "text/csv", XlsxTableWriter.MEDIA_TYPE, MediaType.APPLICATION_JSON })
    public Response rejections(@PathParam("job") String id, @QueryParam("format") String format) {
        Actor actor = Requests.actor(security);
        var file = jobs.find(id, actor).filter(job -> HouseholdImportJob.KIND.equals(job.kind()))
                .flatMap(job -> jobs.file(id, HouseholdImportJob.REJECTIONS, actor))
                .orElseThrow(() -> ApiException.notFound("no import job " + id));
        TableFormat table = TableFormat.of(format, Requests.accepted(headers))
                .orElseThrow(() -> QueryParameters.invalid("format", "csv or xlsx"));
        String name = "rejections-" + id.substring(0, 8);
        if (table == TableFormat.XLSX) {
            StreamingOutput xlsx = out -> XlsxTableWriter.fromCsv(file, out, "未导入",
                    HouseholdImportJob.REJECTION_HEADERS.stream()
                            .map(h -> new XlsxTableWriter.Heading(h, "行号".equals(h))).toList());
            return Response.ok(xlsx, XlsxTableWriter.MEDIA_TYPE)
                    .header("Content-Disposition", "attachment; filename=\"" + name + ".xlsx\"").build();
        }
        // CSV also when JSON is what the client accepts: the rejections are a file to open
        return Response.ok((StreamingOutput) out -> Files.copy(file, out), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"").build();
    }

    /** A body of known length within the limit: checked before anything is read. */
    private void requireLength(String contentLength) {
        long length = contentLength == null ? -1 : Long.parseLong(contentLength.strip());
        if (length < 0) {
            throw new ApiException(411, "length_required",
                    "send the file with a Content-Length (no chunked upload)", List.of());
        }
        if (length > maxBytes) {
            throw new ApiException(413, "payload_too_large", "the file has " + length + " bytes; the limit is "
                    + maxBytes + " bytes (" + maxBytes / 1024 / 1024 + " MiB)",
                    List.of(new FieldError("body", "at most " + maxBytes + " bytes")));
        }
    }

    private static boolean dry(String dryRun) {
        return "true".equalsIgnoreCase(dryRun) || "1".equals(dryRun);
    }

    private static ApiException badHeader(String code, HouseholdReader.HeaderException e, Locale language) {
        return new ApiException(400, code, e.reason.in(language),
                List.of(new FieldError("header", e.reason.in(language))));
    }
}
