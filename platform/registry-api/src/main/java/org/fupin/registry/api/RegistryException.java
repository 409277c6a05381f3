package org.fupin.registry.api;

import org.fupin.registry.model.LocalizedText;

/** What the registry services throw when a request cannot be carried out; the message is safe to show. */
public abstract class RegistryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final LocalizedText text;

    protected RegistryException(LocalizedText text) {
        super(text.en());
        this.text = text;
    }

    public LocalizedText text() {
        return text;
    }
}
