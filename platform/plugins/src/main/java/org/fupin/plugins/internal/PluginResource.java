package org.fupin.plugins.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;

import java.util.List;

import org.fupin.registry.api.Actor;
import org.fupin.web.api.ApiException;
import org.fupin.web.api.ApiResource;
import org.fupin.web.api.FieldError;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/**
 * {@code /api/v1/admin/plugins}: the installed program plugins; upload a jar to install or upgrade one (201 once it
 * runs; 422 with every reason and nothing changed when it is not a program bundle, declares its program wrongly,
 * needs an API version not exported here or would not run on trial; 400 when it is not a jar; 413 over the size
 * limit); {@code DELETE …/{name}} to remove one (its data stays). Province administrators only.
 */
@Component(service = PluginResource.class)
@ApiResource
@Path("admin/plugins")
@Produces(MediaType.APPLICATION_JSON)
public class PluginResource {
    private final PluginManager plugins;

    @Activate
    public PluginResource(@Reference PluginManager plugins) {
        this.plugins = plugins;
    }

    @GET
    public List<Plugin> list(@Context SecurityContext security) {
        return plugins.list(Actor.signedIn(security.getUserPrincipal()));
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response install(InputStream body, @HeaderParam("Content-Length") Long length,
            @Context SecurityContext security) throws IOException {
        Actor actor = Actor.signedIn(security.getUserPrincipal());
        PluginManager.requireProvinceAdmin(actor); // before reading up to 64 MiB from someone who may not install
        if (length != null && length > plugins.maxBytes()) {
            throw tooLarge();
        }
        java.nio.file.Path upload = Files.createTempFile("fupin-upload-", ".jar");
        try {
            copyWithin(body, upload);
            Plugin installed = plugins.install(upload, actor);
            return Response.status(201).entity(installed).build();
        } finally {
            Files.deleteIfExists(upload);
        }
    }

    @DELETE
    @Path("{name}")
    public Response remove(@PathParam("name") String name, @Context SecurityContext security) {
        plugins.remove(name, Actor.signedIn(security.getUserPrincipal()));
        return Response.noContent().build();
    }

    private void copyWithin(InputStream body, java.nio.file.Path file) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int read; (read = body.read(buffer)) >= 0;) {
                total += read;
                if (total > plugins.maxBytes()) {
                    throw tooLarge();
                }
                out.write(buffer, 0, read);
            }
        }
        if (total == 0) {
            throw ApiException.badRequest("the request has no body: send the plugin jar",
                    List.of(new FieldError("file", "empty")));
        }
    }

    private ApiException tooLarge() {
        return new ApiException(413, "too_large", "a plugin jar may be at most " + plugins.maxBytes() / 1024 / 1024
                + " MiB (setting maxUploadMebibytes of org.fupin.plugins.internal.PluginManager)", List.of());
    }
}
