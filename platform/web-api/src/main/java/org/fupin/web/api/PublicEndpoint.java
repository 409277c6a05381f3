package org.fupin.web.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method that answers without signing in ({@code health}, {@code login}). Every other method of
 * every {@link ApiResource} needs a valid bearer token: the authentication extension refuses the request with 401
 * before the method runs.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface PublicEndpoint {
}
