package org.fupin.status.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Fupin health",
        description = "Which health checks decide that the platform is ready to serve.")
public @interface HealthConfig {
    String PID = "org.fupin.health";

    @AttributeDefinition(description = "Names (hc.name) of the checks that must exist and pass before the platform "
            + "is ready; a missing one counts as not ready. Every other check tagged 'ready' must pass too.")
    String[] requiredChecks() default { "database", "accounts", "regions", "bundles", "disk-space" };

    @AttributeDefinition(description = "How long one check may run, in milliseconds, before it counts as failed")
    int timeoutMillis() default 5000;
}
