package org.fupin.accounts.internal;

import org.fupin.registry.api.Actor;
import org.fupin.web.api.ApiException;

import jakarta.ws.rs.core.SecurityContext;

/** The signed-in actor of a request (the bearer-token filter has put it there). */
final class Requests {
    private Requests() {
    }

    static Actor actor(SecurityContext security) {
        return Actor.of(security == null ? null : security.getUserPrincipal())
                .orElseThrow(() -> new ApiException(401, "authentication_required", "sign in first"));
    }
}
