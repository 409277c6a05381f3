package org.fupin.accounts.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the few resource methods a user whose password an administrator reset may call before choosing their own:
 * change it, see themselves, sign out. Every other method answers 403 {@code password_change_required}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface AllowedBeforePasswordChange {
}
