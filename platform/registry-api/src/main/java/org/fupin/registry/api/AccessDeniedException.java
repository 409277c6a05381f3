package org.fupin.registry.api;

import org.fupin.registry.model.LocalizedText;

/** The actor may see the record but lacks the role or level for this action (HTTP 403). */
public class AccessDeniedException extends RegistryException {
    private static final long serialVersionUID = 1L;

    public AccessDeniedException(LocalizedText text) {
        super(text);
    }
}
