package org.fupin.demo.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

import org.fupin.registry.model.IdNumber;
import org.fupin.registry.model.Sex;

/**
 * Hands out 居民身份证号 that are valid, encode the person's sex and age on {@code today}, and never repeat.
 *
 * <p>Uniqueness by construction, without remembering numbers: the people of one cohort (address code, age, sex)
 * are numbered 0, 1, 2 … and number n maps to slot (n·STRIDE + offset) mod capacity, a bijection onto
 * (day of birth within the age's year) × (one of 499 sequence numbers of that sex). Memory grows with the number
 * of cohorts (a few thousand), not with the number of people.
 */
final class IdNumberAllocator {
    /** Sequence numbers 001–997 for men (odd), 002–998 for women (even); 000 and 999 are not handed out. */
    private static final int SEQUENCES_PER_SEX = 499;
    /** A prime near 0.62 of a year, so successive people of a cohort are born far apart in the year. */
    private static final int STRIDE = 227;

    private final LocalDate today;
    private final SplittableRandom random;
    private final Map<Long, Cohort> cohorts = new HashMap<>();

    IdNumberAllocator(LocalDate today, SplittableRandom random) {
        this.today = today;
        this.random = random;
    }

    String allocate(String addressCode, int age, Sex sex) {
        long key = (Long.parseLong(addressCode) * 200 + age) * 2 + sex.ordinal();
        Cohort cohort = cohorts.computeIfAbsent(key, k -> newCohort(age));
        long slot = cohort.nextSlot();
        LocalDate born = cohort.firstDay.plusDays(slot % cohort.days);
        int sequence = (int) (slot / cohort.days) * 2 + (sex == Sex.MALE ? 1 : 2);
        String body = addressCode + born.getYear() + twoDigits(born.getMonthValue()) + twoDigits(born.getDayOfMonth())
                + (sequence < 100 ? "0" : "") + twoDigits(sequence);
        return body + IdNumber.checkCharacter(body);
    }

    private Cohort newCohort(int age) {
        if (age < 0 || age >= 200) {
            throw new IllegalArgumentException("age out of range: " + age);
        }
        // Born in (today − (age+1) years, today − age years]: exactly `age` years old today.
        LocalDate firstDay = today.minusYears(age + 1L).plusDays(1);
        int days = (int) ChronoUnit.DAYS.between(firstDay, today.minusYears(age)) + 1;
        return new Cohort(firstDay, days, random.nextInt(days * SEQUENCES_PER_SEX));
    }

    private static String twoDigits(int value) {
        return value < 10 ? "0" + value : String.valueOf(value);
    }

    private static final class Cohort {
        private final LocalDate firstDay;
        private final int days;
        private final int capacity;
        private final int offset;
        private int issued;

        Cohort(LocalDate firstDay, int days, int offset) {
            this.firstDay = firstDay;
            this.days = days;
            this.capacity = days * SEQUENCES_PER_SEX;
            this.offset = offset;
        }

        long nextSlot() {
            if (issued == capacity) {
                throw new IllegalStateException("all " + capacity + " ID numbers of a cohort are used");
            }
            return ((long) issued++ * STRIDE + offset) % capacity;
        }
    }
}
