package org.fupin.registry.api;

import org.fupin.registry.model.LocalizedText;

/** A request reached a service without a signed-in user (HTTP 401). */
public class NotSignedInException extends RegistryException {
    private static final long serialVersionUID = 1L;

    public NotSignedInException() {
        super(new LocalizedText("请先登录", "sign in first"));
    }
}
