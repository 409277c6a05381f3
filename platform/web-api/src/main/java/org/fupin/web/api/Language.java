package org.fupin.web.api;

import java.util.List;
import java.util.Locale;

/**
 * The language of a response: Chinese unless the caller prefers English (Accept-Language), since the people
 * using Fupin read Chinese first.
 */
public final class Language {
    private Language() {
    }

    /** @param acceptable the caller's languages, most preferred first (JAX-RS HttpHeaders#getAcceptableLanguages) */
    public static Locale of(List<Locale> acceptable) {
        for (Locale locale : acceptable) {
            if ("zh".equals(locale.getLanguage())) {
                return Locale.SIMPLIFIED_CHINESE;
            }
            if ("en".equals(locale.getLanguage())) {
                return Locale.ENGLISH;
            }
        }
        return Locale.SIMPLIFIED_CHINESE;
    }
}
