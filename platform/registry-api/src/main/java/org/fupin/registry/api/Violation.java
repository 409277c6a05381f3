package org.fupin.registry.api;

import org.fupin.registry.model.LocalizedText;

/** One thing wrong with the input: the field as the client sent it (e.g. {@code members[2].idNumber}) and why. */
public record Violation(String field, LocalizedText message) {
}
