package org.fupin.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.fupin.registry.model.HouseholdStatus;
import org.junit.jupiter.api.Test;

class MessagesTest {
    @Test
    void idsAndYearsHaveNoThousandsSeparators() {
        var text = Messages.text("person.duplicate", "620502197003010011", 1842L);

        assertEquals("the person with ID number 620502197003010011 is already registered in household 1842", text.en());
        assertEquals("身份证号为 620502197003010011 的人员已登记在户 1842 中", text.zh());
        assertEquals("year built must be between 1900 and 2026",
                Messages.violation("housing.builtYear", "range", 1900, 2026).message().en());
    }

    @Test
    void codesAppearInTheLanguageOfTheMessage() {
        var text = Messages.text("status.transition", HouseholdStatus.RETURNED, HouseholdStatus.NEAR_POOR);

        assertEquals("户状态不能从“返贫”变更为“边缘户”", text.zh());
        assertEquals("a household cannot go from returned to poverty to near-poor", text.en());
    }

    @Test
    void memberFieldsAreNamedByPosition() {
        var violation = Messages.violation("members[2].idNumber", "required");

        assertEquals("第 3 名成员的身份证号不能为空", violation.message().zh());
        assertEquals("member 3 ID number is required", violation.message().en());
    }
}
