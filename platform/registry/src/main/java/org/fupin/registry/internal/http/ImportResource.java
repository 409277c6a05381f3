package org.fupin.registry.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.List;
import java.util.Locale;

import org.fupin.registry.csv.XlsxTableWriter;
import org.fupin.registry.internal.HouseholdImport;
import org.fupin.registry.internal.SqlHouseholdRegistry;
import org.fupin.registry.internal.csv.HouseholdReader;
import org.fupin.web.api.ApiException;
import org.fupin.web.api.ApiResource;
import org.fupin.web.api.FieldError;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/**
 * {@code POST /api/v1/imports/households[?dryRun=true]}: a CSV ({@code text/csv}) or an XLSX workbook in the import
 * format as the request body. The file is never held in memory: a CSV streams, an XLSX waits in a temporary file.
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

    public record Rejection(long line, String household, String column, String reason) {
    }

    public record Result(boolean dryRun, boolean complete, String charset, long households, long members,
            long stored, long unchanged, long rejected, List<Rejection> rejections, boolean rejectionsTruncated,
            long millis) {
    }

    private final SqlHouseholdRegistry registry;
    private final long maxBytes;

    @Context
    SecurityContext security;

    @Context
    HttpHeaders headers;

    @Activate
    public ImportResource(@Reference SqlHouseholdRegistry registry, Config config) {
        this.registry = registry;
        this.maxBytes = config.maxUploadMebibytes() * 1024L * 1024L;
    }

    @RolesAllowed({ "VILLAGE_CLERK", "TOWNSHIP_OFFICER", "COUNTY_ADMIN", "PROVINCE_ADMIN" })
    @POST
    @Consumes({"text/csv", "application/csv", "application/octet-stream", "text/plain"})
    public Result importCsv(@QueryParam("dryRun") String dryRun,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength, InputStream body) {
        requireLength(contentLength);
        Locale language = Requests.language(headers);
        try {
            return result(registry.importer().importCsv(body, dry(dryRun), Requests.actor(security)), language);
        } catch (HouseholdReader.HeaderException e) {
            throw badHeader("bad_csv_header", e, language);
        } catch (CharacterCodingException e) {
            throw new ApiException(400, "bad_encoding", "the file is neither valid UTF-8 nor GBK", List.of());
        } catch (UncheckedIOException | IOException e) {
            Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
            if (cause instanceof CharacterCodingException) {
                throw new ApiException(400, "bad_encoding", "the file is neither valid UTF-8 nor GBK: " + cause,
                        List.of());
            }
            throw new ApiException(400, "bad_csv", "the CSV could not be read: " + cause.getMessage(), List.of());
        }
    }

    @RolesAllowed({ "VILLAGE_CLERK", "TOWNSHIP_OFFICER", "COUNTY_ADMIN", "PROVINCE_ADMIN" })
    @POST
    @Consumes(XlsxTableWriter.MEDIA_TYPE)
    public Result importXlsx(@QueryParam("dryRun") String dryRun,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength, InputStream body) {
        requireLength(contentLength);
        Locale language = Requests.language(headers);
        try {
            return result(registry.importer().importXlsx(body, dry(dryRun), Requests.actor(security)), language);
        } catch (HouseholdReader.HeaderException e) {
            throw badHeader("bad_xlsx_header", e, language);
        } catch (UncheckedIOException | IOException e) {
            Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
            throw new ApiException(400, "bad_xlsx", "the file could not be read as an XLSX workbook (Excel 2007 or "
                    + "later): " + cause.getMessage(), List.of());
        }
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

    private static Result result(HouseholdImport.Report report, Locale language) {
        var rejections = report.rejections().stream().map(r -> new Rejection(r.line(), r.household(), r.column(),
                r.reason().in(language))).toList();
        return new Result(report.dryRun(), report.complete(), report.charset(), report.households(), report.members(),
                report.stored(), report.unchanged(), report.rejected(), rejections, report.rejectionsTruncated(),
                report.millis());
    }

    private static ApiException badHeader(String code, HouseholdReader.HeaderException e, Locale language) {
        return new ApiException(400, code, e.reason.in(language),
                List.of(new FieldError("header", e.reason.in(language))));
    }
}
