package org.fupin.registry.model;

import java.util.Locale;
import java.util.Objects;

/** A message for people in zh-CN and en; the HTTP layer picks one by the caller's Accept-Language. */
public record LocalizedText(String zh, String en) {
    public LocalizedText {
        Objects.requireNonNull(zh, "zh");
        Objects.requireNonNull(en, "en");
    }

    public String in(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? zh : en;
    }
}
