package org.fupin.accounts.internal;

import java.util.List;
import java.util.Set;

import org.fupin.web.api.ApiException;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;

/**
 * A resource method's {@code @RolesAllowed}: a signed-in user with none of those roles is answered 403 before the
 * request body is read, so a role that may never take an action learns that first, not what is wrong with its
 * body. Where a role may act only on some households or applications, the method checks that itself, later.
 */
final class RolesAllowedFilter implements ContainerRequestFilter {
    private final Set<String> roles;

    RolesAllowedFilter(Set<String> roles) {
        this.roles = Set.copyOf(roles);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        var security = request.getSecurityContext();
        if (security != null && roles.stream().noneMatch(security::isUserInRole)) {
            throw new ApiException(403, "forbidden", "only " + String.join(", ", roles.stream().sorted().toList())
                    + " may " + request.getMethod() + " " + request.getUriInfo().getPath(), List.of());
        }
    }
}
