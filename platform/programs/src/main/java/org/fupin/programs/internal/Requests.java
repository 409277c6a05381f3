package org.fupin.programs.internal;

import java.util.Locale;

import org.fupin.registry.api.Actor;
import org.fupin.web.api.Language;
import org.fupin.web.api.QueryParameters;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;

/** Who calls, in which language, and the region a query asks for. */
final class Requests {
    private Requests() {
    }

    /** The signed-in user, whom the bearer-token filter has put on the request. */
    static Actor actor(SecurityContext security) {
        return Actor.signedIn(security == null ? null : security.getUserPrincipal());
    }

    static Locale language(HttpHeaders headers) {
        return Language.of(headers.getAcceptableLanguages());
    }

    /** A region code from the query: empty for none, else 2, 4, 6, 9 or 12 digits. */
    static String region(String value) {
        if (value == null || value.isBlank()) {
            return "";
        }
        String code = value.strip();
        if (org.fupin.registry.model.Region.levelOf(code).isEmpty()) {
            throw QueryParameters.invalid("region", "a region code has 2, 4, 6, 9 or 12 digits, got '" + value + "'");
        }
        return code;
    }
}
