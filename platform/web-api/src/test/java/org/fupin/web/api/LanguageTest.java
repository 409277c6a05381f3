package org.fupin.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ''                | zh
            en-US             | en
            zh-CN,en;q=0.8    | zh
            fr-FR,en-GB       | en
            de-DE             | zh
            zh-TW             | zh
            """)
    void picksChineseUnlessEnglishIsPreferred(String header, String expected) {
        List<Locale> acceptable = header.isEmpty() ? List.of()
                : Arrays.stream(header.split(",")).map(t -> Locale.forLanguageTag(t.split(";")[0])).toList();

        assertEquals(expected, Language.of(acceptable).getLanguage());
    }
}
