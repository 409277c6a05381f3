package org.fupin.status.internal;

/**
 * Something that keeps a bundle or a deployed jar from running.
 *
 * @param source   bundle symbolic name, or the file name of a jar in the deploy folder that is not a bundle
 * @param platform whether it concerns a bundle the platform itself needs (then the platform is DOWN)
 * @param message  what is wrong, in words an operator can act on
 */
public record Problem(String source, boolean platform, String message) {
}
