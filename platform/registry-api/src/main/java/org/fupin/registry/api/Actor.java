package org.fupin.registry.api;

/**
 * Who acts, for audit and scoping: the user name and the region subtree they may see and change
 * ({@code scope} is a region-code prefix; empty means the whole country).
 */
public record Actor(String username, String scope) {
    public Actor {
        scope = scope == null ? "" : scope;
    }

    public boolean covers(String regionCode) {
        return regionCode != null && regionCode.startsWith(scope);
    }
}
