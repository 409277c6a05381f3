package org.fupin.registry.api;

import org.fupin.registry.model.LocalizedText;

/**
 * The request contradicts stored data: a person already in another household ({@code duplicate_person}), or an
 * update based on an old version ({@code stale_version}).
 */
public class ConflictException extends RegistryException {
    private static final long serialVersionUID = 1L;

    private final String code;

    public ConflictException(String code, LocalizedText text) {
        super(text);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
