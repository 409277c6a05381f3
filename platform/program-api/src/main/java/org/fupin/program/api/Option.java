package org.fupin.program.api;

import org.fupin.registry.model.LocalizedText;

/** One allowed value of a CODE field: a stable code and its label. */
public record Option(String code, LocalizedText label) {
}
