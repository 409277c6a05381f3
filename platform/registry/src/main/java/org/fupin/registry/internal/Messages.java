package org.fupin.registry.internal;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.fupin.registry.api.Violation;
import org.fupin.registry.model.Labelled;
import org.fupin.registry.model.LocalizedText;

/** The registry's messages from its resource bundles, in both languages at once. */
final class Messages {
    private static final String BUNDLE = "org.fupin.registry.internal.messages";
    // no fallback to the JVM's default locale: the root bundle is English whatever the machine's locale
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    private static final ResourceBundle ZH = ResourceBundle.getBundle(BUNDLE, Locale.SIMPLIFIED_CHINESE,
            Messages.class.getClassLoader(), NO_FALLBACK);
    private static final ResourceBundle EN = ResourceBundle.getBundle(BUNDLE, Locale.ROOT,
            Messages.class.getClassLoader(), NO_FALLBACK);
    private static final Pattern INDEXED = Pattern.compile("(members|incomes|pairings)\\[(\\d+)]\\.(\\w+)");

    /** A field by its JSON path, rendered as a label in each language. */
    record Field(String path) {
    }

    private Messages() {
    }

    static LocalizedText text(String key, Object... args) {
        return new LocalizedText(format(ZH, Locale.SIMPLIFIED_CHINESE, key, args), format(EN, Locale.ROOT, key, args));
    }

    /** A violation of {@code path} with a message whose first argument is the field's label. */
    static Violation violation(String path, String key, Object... more) {
        var args = new Object[more.length + 1];
        args[0] = new Field(path);
        System.arraycopy(more, 0, args, 1, more.length);
        return new Violation(path, text(key, args));
    }

    private static String format(ResourceBundle bundle, Locale locale, String key, Object[] args) {
        var rendered = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            Object arg = args[i];
            if (arg instanceof Field field) {
                rendered[i] = label(bundle, locale, field.path());
            } else if (arg instanceof Labelled code) {
                rendered[i] = label(code, locale);
            } else if (arg instanceof List<?> codes) {
                rendered[i] = codes.stream().map(code -> label((Labelled) code, locale))
                        .collect(Collectors.joining(locale == Locale.ROOT ? ", " : "、"));
            } else if (arg instanceof Number number) {
                // ids and years are not quantities: no thousands separators ("household 1842", not "1,842")
                rendered[i] = number.toString();
            } else {
                rendered[i] = arg == null ? "" : arg;
            }
        }
        return new MessageFormat(bundle.getString(key), locale).format(rendered);
    }

    private static String label(Labelled code, Locale locale) {
        return code.label().in(locale == Locale.ROOT ? Locale.ENGLISH : locale);
    }

    private static String label(ResourceBundle bundle, Locale locale, String path) {
        Matcher indexed = INDEXED.matcher(path);
        if (indexed.matches()) {
            String row = switch (indexed.group(1)) {
                case "members" -> "member";
                case "incomes" -> "income";
                default -> "pairing";
            };
            int number = Integer.parseInt(indexed.group(2)) + 1;
            String prefix = new MessageFormat(bundle.getString(row), locale).format(new Object[] {number});
            return prefix + (locale == Locale.ROOT ? " " : "") + fieldLabel(bundle, indexed.group(3));
        }
        String last = path.contains(".") ? path.substring(path.lastIndexOf('.') + 1) : path;
        return fieldLabel(bundle, last.replaceAll("\\[\\d+]$", ""));
    }

    private static String fieldLabel(ResourceBundle bundle, String name) {
        return bundle.containsKey("field." + name) ? bundle.getString("field." + name) : name;
    }
}
