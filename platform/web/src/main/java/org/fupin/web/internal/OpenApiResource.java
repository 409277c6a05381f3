package org.fupin.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.fupin.web.api.ApiResource;
import org.fupin.web.api.PublicEndpoint;
import org.osgi.service.component.annotations.Component;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /api/v1/openapi.json}: the API's OpenAPI 3.1 description, as checked in beside this class. The
 * integration tests validate every response they receive against it, so it cannot drift from what the platform
 * answers. Public, like any published API contract.
 */
@Component(service = OpenApiResource.class)
@ApiResource
@Path("openapi.json")
public class OpenApiResource {
    static final String DESCRIPTION = "/org/fupin/web/openapi.json";

    private final byte[] description;

    public OpenApiResource() {
        try (InputStream in = OpenApiResource.class.getResourceAsStream(DESCRIPTION)) {
            description = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("the bundle lacks " + DESCRIPTION, e);
        }
    }

    @GET
    @PublicEndpoint
    @Produces(MediaType.APPLICATION_JSON)
    public byte[] description() {
        return description;
    }
}
