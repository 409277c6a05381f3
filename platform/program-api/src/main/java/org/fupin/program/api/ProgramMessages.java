package org.fupin.program.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;

import org.fupin.registry.api.Labelled;
import org.fupin.registry.api.LocalizedText;

/**
 * A plugin's texts from its message files: {@code <base>_zh.properties} for zh-CN and {@code <base>.properties} for
 * English (both UTF-8), next to the class that loads them. A key missing in either file fails at once, so a plugin
 * test that renders every message catches it.
 */
public final class ProgramMessages {
    private final Properties zh;
    private final Properties en;
    private final String base;

    private ProgramMessages(String base, Properties zh, Properties en) {
        this.base = base;
        this.zh = zh;
        this.en = en;
    }

    /**
     * Loads {@code base} (e.g. {@code org.fupin.yulu.internal.messages}): {@code <base>_zh.properties} and
     * {@code <base>.properties}, UTF-8, with the class loader of {@code anchor}.
     */
    public static ProgramMessages load(Class<?> anchor, String base) {
        String path = base.replace('.', '/');
        return new ProgramMessages(base, read(anchor, path + "_zh.properties"), read(anchor, path + ".properties"));
    }

    private static Properties read(Class<?> anchor, String resource) {
        try (InputStream in = anchor.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no message file " + resource);
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /**
     * The text of {@code key}, with {@code {0}}, {@code {1}}… replaced by the arguments; a {@link LocalizedText} or
     * {@link Labelled} argument is put in each language's own words. A key missing in either language fails.
     */
    public LocalizedText text(String key, Object... arguments) {
        return new LocalizedText(format(zh, "_zh", key, in(arguments, Locale.CHINESE)),
                format(en, "", key, in(arguments, Locale.ENGLISH)));
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

    private String format(Properties messages, String suffix, String key, Object... arguments) {
        String pattern = messages.getProperty(key);
        if (pattern == null) {
            throw new IllegalArgumentException("no message " + key + " in " + base + suffix + ".properties");
        }
        for (int i = 0; i < arguments.length; i++) {
            pattern = pattern.replace("{" + i + "}", String.valueOf(arguments[i]));
        }
        return pattern;
    }
}
