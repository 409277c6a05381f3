package org.fupin.accounts.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.fupin.accounts.api.Accounts;
import org.fupin.accounts.api.NewAccount;
import org.fupin.registry.api.Actor;
import org.fupin.registry.api.Page;
import org.fupin.registry.model.Role;
import org.fupin.web.api.ApiException;
import org.fupin.web.api.ApiResource;
import org.fupin.web.api.FieldError;
import org.fupin.web.api.Language;
import org.fupin.web.api.QueryParameters;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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

/**
 * {@code /api/v1/admin/users}: province and county administrators list, create, read, disable and enable the
 * users of their own region. The rules live in {@link Accounts}; this maps them to HTTP.
 */
@Component(service = UserResource.class)
@ApiResource
@Path("admin/users")
@Produces(MediaType.APPLICATION_JSON)
public class UserResource {
    public record NewUser(String username, String displayName, String password, String region, String agency,
            List<String> roles) {
        @Override
        public String toString() {
            return "NewUser[" + username + "]";
        }
    }

    public record Change(Boolean enabled) {
    }

    private final Accounts accounts;

    @Activate
    public UserResource(@Reference Accounts accounts) {
        this.accounts = accounts;
    }

    @GET
    public Page<AccountView> list(@QueryParam("page") String page, @QueryParam("size") String size,
            @Context SecurityContext security, @Context HttpHeaders headers) {
        Locale language = Language.of(headers.getAcceptableLanguages());
        var found = accounts.list(QueryParameters.integer("page", page, 0, 0, 100_000),
                QueryParameters.integer("size", size, 50, 1, 500), Actor.signedIn(security.getUserPrincipal()));
        return new Page<>(found.items().stream().map(a -> AccountView.of(a, language)).toList(), found.page(),
                found.size(), found.total());
    }

    @RolesAllowed({ "COUNTY_ADMIN", "PROVINCE_ADMIN" })
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(NewUser user, @Context SecurityContext security, @Context HttpHeaders headers) {
        if (user == null) {
            throw ApiException.badRequest("a JSON body with the new user is required",
                    List.of(new FieldError("username", "required")));
        }
        var account = accounts.create(new NewAccount(user.username(), user.displayName(), user.password(),
                user.region(), user.agency(), roles(user.roles())), Actor.signedIn(security.getUserPrincipal()));
        return Response.created(URI.create("/api/v1/admin/users/" + account.username()))
                .entity(AccountView.of(account, Language.of(headers.getAcceptableLanguages()))).build();
    }

    @GET
    @Path("{username}")
    public AccountView read(@PathParam("username") String username, @Context SecurityContext security,
            @Context HttpHeaders headers) {
        return accounts.find(username, Actor.signedIn(security.getUserPrincipal()))
                .map(a -> AccountView.of(a, Language.of(headers.getAcceptableLanguages())))
                .orElseThrow(() -> ApiException.notFound("no user " + username));
    }

    /** {@code {"enabled": false}} stops the user (and ends their sessions); {@code true} lets them in again. */
    @RolesAllowed({ "COUNTY_ADMIN", "PROVINCE_ADMIN" })
    @PATCH
    @Path("{username}")
    @Consumes(MediaType.APPLICATION_JSON)
    public AccountView change(@PathParam("username") String username, Change change,
            @Context SecurityContext security, @Context HttpHeaders headers) {
        if (change == null || change.enabled() == null) {
            throw ApiException.badRequest("send {\"enabled\": true|false}",
                    List.of(new FieldError("enabled", "required: true or false")));
        }
        var account = accounts.setEnabled(username, change.enabled(), Actor.signedIn(security.getUserPrincipal()));
        return AccountView.of(account, Language.of(headers.getAcceptableLanguages()));
    }

    private static Set<Role> roles(List<String> codes) {
        if (codes == null) {
            return Set.of();
        }
        var roles = EnumSet.noneOf(Role.class);
        var unknown = new ArrayList<FieldError>();
        for (int i = 0; i < codes.size(); i++) {
            try {
                roles.add(Role.valueOf(String.valueOf(codes.get(i)).strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                unknown.add(new FieldError("roles[" + i + "]",
                        "unknown role '" + codes.get(i) + "'; one of " + List.of(Role.values())));
            }
        }
        if (!unknown.isEmpty()) {
            throw new ApiException(422, "validation_failed", "unknown role", unknown);
        }
        return roles;
    }
}
