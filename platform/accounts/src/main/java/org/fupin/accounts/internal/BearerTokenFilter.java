package org.fupin.accounts.internal;

import java.security.Principal;
import java.util.List;
import java.util.Locale;

import org.fupin.accounts.api.Authentication;
import org.fupin.registry.api.Actor;
import org.fupin.registry.model.Role;
import org.fupin.web.api.ApiError;
import org.fupin.web.api.Language;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/**
 * Lets a request through only with {@code Authorization: Bearer <token>} of a live session, and puts the user's
 * {@link Actor} on it as the security context's principal; anything else is answered 401 before a resource runs.
 * A user who signed in with a password an administrator set gets 403 {@code password_change_required} except on
 * the methods {@link AllowedBeforePasswordChange allowed before the change}.
 */
final class BearerTokenFilter implements ContainerRequestFilter {
    private final Sessions sessions;
    private final boolean allowedBeforePasswordChange;

    BearerTokenFilter(Sessions sessions, boolean allowedBeforePasswordChange) {
        this.sessions = sessions;
        this.allowedBeforePasswordChange = allowedBeforePasswordChange;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        var token = Authentication.bearerToken(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        Locale language = Language.of(request.getAcceptableLanguages());
        if (token.isEmpty()) {
            request.abortWith(unauthorized("authentication_required", Texts.text("auth.required").in(language)));
            return;
        }
        var user = sessions.user(token.get());
        if (user.isEmpty()) {
            request.abortWith(unauthorized("invalid_token", Texts.text("auth.invalid").in(language)));
            return;
        }
        if (user.get().mustChangePassword() && !allowedBeforePasswordChange) {
            request.abortWith(Response.status(Response.Status.FORBIDDEN)
                    .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                    .entity(new ApiError.Envelope(new ApiError("password_change_required",
                            Texts.text("password.change.required").in(language), List.of()))).build());
            return;
        }
        boolean secure = request.getSecurityContext() != null && request.getSecurityContext().isSecure();
        request.setSecurityContext(new ActorSecurityContext(user.get().actor(), secure));
    }

    static Response unauthorized(String code, String message) {
        return Response.status(Response.Status.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .entity(new ApiError.Envelope(new ApiError(code, message, List.of()))).build();
    }

    private record ActorSecurityContext(Actor actor, boolean secure) implements SecurityContext {
        @Override
        public Principal getUserPrincipal() {
            return actor;
        }

        @Override
        public boolean isUserInRole(String role) {
            return actor.roles().stream().map(Role::name).anyMatch(role::equals);
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return "Bearer";
        }
    }
}
