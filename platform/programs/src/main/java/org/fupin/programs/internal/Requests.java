package org.fupin.programs.internal;

import java.util.List;
import java.util.Locale;

import org.fupin.registry.api.Actor;
import org.fupin.web.api.ApiException;
import org.fupin.web.api.FieldError;
import org.fupin.web.api.Language;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;

/** Who calls, in which language, and 400s for malformed query parameters. */
final class Requests {
    private Requests() {
    }

    /** The acting user: every role over the whole country until accounts exist. */
    static Actor actor(SecurityContext security) {
        var principal = security == null ? null : security.getUserPrincipal();
        return Actor.unrestricted(principal == null ? "anonymous" : principal.getName());
    }

    static Locale language(HttpHeaders headers) {
        return Language.of(headers.getAcceptableLanguages());
    }

    static Integer integer(String name, String value, Integer defaultValue, int min, int max) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(name, "must be a whole number from " + min + " to " + max + ", got '" + value + "'");
    }

    static ApiException invalid(String name, String reason) {
        return ApiException.badRequest("invalid query parameter " + name + ": " + reason,
                List.of(new FieldError(name, reason)));
    }

    /** A region code from the query: empty for none, else 2, 4, 6, 9 or 12 digits. */
    static String region(String value) {
        if (value == null || value.isBlank()) {
            return "";
        }
        String code = value.strip();
        if (org.fupin.registry.api.Region.levelOf(code).isEmpty()) {
            throw invalid("region", "a region code has 2, 4, 6, 9 or 12 digits, got '" + value + "'");
        }
        return code;
    }
}
