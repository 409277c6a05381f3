package org.fupin.demo.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import org.fupin.registry.model.IdNumber;
import org.fupin.registry.model.Sex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdNumberAllocatorTest {

    @ParameterizedTest(name = "{0}: {2} aged {1} at {3}")
    @CsvSource({
        "2026-06-30, 0, MALE, 620502",
        "2026-06-30, 1, FEMALE, 620502",
        "2026-06-30, 45, MALE, 620521",
        "2026-06-30, 95, FEMALE, 620523",
        "2028-02-29, 0, MALE, 620502",   // today is a leap day
        "2028-02-29, 4, FEMALE, 620503",
        "2028-03-01, 3, MALE, 620522",   // the year of age contains a leap day
        "2027-01-01, 30, FEMALE, 620502",
        "2026-12-31, 80, MALE, 620502"})
    void numbersAreValidAndEncodeAddressSexAndAge(LocalDate today, int age, Sex sex, String address) {
        IdNumberAllocator allocator = new IdNumberAllocator(today, new SplittableRandom(7));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            String number = allocator.allocate(address, age, sex);
            IdNumber.Check check = IdNumber.check(number, today);
            assertTrue(check.valid(), () -> number + ": " + check.problem());
            assertEquals(address, number.substring(0, 6));
            assertEquals(sex, check.number().sex(), number);
            assertEquals(age, check.number().ageOn(today), number);
            int sequence = Integer.parseInt(number.substring(14, 17));
            assertTrue(sequence >= 1 && sequence <= 998, number);
            assertTrue(seen.add(number), () -> "repeated: " + number);
        }
    }

    @Test
    void aCohortHandsOutEveryNumberOnceThenRefuses() {
        LocalDate today = LocalDate.of(2026, 6, 30);
        IdNumberAllocator allocator = new IdNumberAllocator(today, new SplittableRandom(1));
        Set<String> seen = new HashSet<>();
        int capacity = 365 * 499; // one year of birth dates × 499 sequence numbers of one sex
        for (int i = 0; i < capacity; i++) {
            assertTrue(seen.add(allocator.allocate("620502", 40, Sex.FEMALE)));
        }
        assertThrows(IllegalStateException.class, () -> allocator.allocate("620502", 40, Sex.FEMALE));
        assertEquals(capacity, seen.size());
    }
}
