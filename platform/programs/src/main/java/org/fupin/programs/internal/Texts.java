package org.fupin.programs.internal;

import org.fupin.program.api.ProgramMessages;
import org.fupin.registry.model.LocalizedText;

/** The programs bundle's own texts (errors and field messages), zh-CN and en from its resource bundles. */
final class Texts {
    private static final ProgramMessages MESSAGES = ProgramMessages.load(Texts.class,
            "org.fupin.programs.internal.messages");

    private Texts() {
    }

    static LocalizedText text(String key, Object... arguments) {
        return MESSAGES.text(key, arguments);
    }
}
