package org.fupin.program.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;

import org.fupin.registry.model.Labelled;
import org.fupin.registry.model.LocalizedText;

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
     * Loads the messages at {@code path} in the bundle of {@code anchor}: {@code <path>_zh.properties} and
     * {@code <path>.properties}, UTF-8. A declared program's messages are {@value #DECLARED}; a path with dots and
     * no slash is a package-style base name ({@code org.fupin.yulu.internal.messages}).
     */
    public static ProgramMessages load(Class<?> anchor, String path) {
        String resource = path.contains("/") ? path : path.replace('.', '/');
        return new ProgramMessages(path, read(anchor, resource + "_zh.properties"),
                read(anchor, resource + ".properties"));
    }

    /** The messages of a declared program, next to its {@code program.json}. */
    public static final String DECLARED = "PROGRAM-INF/messages";

    /** Messages from properties already read; {@code base} names them in errors. */
    public static ProgramMessages of(String base, Properties zh, Properties en) {
        Properties zhCopy = new Properties();
        zhCopy.putAll(zh);
        Properties enCopy = new Properties();
        enCopy.putAll(en);
        return new ProgramMessages(base, zhCopy, enCopy);
    }

    /** Reads a UTF-8 properties file. */
    public static Properties read(InputStream in) throws IOException {
        Properties properties = new Properties();
        properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        return properties;
    }

    private static Properties read(Class<?> anchor, String resource) {
        try (InputStream in = anchor.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no message file " + resource);
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /**
     * What is inconsistent between the two files: a key in one language only, a blank text, or texts whose
     * placeholders ({@code {0}}, {@code {1}} …) differ.
     */
    public java.util.List<String> inconsistencies() {
        java.util.List<String> problems = new java.util.ArrayList<>();
        java.util.Set<String> keys = new java.util.TreeSet<>(zh.stringPropertyNames());
        keys.addAll(en.stringPropertyNames());
        for (String key : keys) {
            String zhText = zh.getProperty(key);
            String enText = en.getProperty(key);
            if (zhText == null || enText == null) {
                problems.add(key + " is only in " + base + (zhText == null ? ".properties" : "_zh.properties"));
            } else if (zhText.isBlank() || enText.isBlank()) {
                problems.add(key + " is blank in " + base + (zhText.isBlank() ? "_zh.properties" : ".properties"));
            } else if (!placeholders(zhText).equals(placeholders(enText))) {
                problems.add(key + " has placeholders " + placeholders(zhText) + " in Chinese but "
                        + placeholders(enText) + " in English");
            }
        }
        return problems;
    }

    private static java.util.Set<String> placeholders(String text) {
        java.util.Set<String> found = new java.util.TreeSet<>();
        var matcher = java.util.regex.Pattern.compile("\\{\\d+}").matcher(text);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }

    /** Whether {@code key} has a text in both languages. */
    public boolean has(String key) {
        return zh.containsKey(key) && en.containsKey(key);
    }

    /** The keys missing in either language among {@code keys}, as {@code <file>: <key>}. */
    public java.util.List<String> missing(java.util.Collection<String> keys) {
        java.util.List<String> missing = new java.util.ArrayList<>();
        for (String key : keys) {
            if (!zh.containsKey(key)) {
                missing.add(base + "_zh.properties: " + key);
            }
            if (!en.containsKey(key)) {
                missing.add(base + ".properties: " + key);
            }
        }
        return missing;
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
