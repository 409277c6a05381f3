package org.fupin.accounts.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.fupin.accounts.api.Accounts;
import org.fupin.accounts.api.Authentication;
import org.fupin.accounts.api.LoginRefusedException;
import org.fupin.registry.api.Actor;
import org.fupin.web.api.ApiError;
import org.fupin.web.api.ApiException;
import org.fupin.web.api.ApiResource;
import org.fupin.web.api.FieldError;
import org.fupin.web.api.Language;
import org.fupin.web.api.PublicEndpoint;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.LoggerFactory;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/**
 * {@code /api/v1/auth}: sign in ({@code login}, the only method besides health that needs no token), sign out,
 * who am I, and change my password.
 */
@Component(service = AuthResource.class, configurationPid = ProxiesConfig.PID)
@Designate(ocd = ProxiesConfig.class)
@ApiResource
@Path("auth")
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {
    public record Credentials(String username, String password) {
        @Override
        public String toString() {
            return "Credentials[" + username + "]";
        }
    }

    /** {@code mustChangePassword}: the token works only to change the password (and for me and logout) until then. */
    public record SignedIn(String token, Instant expiresAt, boolean mustChangePassword, AccountView user) {
    }

    public record PasswordChange(String currentPassword, String newPassword) {
        @Override
        public String toString() {
            return "PasswordChange";
        }
    }

    private final Authentication authentication;
    private final Accounts accounts;
    private final AccountStore store;
    private final AccountViews views;
    private volatile ClientAddress clientAddress;

    @Activate
    public AuthResource(@Reference Authentication authentication, @Reference Accounts accounts,
            @Reference AccountStore store, @Reference AccountViews views, ProxiesConfig config) {
        this.authentication = authentication;
        this.accounts = accounts;
        this.store = store;
        this.views = views;
        modified(config);
    }

    /** New trusted proxies take effect in place: re-registering the resource would make the whiteboard reload. */
    @Modified
    void modified(ProxiesConfig config) {
        try {
            this.clientAddress = new ClientAddress(config.trustedProxies());
        } catch (IllegalArgumentException e) {
            // sign-in must keep working: believe no proxy rather than a misread list
            LoggerFactory.getLogger(AuthResource.class).error("{} {}: {}; X-Forwarded-For is ignored until it is "
                    + "fixed", ProxiesConfig.PID, "trustedProxies", e.getMessage());
            this.clientAddress = new ClientAddress();
        }
    }

    @POST
    @Path("login")
    @PublicEndpoint
    @Consumes(MediaType.APPLICATION_JSON)
    public Response login(Credentials credentials, @Context HttpServletRequest request, @Context HttpHeaders headers) {
        Locale language = Language.of(headers.getAcceptableLanguages());
        var missing = new ArrayList<FieldError>();
        if (credentials == null || credentials.username() == null || credentials.username().isBlank()) {
            missing.add(new FieldError("username", "required"));
        }
        if (credentials == null || credentials.password() == null || credentials.password().isEmpty()) {
            missing.add(new FieldError("password", "required"));
        }
        if (!missing.isEmpty()) {
            throw ApiException.badRequest(Texts.text("login.fields").in(language), missing);
        }
        try {
            var session = authentication.login(credentials.username().strip(), credentials.password(),
                    clientAddress.of(request.getRemoteAddr(), request.getHeader("X-Forwarded-For")));
            var user = views.of(session.account(), language);
            return Response.ok(new SignedIn(session.token(), session.expiresAt(), user.mustChangePassword(), user))
                    .build();
        } catch (LoginRefusedException refused) {
            if (!refused.locked()) {
                return BearerTokenFilter.unauthorized("invalid_credentials", Texts.text("login.failed").in(language));
            }
            return tooManyAttempts(refused, language);
        }
    }

    private static Response tooManyAttempts(LoginRefusedException refused, Locale language) {
        long seconds = Math.max(1, refused.retryAfter().toSeconds());
        String message = Texts.text("login.locked", (seconds + 59) / 60).in(language);
        return Response.status(429).header(HttpHeaders.RETRY_AFTER, seconds)
                .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .entity(new ApiError.Envelope(new ApiError("too_many_attempts", message, List.of()))).build();
    }

    @POST
    @Path("logout")
    @AllowedBeforePasswordChange
    public Response logout(@Context HttpHeaders headers) {
        authentication.logout(token(headers));
        return Response.noContent().build();
    }

    @GET
    @Path("me")
    @AllowedBeforePasswordChange
    public AccountView me(@Context SecurityContext security, @Context HttpHeaders headers) {
        Actor actor = Actor.signedIn(security.getUserPrincipal());
        var account = store.find(actor.username()).map(AccountStore.Stored::account)
                .orElseThrow(() -> new ApiException(401, "invalid_token", "no such user"));
        return views.of(account, Language.of(headers.getAcceptableLanguages()));
    }

    @POST
    @Path("password")
    @AllowedBeforePasswordChange
    @Consumes(MediaType.APPLICATION_JSON)
    public Response changePassword(PasswordChange change, @Context SecurityContext security,
            @Context HttpHeaders headers) {
        if (change == null) {
            throw ApiException.badRequest("a body {\"currentPassword\",\"newPassword\"} is required",
                    List.of(new FieldError("newPassword", "required")));
        }
        try {
            accounts.changePassword(Actor.signedIn(security.getUserPrincipal()), change.currentPassword(),
                    change.newPassword(), token(headers));
        } catch (LoginRefusedException locked) {
            return tooManyAttempts(locked, Language.of(headers.getAcceptableLanguages()));
        }
        return Response.noContent().build();
    }

    private static String token(HttpHeaders headers) {
        return Authentication.bearerToken(headers.getHeaderString(HttpHeaders.AUTHORIZATION)).orElse(null);
    }
}
