package org.fupin.program.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.fupin.registry.model.HouseholdStatus;
import org.fupin.registry.model.LocalizedText;
import org.junit.jupiter.api.Test;

class ProgramMessagesTest {
    final ProgramMessages messages = ProgramMessages.load(ProgramMessagesTest.class, "org.fupin.program.api.test");

    @Test
    void localizedArgumentsComeOutInEachLanguage() {
        var text = messages.text("hello", HouseholdStatus.POOR, new LocalizedText("秦州区", "Qinzhou"));

        assertEquals("你好 未脱贫，秦州区", text.zh());
        assertEquals("Hello not yet out of poverty, Qinzhou", text.en());
    }

    @Test
    void aKeyMissingInOneLanguageFails() {
        var missing = assertThrows(IllegalArgumentException.class, () -> messages.text("only.english"));

        assertEquals("no message only.english in org.fupin.program.api.test_zh.properties", missing.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ProgramMessages.load(ProgramMessagesTest.class, "nope"));
    }
}
