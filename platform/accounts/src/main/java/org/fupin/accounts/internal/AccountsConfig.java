package org.fupin.accounts.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Sign-in settings (PID {@value #PID}), shared by the session store and the login throttle. */
@ObjectClassDefinition(name = "Fupin sign-in",
        description = "How long a token lives and when repeated failed sign-ins lock for a while")
public @interface AccountsConfig {
    String PID = "org.fupin.accounts";

    @AttributeDefinition(name = "Hours a sign-in token stays valid", min = "1", max = "720")
    int sessionHours() default 8;

    @AttributeDefinition(name = "Failed sign-ins of one account before it locks", min = "1")
    int maxFailuresPerAccount() default 5;

    @AttributeDefinition(name = "Failed sign-ins from one address before it locks", min = "1")
    int maxFailuresPerAddress() default 20;

    @AttributeDefinition(name = "Minutes a lock lasts (and the window failures are counted in)", min = "1")
    int lockMinutes() default 15;
}
