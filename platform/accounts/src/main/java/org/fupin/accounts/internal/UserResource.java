package org.fupin.accounts.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.fupin.accounts.api.Account;
import org.fupin.accounts.api.AccountChange;
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
 * {@code /api/v1/admin/users}: province and county administrators list, create, read and change the users of their
 * own region (display name, region, agency, roles, enabled), reset their passwords and lift sign-in locks. The rules
 * live in {@link Accounts}; this maps them to HTTP.
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

    /** Only the fields sent change; an empty {@code agency} removes the user from their agency. */
    public record Change(Boolean enabled, String displayName, String region, String agency, List<String> roles) {
    }

    public record PasswordReset(String temporaryPassword) {
        @Override
        public String toString() {
            return "PasswordReset";
        }
    }

    private final Accounts accounts;
    private final AccountViews views;

    @Activate
    public UserResource(@Reference Accounts accounts, @Reference AccountViews views) {
        this.accounts = accounts;
        this.views = views;
    }

    @GET
    public Page<AccountView> list(@QueryParam("page") String page, @QueryParam("size") String size,
            @Context SecurityContext security, @Context HttpHeaders headers) {
        Locale language = Language.of(headers.getAcceptableLanguages());
        var found = accounts.list(QueryParameters.integer("page", page, 0, 0, 100_000),
                QueryParameters.integer("size", size, 50, 1, 500), Actor.signedIn(security.getUserPrincipal()));
        return new Page<>(views.of(found.items(), language), found.page(),
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
                .entity(views.of(account, Language.of(headers.getAcceptableLanguages()))).build();
    }

    @GET
    @Path("{username}")
    public AccountView read(@PathParam("username") String username, @Context SecurityContext security,
            @Context HttpHeaders headers) {
        return accounts.find(username, Actor.signedIn(security.getUserPrincipal()))
                .map(a -> views.of(a, Language.of(headers.getAcceptableLanguages())))
                .orElseThrow(() -> ApiException.notFound("no user " + username));
    }

    /**
     * Changes what is sent: {@code enabled} ({@code false} stops the user and ends their sessions), and the display
     * name, region, agency and roles (a new region, agency or roles end their sessions too).
     */
    @RolesAllowed({ "COUNTY_ADMIN", "PROVINCE_ADMIN" })
    @PATCH
    @Path("{username}")
    @Consumes(MediaType.APPLICATION_JSON)
    public AccountView change(@PathParam("username") String username, Change change,
            @Context SecurityContext security, @Context HttpHeaders headers) {
        Locale language = Language.of(headers.getAcceptableLanguages());
        var profile = change == null ? null : new AccountChange(change.displayName(), change.region(),
                change.agency(), change.roles() == null ? null : roles(change.roles()));
        if (change == null || change.enabled() == null && profile.isEmpty()) {
            throw ApiException.badRequest(Texts.text("change.empty").in(language),
                    List.of(new FieldError("enabled", "required: at least one field")));
        }
        Actor actor = Actor.signedIn(security.getUserPrincipal());
        Account account = profile.isEmpty() ? null : accounts.change(username, profile, actor);
        if (change.enabled() != null) {
            account = accounts.setEnabled(username, change.enabled(), actor);
        }
        return views.of(account, language);
    }

    /**
     * {@code {"temporaryPassword": "…"}}: the user signs in with it once and must then choose their own; their
     * sessions end and a sign-in lock is lifted.
     */
    @RolesAllowed({ "COUNTY_ADMIN", "PROVINCE_ADMIN" })
    @POST
    @Path("{username}/password")
    @Consumes(MediaType.APPLICATION_JSON)
    public AccountView resetPassword(@PathParam("username") String username, PasswordReset reset,
            @Context SecurityContext security, @Context HttpHeaders headers) {
        if (reset == null) {
            throw ApiException.badRequest("a body {\"temporaryPassword\": \"…\"} is required",
                    List.of(new FieldError("temporaryPassword", "required")));
        }
        Actor actor = Actor.signedIn(security.getUserPrincipal());
        accounts.resetPassword(username, reset.temporaryPassword(), actor);
        return read(username, security, headers);
    }

    /** Lifts the lock that repeated failed sign-ins put on the user. */
    @RolesAllowed({ "COUNTY_ADMIN", "PROVINCE_ADMIN" })
    @POST
    @Path("{username}/unlock")
    public AccountView unlock(@PathParam("username") String username, @Context SecurityContext security,
            @Context HttpHeaders headers) {
        accounts.unlock(username, Actor.signedIn(security.getUserPrincipal()));
        return read(username, security, headers);
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
