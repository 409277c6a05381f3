package org.fupin.accounts.internal;

import java.util.Set;

import org.fupin.web.api.ApiResource;
import org.fupin.web.api.PublicEndpoint;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;

/**
 * The authentication extension every {@link ApiResource} requires: the bearer-token check goes in front of every
 * resource method not marked {@link PublicEndpoint}, and the roles of a method's {@code @RolesAllowed} are checked
 * next, before its body is read. Secure by default: a new resource needs a token unless its
 * author opts out, and without this bundle no API resource is served at all.
 */
@Component(service = DynamicFeature.class)
@JakartarsExtension
@JakartarsName(ApiResource.AUTHENTICATION_NAME)
public class AuthenticationFeature implements DynamicFeature {
    private final BearerTokenFilter filter;
    private final BearerTokenFilter filterBeforePasswordChange;

    @Activate
    public AuthenticationFeature(@Reference Sessions sessions) {
        this.filter = new BearerTokenFilter(sessions, false);
        this.filterBeforePasswordChange = new BearerTokenFilter(sessions, true);
    }

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        var method = resource.getResourceMethod();
        if (method == null || !method.isAnnotationPresent(PublicEndpoint.class)) {
            boolean allowed = method != null && method.isAnnotationPresent(AllowedBeforePasswordChange.class);
            context.register(allowed ? filterBeforePasswordChange : filter, Priorities.AUTHENTICATION);
        }
        RolesAllowed allowed = method == null ? null : method.getAnnotation(RolesAllowed.class);
        if (allowed != null) {
            context.register(new RolesAllowedFilter(Set.of(allowed.value())), Priorities.AUTHORIZATION);
        }
    }
}
