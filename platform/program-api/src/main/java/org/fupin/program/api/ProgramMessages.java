package org.fupin.program.api;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import org.fupin.registry.api.Labelled;
import org.fupin.registry.api.LocalizedText;

/**
 * A plugin's texts from its resource bundles: {@code <base>_zh.properties} for zh-CN and {@code <base>.properties}
 * for English, next to the class that loads them. A missing key fails at once, so a plugin test catches it.
 */
public final class ProgramMessages {
    private final ResourceBundle zh;
    private final ResourceBundle en;

    private ProgramMessages(ResourceBundle zh, ResourceBundle en) {
        this.zh = zh;
        this.en = en;
    }

    /** Loads {@code base} (e.g. {@code org.fupin.yulu.internal.messages}) with the class loader of {@code anchor}. */
    public static ProgramMessages load(Class<?> anchor, String base) {
        ClassLoader loader = anchor.getClassLoader();
        ResourceBundle.Control noFallback = ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES);
        return new ProgramMessages(ResourceBundle.getBundle(base, Locale.CHINESE, loader, noFallback),
                ResourceBundle.getBundle(base, Locale.ROOT, loader, noFallback));
    }

    /**
     * The text of {@code key}, with {@code {0}}, {@code {1}}… replaced by the arguments; a {@link LocalizedText} or
     * {@link Labelled} argument is put in each language's own words.
     */
    public LocalizedText text(String key, Object... arguments) {
        return new LocalizedText(format(zh, key, in(arguments, Locale.CHINESE)),
                format(en, key, in(arguments, Locale.ENGLISH)));
    }

    private static Object[] in(Object[] arguments, Locale language) {
        Object[] result = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            Object argument = arguments[i];
            if (argument instanceof Labelled labelled) {
                argument = labelled.label();
            }
            result[i] = argument instanceof LocalizedText text ? text.in(language) : argument;
        }
        return result;
    }

    private static String format(ResourceBundle bundle, String key, Object... arguments) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("no message " + key + " in " + bundle.getBaseBundleName()
                    + (bundle.getLocale().getLanguage().isEmpty() ? "" : "_" + bundle.getLocale()), e);
        }
        for (int i = 0; i < arguments.length; i++) {
            pattern = pattern.replace("{" + i + "}", String.valueOf(arguments[i]));
        }
        return pattern;
    }
}
