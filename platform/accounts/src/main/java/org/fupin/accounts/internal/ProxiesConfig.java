package org.fupin.accounts.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The reverse proxies in front of the platform (PID {@value #PID}), whose {@code X-Forwarded-For} is believed. */
@ObjectClassDefinition(name = "Fupin reverse proxies",
        description = "Whose X-Forwarded-For names the client for the sign-in lock and the audit trail")
public @interface ProxiesConfig {
    String PID = "org.fupin.accounts.proxies";

    @AttributeDefinition(name = "Trusted proxies", description = "Addresses or networks (10.0.0.5, 10.0.0.0/8, "
            + "fd00::/8) of reverse proxies; from anyone else the header is ignored")
    String[] trustedProxies() default {};
}
