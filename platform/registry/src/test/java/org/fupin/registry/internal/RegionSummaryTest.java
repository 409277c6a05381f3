package org.fupin.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.fupin.registry.api.Actor;
import org.fupin.registry.model.Cause;
import org.fupin.registry.model.Household;
import org.fupin.registry.model.HouseholdStatus;
import org.fupin.registry.model.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A region's overview: households by status and main cause, and the exits the status history records by year. */
class RegionSummaryTest {
    static final Actor CLERK = new Actor("clerk", "620502", null, Set.of(Role.VILLAGE_CLERK));
    static final Actor OTHER_COUNTY = new Actor("other", "620503", null, Set.of(Role.COUNTY_ADMIN));
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

    @TempDir
    static Path dir;
    static TestStorage storage;
    static SqlHouseholdRegistry registry;

    @BeforeAll
    static void open() {
        storage = TestStorage.open(dir);
        registry = storage.registry(CLOCK);
        Household exited2020 = registry.create(Samples.household("620502001005", 1), CLERK);
        registry.changeStatus(exited2020.id(), 1, HouseholdStatus.EXITED, LocalDate.of(2020, 6, 1), "达标", CLERK);
        // exited, returned and exited again in one year: one household that exited that year
        Household twice = registry.create(Samples.household("620502001005", 2), CLERK);
        registry.changeStatus(twice.id(), 1, HouseholdStatus.EXITED, LocalDate.of(2021, 3, 1), "达标", CLERK);
        registry.changeStatus(twice.id(), 2, HouseholdStatus.RETURNED, LocalDate.of(2021, 5, 1), "因灾返贫", CLERK);
        registry.changeStatus(twice.id(), 3, HouseholdStatus.EXITED, LocalDate.of(2021, 9, 1), "达标", CLERK);
        // registered as already exited: no exit year known
        registry.create(with(Samples.household("620502001005", 3), Cause.ILLNESS, HouseholdStatus.EXITED), CLERK);
        registry.create(with(Samples.household("620502001006", 4), Cause.DISABILITY, null), CLERK);
        registry.create(Samples.household("620502002001", 5), CLERK);
    }

    @AfterAll
    static void close() {
        storage.close();
    }

    private static Household with(Household h, Cause cause, HouseholdStatus status) {
        return new Household(null, null, h.villageCode(), h.villageGroup(), h.phone(), h.bankName(), h.bankAccount(),
                h.identificationStandard(), h.attribute(), cause, List.of(), status, h.identifiedYear(), h.members(),
                h.incomes(), h.housing(), h.assurances(), h.pairings(), h.extensions(), null, null, null);
    }

    @Test
    void countsByStatusAndMainCauseAndExitsByYear() {
        var township = registry.summarize(storage.regions.find("620502001").orElseThrow(), CLERK);

        assertEquals("620502001", township.region().code());
        assertEquals(4, township.households());
        assertEquals(16, township.people());
        assertEquals(List.of(new RegionSummary.StatusRow(HouseholdStatus.POOR, 1, 4),
                new RegionSummary.StatusRow(HouseholdStatus.EXITED, 3, 12)), township.byStatus());
        assertEquals(List.of(new RegionSummary.CauseRow(Cause.ILLNESS, 3, 12),
                new RegionSummary.CauseRow(Cause.DISABILITY, 1, 4)), township.byMainCause());
        assertEquals(List.of(new RegionSummary.YearRow(2020, 1), new RegionSummary.YearRow(2021, 1)),
                township.exitsByYear());
    }

    @Test
    void aVillageCountsItsOwnHouseholds() {
        var village = registry.summarize(storage.regions.find("620502001006").orElseThrow(), CLERK);

        assertEquals(1, village.households());
        assertEquals(List.of(new RegionSummary.CauseRow(Cause.DISABILITY, 1, 4)), village.byMainCause());
        assertEquals(List.of(), village.exitsByYear());
    }

    @Test
    void nothingOutsideTheCallersScope() {
        var county = registry.summarize(storage.regions.find("620502").orElseThrow(), OTHER_COUNTY);
        var province = registry.summarize(storage.regions.find("62").orElseThrow(), CLERK);

        assertEquals(0, county.households());
        assertEquals(List.of(), county.byStatus());
        assertEquals(List.of(), county.byMainCause());
        assertEquals(List.of(), county.exitsByYear());
        assertEquals(5, province.households());
    }
}
