package org.fupin.registry.internal.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.fupin.accounts.api.Authentication;
import org.fupin.registry.internal.SqlHouseholdRegistry;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.annotations.RequireHttpWhiteboard;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterAsyncSupported;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterPattern;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Serves the registry's most frequent request, a successful {@code GET /api/v1/households/{id}}, as a servlet
 * filter ahead of the JAX-RS application: Jersey's routing, injection and response writing cost more than half
 * of that request's CPU (docs/performance.md). It answers only what it can answer exactly as
 * {@link HouseholdResource#get} would — a numeric id, no query, JSON acceptable, a live bearer token, a household
 * the caller may see — with the same body and headers; everything else, every error included, goes on to the
 * resource, which stays the one definition of the API.
 */
@Component(service = Filter.class, property = Constants.SERVICE_RANKING + ":Integer=-100")
@HttpWhiteboardFilterPattern("/*")
@HttpWhiteboardContextSelect("(osgi.http.whiteboard.context.name=*)")
@HttpWhiteboardFilterAsyncSupported
@RequireHttpWhiteboard
public class HouseholdReadFilter implements Filter {
    /** The resource's path; the filter joins every servlet context, so it matches whole request URIs. */
    static final String PATH = "/api/v1/households/";
    private static final Pattern NO_QUALITY = Pattern.compile(";\\s*q\\s*=\\s*0(\\.0*)?\\s*(;|$)");

    private final SqlHouseholdRegistry registry;
    private final Authentication authentication;

    @Activate
    public HouseholdReadFilter(@Reference SqlHouseholdRegistry registry, @Reference Authentication authentication) {
        this.registry = registry;
        this.authentication = authentication;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest http && response instanceof HttpServletResponse out) {
            var household = answerable(http).flatMap(id -> read(id, http));
            if (household.isPresent()) {
                byte[] body = household.get().json().getBytes(StandardCharsets.UTF_8);
                out.setStatus(HttpServletResponse.SC_OK);
                out.setContentType("application/json;charset=UTF-8");
                out.setHeader("ETag", household.get().entityTag());
                out.setContentLength(body.length);
                out.getOutputStream().write(body);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private Optional<HouseholdJson> read(String id, HttpServletRequest request) {
        // two Authorization headers are one invalid value to the resource's token filter: left to it
        var authorizations = request.getHeaders("Authorization");
        String authorization = authorizations.hasMoreElements() ? authorizations.nextElement() : null;
        if (authorizations.hasMoreElements()) {
            return Optional.empty();
        }
        try {
            return Authentication.bearerToken(authorization).flatMap(authentication::authenticate)
                    .flatMap(actor -> registry.findJson(id, actor)).map(HouseholdJson::of);
        } catch (RuntimeException e) {
            // a failing read is the resource's to answer: it meets the same failure, logs it with an incident id
            // and answers 500 in the JSON error contract
            return Optional.empty();
        }
    }

    /** The household id of a read this filter may answer; empty for any other request. */
    static Optional<String> answerable(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) || request.getQueryString() != null
                || !acceptsJson(String.join(",", Collections.list(request.getHeaders("Accept"))))) {
            return Optional.empty();
        }
        return householdId(request.getRequestURI());
    }

    /** {@code 123} of {@code /api/v1/households/123}; empty for any other path. */
    static Optional<String> householdId(String requestUri) {
        if (requestUri == null || !requestUri.startsWith(PATH)) {
            return Optional.empty();
        }
        String id = requestUri.substring(PATH.length());
        if (id.isEmpty() || id.length() > 18 || !id.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        return Optional.of(id);
    }

    /**
     * Whether an {@code Accept} header admits {@code application/json}; when in doubt (a quality of 0 anywhere)
     * no, so that the resource negotiates.
     */
    static boolean acceptsJson(String accept) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        boolean json = false;
        for (String range : accept.toLowerCase(Locale.ROOT).split(",")) {
            if (NO_QUALITY.matcher(range).find()) {
                return false;
            }
            String type = range.split(";", 2)[0].strip();
            json |= type.equals("application/json") || type.equals("application/*") || type.equals("*/*");
        }
        return json;
    }
}
