package org.fupin.registry.api;

import org.fupin.registry.model.LocalizedText;

/** No such record, or none the actor may see (the two are indistinguishable on purpose). */
public class NotFoundException extends RegistryException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(LocalizedText text) {
        super(text);
    }
}
