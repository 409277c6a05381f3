package org.fupin.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fupin.registry.api.AccessDeniedException;
import org.fupin.registry.api.Actor;
import org.fupin.registry.api.ExtensionField;
import org.fupin.registry.api.ConflictException;
import org.fupin.registry.api.HouseholdQuery;
import org.fupin.registry.api.NotFoundException;
import org.fupin.registry.api.ValidationException;
import org.fupin.registry.model.Cause;
import org.fupin.registry.model.Household;
import org.fupin.registry.model.HouseholdStatus;
import org.fupin.registry.model.LocalizedText;
import org.fupin.registry.model.Member;
import org.fupin.registry.model.MemberChangeReason;
import org.fupin.registry.model.CadreUnitLevel;
import org.fupin.registry.model.Pairing;
import org.fupin.registry.model.Relation;
import org.fupin.registry.model.Role;
import org.fupin.registry.model.Sex;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SqlHouseholdRegistryTest {
    static final Actor CLERK = new Actor("clerk", "620502", null, Set.of(Role.VILLAGE_CLERK));
    static final Actor OTHER_COUNTY = new Actor("other", "620503", null, Set.of(Role.COUNTY_ADMIN));
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

    @TempDir
    static Path dir;
    static TestStorage storage;
    static SqlHouseholdRegistry registry;
    static int next = 1;

    @BeforeAll
    static void open() {
        storage = TestStorage.open(dir);
        registry = storage.registry(CLOCK);
        storage.extensions.addProvider(() -> List.of(DANGER_GRADE, CREDIT_LIMIT));
    }

    static final ExtensionField DANGER_GRADE = new ExtensionField("housing.dangerGrade", ExtensionField.Type.CODE,
            new LocalizedText("危房等级", "danger grade"), "zhujian", null, null, List.of("A", "B", "C", "D"),
            Set.of(Role.COUNTY_ADMIN, Role.PROGRAM_OFFICER));
    static final ExtensionField CREDIT_LIMIT = new ExtensionField("microcredit.creditLimit",
            ExtensionField.Type.MONEY, new LocalizedText("授信额度", "credit limit"), "bank", BigDecimal.ZERO,
            new BigDecimal("50000"), List.of(), Set.of(Role.PROGRAM_OFFICER));
    static final Actor HOUSING_OFFICER = new Actor("zj", "620502", "zhujian", Set.of(Role.PROGRAM_OFFICER));

    @AfterAll
    static void close() {
        storage.close();
    }

    private static Household created() {
        return registry.create(Samples.household(next++), CLERK);
    }

    @Test
    void createsAHouseholdWithDerivedFactsAndReadsItBack() {
        Household household = created();

        assertNotNull(household.id());
        assertEquals(1L, household.version());
        assertEquals(HouseholdStatus.POOR, household.status());
        assertEquals(List.of("甘肃省", "天水市", "秦州区", "大城街道", "进步巷社区居委会"), household.region().path());
        Member head = household.head().orElseThrow();
        assertEquals(LocalDate.of(1970, 3, 1), head.birthDate());
        assertEquals(56, head.age());
        assertNotNull(head.id());
        var income = household.incomes().get(0);
        assertEquals(new BigDecimal("17400.50"), income.total());
        assertEquals(new BigDecimal("16200.50"), income.net());
        assertEquals(new BigDecimal("4050.13"), income.perCapitaNet());
        assertEquals(household, registry.find(household.id(), CLERK).orElseThrow());
    }

    @Test
    void onePersonOneHouseholdAcrossTheRegistry() {
        Household first = created();
        Household copy = Samples.household(next++);
        var members = new ArrayList<>(copy.members());
        members.set(1, first.members().get(1).withId(null));
        Household second = new Household(null, null, Samples.OTHER_VILLAGE, null, null, null, null,
                copy.identificationStandard(), copy.attribute(), copy.mainCause(), List.of(), null, null, members,
                List.of(), null, null, List.of(), null, null, null, null);

        var conflict = assertThrows(ConflictException.class, () -> registry.create(second, CLERK));

        assertEquals("duplicate_person", conflict.code());
        assertTrue(conflict.text().zh().contains("已登记在户 " + first.id()), conflict.text().zh());
        assertTrue(conflict.text().en().contains("household " + first.id()), conflict.text().en());
    }

    @Test
    void aStaleUpdateIsRefusedAndChangesNothing() {
        Household household = created();
        Household edited = withGroup(household, "五组");
        Household saved = registry.update(household.id(), household.version(), edited, CLERK);
        assertEquals(2L, saved.version());
        assertEquals("五组", saved.villageGroup());

        var stale = assertThrows(ConflictException.class,
                () -> registry.update(household.id(), household.version(), withGroup(household, "六组"), CLERK));

        assertEquals("stale_version", stale.code());
        assertEquals("五组", registry.find(household.id(), CLERK).orElseThrow().villageGroup());
    }

    @Test
    void anUpdateCannotAddOrRemoveMembersNorRewritePairingHistory() {
        Household household = created();
        var fewer = household.members().subList(0, 3);
        var noMember = copy(household, fewer, household.pairings());
        var changedHistory = copy(household, household.members(), List.of(new Pairing("别人", "秦州区教育局", null,
                null, null, LocalDate.of(2016, 4, 1), null)));

        assertEquals("members", assertThrows(ValidationException.class,
                () -> registry.update(household.id(), 1, noMember, CLERK)).violations().get(0).field());
        assertEquals("pairings[0]", assertThrows(ValidationException.class,
                () -> registry.update(household.id(), 1, changedHistory, CLERK)).violations().get(0).field());
    }

    @Test
    void aNewCadreAddsAPairingAndEndsThePreviousOne() {
        Household household = created();
        var pairings = new ArrayList<>(household.pairings());
        pairings.add(new Pairing("孙丽", "秦州区财政局", "副科长", "13900002222", null, LocalDate.of(2025, 3, 1), null));

        Household saved = registry.update(household.id(), 1, copy(household, household.members(), pairings), CLERK);

        assertEquals(2, saved.pairings().size());
        assertEquals(LocalDate.of(2025, 3, 1), saved.pairings().get(0).endDate());
        assertNull(saved.pairings().get(1).endDate());
    }

    @Test
    void memberIdsAreNeverHandedOutTwiceAcrossRefusalsAndRestarts(@TempDir Path own) {
        // member ids are reserved before the write transaction: a refused household skips some, a restart goes on
        // after the highest stored
        var ids = new ArrayList<String>();
        try (var first = TestStorage.open(own)) {
            var registry = first.registry(CLOCK);
            registry.create(Samples.household(901), CLERK).members().forEach(m -> ids.add(m.id()));
            assertThrows(ConflictException.class, () -> registry.create(Samples.household(901), CLERK));
            registry.create(Samples.household(902), CLERK).members().forEach(m -> ids.add(m.id()));
        }
        try (var reopened = TestStorage.open(own)) {
            var registry = reopened.registry(CLOCK);
            Household third = registry.create(Samples.household(903), CLERK);
            third.members().forEach(m -> ids.add(m.id()));
            Member baby = Samples.member("王小宝", Sex.MALE, Relation.GRANDCHILD,
                    Samples.id("620502", LocalDate.of(2026, 5, 1), 995));
            Household grown = registry.addMember(third.id(), 1, baby, MemberChangeReason.BIRTH,
                    LocalDate.of(2026, 5, 1), null, CLERK);
            ids.add(grown.members().get(grown.members().size() - 1).id());
        }

        assertEquals(ids.size(), Set.copyOf(ids).size(), ids.toString());
        assertEquals(ids.stream().mapToLong(Long::parseLong).sorted().boxed().toList(),
                ids.stream().map(Long::parseLong).toList(), "ids grow in the order they were given");
    }

    @Test
    void membersJoinAndLeaveWithAReasonKeptInHistory() {
        Household household = created();
        Member baby = Samples.member("王小宝", Sex.MALE, Relation.GRANDCHILD,
                Samples.id("620502", LocalDate.of(2026, 5, 1), 901 + 2 * (next % 40)));

        Household grown = registry.addMember(household.id(), 1, baby, MemberChangeReason.BIRTH,
                LocalDate.of(2026, 5, 1), "出生登记", CLERK);
        String daughter = grown.members().get(3).id();
        Household shrunk = registry.removeMember(household.id(), 2, daughter, MemberChangeReason.MARRIAGE_OUT,
                LocalDate.of(2026, 10, 1), null, CLERK);

        assertEquals(5, grown.members().size());
        assertEquals(4, shrunk.members().size());
        // per-capita income follows the household size
        assertEquals(new BigDecimal("4050.13"), shrunk.incomes().get(0).perCapitaNet());
        var history = registry.history(household.id(), CLERK);
        assertEquals(2, history.memberChanges().size());
        assertTrue(history.memberChanges().get(0).joined());
        assertEquals(MemberChangeReason.MARRIAGE_OUT, history.memberChanges().get(1).reason());
        assertEquals("王小红", history.memberChanges().get(1).member().name());
        var headLeaves = assertThrows(ValidationException.class, () -> registry.removeMember(household.id(), 3,
                shrunk.head().orElseThrow().id(), MemberChangeReason.DEATH, LocalDate.of(2026, 10, 2), null, CLERK));
        assertEquals("memberId", headLeaves.violations().get(0).field());
    }

    @Test
    void statusChangesFollowTheRulesAndAreKeptAsHistory() {
        Household household = created();

        registry.changeStatus(household.id(), 1, HouseholdStatus.EXITED, LocalDate.of(2019, 12, 1), "人均纯收入稳定超过贫困线", CLERK);
        registry.changeStatus(household.id(), 2, HouseholdStatus.RETURNED, LocalDate.of(2021, 3, 1), "因病返贫", CLERK);
        var backwards = assertThrows(ValidationException.class, () -> registry.changeStatus(household.id(), 3,
                HouseholdStatus.NEAR_POOR, LocalDate.of(2022, 1, 1), "?", CLERK));
        registry.changeStatus(household.id(), 3, HouseholdStatus.CLOSED, LocalDate.of(2023, 1, 1), "全户死亡", CLERK);
        var terminal = assertThrows(ValidationException.class, () -> registry.changeStatus(household.id(), 4,
                HouseholdStatus.EXITED, LocalDate.of(2023, 2, 1), "x", CLERK));

        assertEquals("户状态不能从“返贫”变更为“边缘户”", backwards.violations().get(0).message().zh());
        assertTrue(terminal.violations().get(0).message().en().contains("can no longer change"));
        var statuses = registry.history(household.id(), CLERK).statusChanges();
        assertEquals(List.of(HouseholdStatus.POOR, HouseholdStatus.EXITED, HouseholdStatus.RETURNED,
                HouseholdStatus.CLOSED), statuses.stream().map(s -> s.to()).toList());
        assertNull(statuses.get(0).from());
    }

    @Test
    void outsideTheActorsRegionAHouseholdDoesNotExist() {
        Household household = created();
        Actor elsewhere = OTHER_COUNTY;

        assertTrue(registry.find(household.id(), elsewhere).isEmpty());
        assertThrows(NotFoundException.class, () -> registry.history(household.id(), elsewhere));
        assertEquals(0, registry.search(query("620502", null, null), elsewhere).total());
        var refused = assertThrows(ValidationException.class, () -> registry.create(Samples.household(next++), elsewhere));
        assertEquals("villageCode", refused.violations().get(0).field());
    }

    @Test
    void searchesByRegionStatusCauseNameAndIdNumberWithPaging() {
        Household a = created();
        Household b = registry.create(Samples.household(Samples.OTHER_VILLAGE, next++), CLERK);

        var inVillage = registry.search(query(Samples.OTHER_VILLAGE, null, null), CLERK);
        var byId = registry.search(query(null, null, b.members().get(2).idNumber()), CLERK);
        var byIdPrefix = registry.search(query(null, null, b.members().get(2).idNumber().substring(0, 14)), CLERK);
        var byName = registry.search(query("620502", null, "王小"), CLERK);
        var byCause = registry.search(new HouseholdQuery("6205", null, null, Cause.LACK_OF_SKILLS, null, 0, 1,
                HouseholdQuery.Sort.VILLAGE), CLERK);

        assertTrue(inVillage.items().stream().allMatch(s -> s.villageCode().equals(Samples.OTHER_VILLAGE)));
        assertTrue(inVillage.items().stream().anyMatch(s -> s.id().equals(b.id())));
        assertEquals(List.of(b.id()), byId.items().stream().map(s -> s.id()).toList());
        assertTrue(byIdPrefix.items().stream().anyMatch(s -> s.id().equals(b.id())));
        assertTrue(byName.total() >= 2);
        assertEquals(1, byCause.items().size());
        assertTrue(byCause.total() >= 2);
        var found = registry.search(query(null, null, a.head().orElseThrow().idNumber()), CLERK).items().get(0);
        assertEquals("王建国", found.headName());
        String full = a.head().orElseThrow().idNumber();
        assertEquals(full.substring(0, 6) + "********" + full.substring(14), found.headIdNumber(),
                "lists show ID numbers masked");
    }

    /** A program's record names the household's 帮扶责任人 and ends it; a search finds the households without one. */
    @Test
    void aProgramPairsTheHouseholdWithACadreAndEndsItAndTheUnpairedAreFound() {
        Household h = created();
        Household other = created();
        var since = LocalDate.of(2026, 3, 1);

        Household paired = registry.pair(h.id(), new Pairing("李强", "天水市农业农村局", "副局长", "13909381234",
                CadreUnitLevel.CITY, since, null), CLERK);
        var early = assertThrows(ValidationException.class, () -> registry.pair(h.id(), new Pairing("王五", null,
                null, null, null, LocalDate.of(2020, 1, 1), null), CLERK));
        Household untouched = registry.endPairing(h.id(), "别人", since, LocalDate.of(2026, 6, 1), CLERK);
        var bothPaired = registry.search(new HouseholdQuery("620502", null, null, null, null, 0, 500, null, Map.of(),
                false), CLERK);
        Household ended = registry.endPairing(h.id(), "李强", since, LocalDate.of(2026, 6, 1), CLERK);
        var unpaired = registry.search(new HouseholdQuery("620502", null, null, null, null, 0, 500, null, Map.of(),
                false), CLERK);
        var withCadre = registry.search(new HouseholdQuery("620502", null, null, null, null, 0, 500, null, Map.of(),
                true), CLERK);

        assertEquals(List.of("赵刚", "李强"), paired.pairings().stream().map(Pairing::cadreName).toList());
        assertEquals(since, paired.pairings().get(0).endDate(), "the previous cadre ends the day the next starts");
        assertEquals("pairings[2].startDate", early.violations().get(0).field(), "not before the last one's start");
        assertEquals(paired.version(), untouched.version(), "another cadre's pairing is not this household's current one");
        assertTrue(bothPaired.items().stream().noneMatch(s -> s.id().equals(h.id()) || s.id().equals(other.id())));
        assertEquals(LocalDate.of(2026, 6, 1), ended.pairings().get(1).endDate());
        assertTrue(unpaired.items().stream().anyMatch(s -> s.id().equals(h.id())), "its cadre's pairing has ended");
        assertTrue(unpaired.items().stream().noneMatch(s -> s.id().equals(other.id())));
        assertEquals(unpaired.total(), unpaired.items().size());
        assertTrue(withCadre.items().stream().anyMatch(s -> s.id().equals(other.id())));
        assertTrue(withCadre.items().stream().noneMatch(s -> s.id().equals(h.id())));
    }

    @Test
    void extensionFieldsAreSetByTheirEditorsKeptAcrossUpdatesAndSearchable() {
        Household h = created();

        Household graded = registry.updateExtensions(h.id(), h.version(), Map.of("housing.dangerGrade", "D"),
                HOUSING_OFFICER);
        // the clerk edits the household as read (full ID numbers; the officer's copy is masked), without the field
        Household asRead = registry.find(h.id(), CLERK).orElseThrow();
        Household edited = registry.update(h.id(), graded.version(), HouseholdValidatorTest.with(asRead, "phone",
                "13900001111").withExtensions(Map.of()), CLERK);
        var byGrade = registry.search(new HouseholdQuery("620502", null, null, null, null, 0, 500,
                HouseholdQuery.Sort.VILLAGE, Map.of("housing.dangerGrade", "D")), CLERK);
        var byOtherGrade = registry.search(new HouseholdQuery("620502", null, null, null, null, 0, 500,
                HouseholdQuery.Sort.VILLAGE, Map.of("housing.dangerGrade", "A")), CLERK);

        assertEquals(2L, graded.version());
        assertEquals(Map.of("housing.dangerGrade", "D"), graded.extensions());
        assertEquals(Map.of("housing.dangerGrade", "D"), edited.extensions(), "a field left out keeps its value");
        assertTrue(byGrade.items().stream().anyMatch(s -> s.id().equals(h.id())));
        assertEquals(byGrade.total(), byGrade.items().size());
        assertTrue(byOtherGrade.items().stream().noneMatch(s -> s.id().equals(h.id())));
        assertThrows(AccessDeniedException.class, () -> registry.updateExtensions(h.id(), edited.version(),
                Map.of("microcredit.creditLimit", 30000), HOUSING_OFFICER), "a bank's field");
        var unknown = assertThrows(ValidationException.class, () -> registry.search(new HouseholdQuery("620502",
                null, null, null, null, 0, 20, null, Map.of("housing.roofType", "tile")), CLERK));
        assertEquals("ext.housing.roofType", unknown.violations().get(0).field());
        var cleared = new java.util.HashMap<String, Object>();
        cleared.put("housing.dangerGrade", null);
        assertEquals(Map.of(), registry.updateExtensions(h.id(), edited.version(), cleared, HOUSING_OFFICER)
                .extensions());
    }

    /** Eight officers grade one household from the same version at once: one change lands, seven are stale. */
    @Test
    void concurrentExtensionChangesFromOneVersionStoreOne() throws Exception {
        Household h = created();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        var start = new java.util.concurrent.CountDownLatch(1);
        var outcomes = new ArrayList<java.util.concurrent.Future<Household>>();
        for (String grade : List.of("A", "B", "C", "D", "A", "B", "C", "D")) {
            outcomes.add(pool.submit(() -> {
                start.await();
                return registry.updateExtensions(h.id(), h.version(), Map.of("housing.dangerGrade", grade),
                        HOUSING_OFFICER);
            }));
        }
        start.countDown();
        int stored = 0;
        int stale = 0;
        for (var outcome : outcomes) {
            try {
                outcome.get();
                stored++;
            } catch (java.util.concurrent.ExecutionException e) {
                assertTrue(e.getCause() instanceof ConflictException, e.getCause().toString());
                stale++;
            }
        }
        pool.shutdown();

        assertEquals(1, stored);
        assertEquals(7, stale);
        assertEquals(2L, registry.find(h.id(), CLERK).orElseThrow().version());
    }

    /** A name search takes its page and total from one pass: both must match a walk through every page. */
    @ParameterizedTest
    @EnumSource(HouseholdQuery.Sort.class)
    void aNameSearchCountsEveryMatchOnEveryPageAndPastTheLast(HouseholdQuery.Sort sort) {
        created();
        registry.create(Samples.household(Samples.OTHER_VILLAGE, next++), CLERK);
        created();
        var all = registry.search(new HouseholdQuery("620502", null, null, null, "王", 0, 500, sort), CLERK);
        var walked = new ArrayList<String>();
        for (int page = 0; page <= all.items().size() / 2; page++) {
            var one = registry.search(new HouseholdQuery("620502", null, null, null, "王", page, 2, sort), CLERK);
            assertEquals(all.total(), one.total(), "page " + page);
            one.items().forEach(item -> walked.add(item.id()));
        }
        var pastTheLast = registry.search(new HouseholdQuery("620502", null, null, null, "王", 1000, 2, sort), CLERK);

        assertTrue(all.total() >= 3);
        assertEquals(all.total(), all.items().size());
        assertEquals(all.items().stream().map(s -> s.id()).toList(), walked);
        assertEquals(all.total(), pastTheLast.total());
        assertTrue(pastTheLast.items().isEmpty());
        assertEquals(0, registry.search(query("620502", null, "欧阳"), CLERK).total());
    }

    @Test
    void everyWriteIsAuditedWithBeforeAndAfter() {
        Household household = created();
        registry.update(household.id(), 1, withGroup(household, "七组"), CLERK);

        var entries = storage.store.audit().entries("household", household.id(), 10);

        assertEquals(List.of("create", "update"), entries.stream().map(e -> e.action()).toList());
        assertNull(entries.get(0).before());
        assertTrue(entries.get(1).before().contains("三组") && entries.get(1).after().contains("七组"));
        assertEquals("clerk", entries.get(1).actor());
    }

    @Test
    void anExportThatBreaksOffIsStillAudited() {
        created();
        var countyAdmin = new Actor("broken", "620502", null, Set.of(Role.COUNTY_ADMIN));
        OutputStream resetAfterTheBom = new OutputStream() {
            private int written;

            @Override
            public void write(int b) throws IOException {
                if (++written > 3) {
                    throw new IOException("connection reset");
                }
            }
        };

        assertThrows(IOException.class, () -> registry.exportCsv(query("620502", null, null), countyAdmin,
                resetAfterTheBom));

        var export = storage.store.audit().search(
                new org.fupin.database.api.AuditQuery("620502", "export", "households", null, null, null, 0, 1)).items().get(0);
        assertEquals("broken", export.actor());
        assertTrue(export.after().startsWith("{\"scope\":\"620502\",\"filter\":{\"region\":\"620502\""),
                export.after());
    }

    private static HouseholdQuery query(String region, HouseholdStatus status, String text) {
        return new HouseholdQuery(region, status, null, null, text, 0, 50, HouseholdQuery.Sort.VILLAGE);
    }

    private static Household inVillage(Household h, String village) {
        return edited(h, village, h.villageGroup(), h.members(), h.pairings());
    }

    private static Household withGroup(Household h, String group) {
        return edited(h, h.villageCode(), group, h.members(), h.pairings());
    }

    static Household copy(Household h, List<Member> members, List<Pairing> pairings) {
        return edited(h, h.villageCode(), h.villageGroup(), members, pairings);
    }

    /** The household as a client would send it back after editing these fields (the region is ignored on PUT). */
    private static Household edited(Household h, String village, String group, List<Member> members,
            List<Pairing> pairings) {
        return new Household(h.id(), h.version(), village, group, h.phone(), h.bankName(), h.bankAccount(),
                h.identificationStandard(), h.attribute(), h.mainCause(), h.otherCauses(), h.status(),
                h.identifiedYear(), members, h.incomes(), h.housing(), h.assurances(), pairings, h.extensions(),
                h.region(), h.createdAt(), h.updatedAt());
    }

    @Test
    void countsHouseholdsAndPeopleByTheRegionsBelow() {
        var before = registry.countBy(storage.regions.find("620502001").orElseThrow(),
                org.fupin.registry.model.RegionLevel.VILLAGE, null, CLERK);
        registry.create(Samples.household("620502001005", next++), CLERK);
        registry.create(Samples.household("620502001005", next++), CLERK);
        registry.create(Samples.household("620502001006", next++), CLERK);

        var byVillage = registry.countBy(storage.regions.find("620502001").orElseThrow(),
                org.fupin.registry.model.RegionLevel.VILLAGE, null, CLERK);
        var byCounty = registry.countBy(storage.regions.find("62").orElseThrow(),
                org.fupin.registry.model.RegionLevel.COUNTY, HouseholdStatus.POOR, CLERK);

        var village5 = byVillage.rows().stream().filter(r -> r.code().equals("620502001005")).findFirst().orElseThrow();
        assertEquals("罗玉新村社区居委会", village5.name());
        assertEquals(2, village5.households());
        assertEquals(8, village5.people());
        assertEquals(before.households() + 3, byVillage.households());
        assertEquals(before.people() + 12, byVillage.people());
        assertEquals(List.of("620502"), byCounty.rows().stream().map(r -> r.code()).toList());
        assertEquals("秦州区", byCounty.rows().get(0).name());
        assertEquals(0, registry.countBy(storage.regions.find("6205").orElseThrow(),
                org.fupin.registry.model.RegionLevel.COUNTY, null, OTHER_COUNTY).households());
    }

    @Test
    void theCountsFollowEveryWriteOfAHousehold() {
        Household leaving = registry.create(Samples.household("620502002001", next++), CLERK);
        Household growing = registry.create(Samples.household("620502002002", next++), CLERK);
        registry.changeStatus(leaving.id(), 1, HouseholdStatus.EXITED, LocalDate.of(2020, 6, 1), "达标", CLERK);
        Household grown = registry.addMember(growing.id(), 1, Samples.member("王小宝", Sex.MALE, Relation.GRANDCHILD,
                Samples.id("620502", LocalDate.of(2026, 5, 1), 901 + 2 * (next % 40))), MemberChangeReason.BIRTH,
                LocalDate.of(2026, 5, 1), null, CLERK);
        registry.removeMember(growing.id(), 2, grown.members().get(3).id(), MemberChangeReason.MARRIAGE_OUT,
                LocalDate.of(2026, 10, 1), null, CLERK);
        Household moving = registry.create(Samples.household("620502002001", next++), CLERK);
        registry.update(moving.id(), 1, inVillage(moving, "620502002003"), CLERK);
        new HouseholdImport(storage.store, registry, CLOCK).importHouseholds(
                List.of(Samples.household("620502002003", next++), Samples.household("620502002004", next++)), CLERK);

        for (HouseholdStatus status : new HouseholdStatus[] {null, HouseholdStatus.POOR, HouseholdStatus.EXITED}) {
            var counted = registry.countBy(storage.regions.find("620502002").orElseThrow(),
                    org.fupin.registry.model.RegionLevel.VILLAGE, status, CLERK);
            assertEquals(recount("620502002", status), counted.rows().stream()
                    .map(r -> r.code() + ":" + r.households() + ":" + r.people()).toList(), "status " + status);
        }
    }

    /** Households and people per village straight from the household rows, as "code:households:people". */
    private static List<String> recount(String prefix, HouseholdStatus status) {
        return storage.database.read(c -> {
            try (var query = c.prepareStatement("SELECT village_code, count(*), sum(member_count) FROM household "
                    + "WHERE village_code LIKE ? || '%' AND (? IS NULL OR status = ?) GROUP BY 1 ORDER BY 1")) {
                String name = status == null ? null : status.name();
                query.setString(1, prefix);
                query.setString(2, name);
                query.setString(3, name);
                var rows = new ArrayList<String>();
                try (var rs = query.executeQuery()) {
                    while (rs.next()) {
                        rows.add(rs.getString(1) + ":" + rs.getLong(2) + ":" + rs.getLong(3));
                    }
                }
                return rows;
            }
        });
    }

    @Test
    void theServedJsonIsExactlyTheSerialisedRecord() {
        Household household = created();
        registry.changeStatus(household.id(), 1, HouseholdStatus.EXITED, LocalDate.of(2020, 6, 1), "达标", CLERK);
        var json = new RegistryJson();

        String served = registry.findJson(household.id(), CLERK).orElseThrow();

        assertEquals(json.write(registry.find(household.id(), CLERK).orElseThrow()), served);
        assertTrue(served.contains("\"age\":56"), served);
        assertTrue(served.contains("\"region\":{\"code\":\"620502001001\""), served);
        assertTrue(registry.findJson(household.id(), OTHER_COUNTY).isEmpty());
        assertTrue(registry.findJson("nope", CLERK).isEmpty());
    }
}
