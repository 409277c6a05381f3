package org.fupin.registry.internal.http;

import java.util.List;
import java.util.Locale;

import org.fupin.registry.api.Actor;
import org.fupin.web.api.ApiException;
import org.fupin.web.api.FieldError;
import org.fupin.web.api.Language;
import org.fupin.web.api.QueryParameters;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;

/** Small pieces every registry resource needs: who acts, in which language, enum parameters, versions. */
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

    /** The media types the caller accepts as {@code type/subtype}, most wanted first. */
    static List<String> accepted(HttpHeaders headers) {
        return headers.getAcceptableMediaTypes().stream().map(t -> t.getType() + "/" + t.getSubtype()).toList();
    }

    static <E extends Enum<E>> E enumParameter(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw QueryParameters.invalid(name, "unknown value '" + value + "'; one of " + List.of(type.getEnumConstants()));
        }
    }

    /** The version a write is based on: If-Match ("3" or W/"3") first, else the body's version. */
    static long expectedVersion(String ifMatch, Long bodyVersion) {
        if (ifMatch != null && !ifMatch.isBlank()) {
            String tag = ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
            try {
                return Long.parseLong(tag);
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("If-Match must carry the household version, e.g. \"3\"",
                        List.of(new FieldError("If-Match", "not a version: " + ifMatch)));
            }
        }
        if (bodyVersion == null) {
            throw new ApiException(428, "version_required",
                    "the current version is required (If-Match header or \"version\" field) to avoid lost updates",
                    List.of(new FieldError("version", "required")));
        }
        return bodyVersion;
    }
}
