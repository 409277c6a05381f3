package org.fupin.status.internal;

/**
 * One installed bundle as the admin list shows it.
 *
 * @param origin  {@code platform} for the bundles the platform ships, {@code deploy} for jars hot-deployed into
 *                the deploy folder
 * @param problem why the bundle is not active, or {@code null} when it is healthy
 */
public record BundleInfo(long id, String symbolicName, String version, String state, String origin,
        String location, String problem) {

    public boolean healthy() {
        return problem == null;
    }
}
