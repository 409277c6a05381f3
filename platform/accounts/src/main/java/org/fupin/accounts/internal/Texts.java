package org.fupin.accounts.internal;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.ResourceBundle;

import org.fupin.registry.api.Violation;
import org.fupin.registry.model.Labelled;
import org.fupin.registry.model.LocalizedText;

/** The accounts bundle's messages, zh-CN and en at once, from {@code messages_zh.properties}/{@code messages.properties}. */
final class Texts {
    private static final String BUNDLE = "org.fupin.accounts.internal.messages";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    private static final ResourceBundle ZH = ResourceBundle.getBundle(BUNDLE, Locale.SIMPLIFIED_CHINESE,
            Texts.class.getClassLoader(), NO_FALLBACK);
    private static final ResourceBundle EN = ResourceBundle.getBundle(BUNDLE, Locale.ROOT,
            Texts.class.getClassLoader(), NO_FALLBACK);

    private Texts() {
    }

    /** The message {@code key}; a {@link Labelled} argument (a role, a level) shows its label in each language. */
    static LocalizedText text(String key, Object... args) {
        return new LocalizedText(new MessageFormat(ZH.getString(key), Locale.ROOT).format(labels(args, true)),
                new MessageFormat(EN.getString(key), Locale.ROOT).format(labels(args, false)));
    }

    private static Object[] labels(Object[] args, boolean chinese) {
        return Arrays.stream(args).map(a -> a instanceof Labelled l ? (chinese ? l.label().zh() : l.label().en()) : a)
                .toArray();
    }

    static Violation violation(String field, String key, Object... args) {
        return new Violation(field, text(key, args));
    }
}
