package org.fupin.program.api;

import static java.lang.annotation.ElementType.PACKAGE;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.CLASS;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import org.osgi.annotation.bundle.Attribute;
import org.osgi.annotation.bundle.Capability;

/**
 * Marks a bundle as a program plugin: bnd writes {@code Provide-Capability: org.fupin.program;org.fupin.program=<id>}
 * into its manifest, which the plugin manager checks before it installs an uploaded jar. Put it on the class that
 * implements {@link ProgramRules} (or {@link Program}), or, in a plugin without Java rules, on a package in its
 * {@code package-info.java}.
 */
@Capability(namespace = ProgramPlugin.NAMESPACE)
@Retention(CLASS)
@Target({ TYPE, PACKAGE })
public @interface ProgramPlugin {
    String NAMESPACE = "org.fupin.program";

    /** The program id, the same as {@link ProgramDescriptor#id()}. */
    @Attribute(NAMESPACE)
    String value();
}
