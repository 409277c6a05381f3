package org.fupin.web.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Marks a DS component as a resource of the Fupin JSON API ({@code /api/v1}). The whiteboard registers it only
 * while the API extension (JSON mapping and the error contract) and the authentication extension are present, so
 * a resource never answers with a non-JSON body or a bare stack trace, and never without checking who calls
 * (methods marked {@link PublicEndpoint} excepted).
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface ApiResource {
    /** Prefix of the generated service properties. */
    String PREFIX_ = "osgi.jakartars.";

    /** Name under which the web bundle registers the API extension. */
    String EXTENSION_NAME = "fupin.api";

    /** Name under which the accounts bundle registers the authentication extension. */
    String AUTHENTICATION_NAME = "fupin.auth";

    /** {@code osgi.jakartars.resource=true}. */
    boolean resource() default true;

    /** {@code osgi.jakartars.extension.select}: the extensions this resource needs before it is served. */
    String[] extension_select() default { "(osgi.jakartars.name=" + EXTENSION_NAME + ")",
            "(osgi.jakartars.name=" + AUTHENTICATION_NAME + ")" };
}
