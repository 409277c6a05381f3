package org.fupin.yulu.internal;

import static org.fupin.yulu.internal.Fixtures.PROGRAM;
import static org.fupin.yulu.internal.Fixtures.YULU;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.fupin.plugin.testkit.Households;
import org.fupin.plugin.testkit.ProgramUnderTest;
import org.fupin.program.api.ProgramDemo;
import org.fupin.registry.model.Household;
import org.fupin.registry.model.HouseholdStatus;
import org.fupin.registry.model.Relation;
import org.fupin.registry.model.SchoolStatus;
import org.junit.jupiter.api.Test;

class YuluDemoTest {
    static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

    /** 200 registered households, each with a parent and a student of 16 to 20 in vocational school. */
    static List<ProgramDemo.Candidate> candidates() {
        List<ProgramDemo.Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            var head = Households.member("h" + i + "-1", "王大山", 45).relation(Relation.HEAD).build();
            var student = Households.member("h" + i + "-2", "王小明", 16 + i % 5)
                    .school(i % 3 == 0 ? SchoolStatus.HIGHER_VOCATIONAL : SchoolStatus.SECONDARY_VOCATIONAL).build();
            Household household = new Household("h" + i, 1L, Households.VILLAGE, "一组", null, null, null, null, null,
                    null, null, HouseholdStatus.POOR, 2014, List.of(head, student), null, null, null, null, null, null,
                    null, null);
            candidates.add(new ProgramDemo.Candidate(household, PROGRAM.eligibility(YULU.context(household, TODAY))));
        }
        return candidates;
    }

    @Test
    void theSameSeedTellsTheSameStories() {
        var candidates = candidates();

        assertEquals(new YuluDemo().cases(candidates, new Random(620502), TODAY),
                new YuluDemo().cases(candidates, new Random(620502), TODAY));
    }

    @Test
    void everyStepIsDatedInOrderUpToTodayAndPassesTheRulesOnItsDay() {
        var candidates = candidates();
        Map<String, Household> households = new HashMap<>();
        candidates.forEach(c -> households.put(c.household().id(), c.household()));

        var cases = new YuluDemo().cases(candidates, new Random(620502), TODAY);

        assertEquals(200, cases.size());
        Set<String> endings = new TreeSet<>();
        for (var demoCase : cases) {
            Household household = households.get(demoCase.householdId());
            var filing = YULU.filing(household, demoCase.data());
            assertEquals(List.of(), PROGRAM.check(filing, YULU.context(household, demoCase.filedOn())),
                    demoCase.toString());
            var application = YULU.application("a", household, "APPROVED", demoCase.data());
            LocalDate previous = demoCase.filedOn();
            for (var action : demoCase.actions()) {
                assertFalse(action.on().isBefore(previous), demoCase.toString());
                assertFalse(action.on().isAfter(TODAY), demoCase.toString());
                var step = ProgramUnderTest.step(action.action(), application, new HashMap<>(action.data()));
                assertEquals(List.of(), PROGRAM.check(step, YULU.context(household, action.on())),
                        action.toString());
                previous = action.on();
            }
            endings.add(demoCase.actions().isEmpty() ? "submitted"
                    : demoCase.actions().get(demoCase.actions().size() - 1).action());
        }
        assertTrue(endings.containsAll(Set.of("submitted", "verify", "reject", "pay", "close")), endings::toString);
    }
}
