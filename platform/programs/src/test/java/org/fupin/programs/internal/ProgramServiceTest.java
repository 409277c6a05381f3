package org.fupin.programs.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.fupin.database.internal.SqlAuditLog;
import org.fupin.database.internal.SqliteDatabase;
import org.fupin.database.internal.TestDatabases;
import org.fupin.program.api.BenefitGrant;
import org.fupin.program.api.Conflict;
import org.fupin.program.api.Field;
import org.fupin.program.api.FieldType;
import org.fupin.program.api.Form;
import org.fupin.program.api.Limit;
import org.fupin.program.api.ParameterDefinition;
import org.fupin.program.api.Program;
import org.fupin.program.api.ProgramDefinition;
import org.fupin.program.api.ProgramDescriptor;
import org.fupin.program.api.Reason;
import org.fupin.program.api.RuleContext;
import org.fupin.program.api.State;
import org.fupin.program.api.Step;
import org.fupin.program.api.Transition;
import org.fupin.program.api.Verdict;
import org.fupin.program.api.Workflow;
import org.fupin.registry.api.AccessDeniedException;
import org.fupin.registry.api.Actor;
import org.fupin.registry.api.ConflictException;
import org.fupin.registry.api.HouseholdRegistry;
import org.fupin.registry.api.NotFoundException;
import org.fupin.registry.api.PlatformClock;
import org.fupin.registry.api.RegionDirectory;
import org.fupin.registry.api.ValidationException;
import org.fupin.registry.model.Household;
import org.fupin.registry.model.HouseholdStatus;
import org.fupin.registry.model.LocalizedText;
import org.fupin.registry.model.Member;
import org.fupin.registry.model.Region;
import org.fupin.registry.model.RegionLevel;
import org.fupin.registry.model.Relation;
import org.fupin.registry.model.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The platform's side of programs on a real SQLite file, with a small program of its own (no plugin needed). */
class ProgramServiceTest {
    static final LocalizedText L = new LocalizedText("标签", "label");
    static final Actor COUNTY_ADMIN = new Actor("qinzhou", "620502", null, Set.of(Role.COUNTY_ADMIN));
    static final Actor CLERK = new Actor("clerk", "620502001003", null, Set.of(Role.VILLAGE_CLERK));
    static final Actor TOWNSHIP = new Actor("town", "620502001", null, Set.of(Role.TOWNSHIP_OFFICER));
    static final Actor OTHER_COUNTY = new Actor("other", "620503", null, EnumSet.allOf(Role.class));
    static final Actor OFFICE_OFFICER = new Actor("officer", "620502", "office", Set.of(Role.PROGRAM_OFFICER));
    static final Actor HOUSING_OFFICER = new Actor("housing", "620502", "housing-bureau",
            Set.of(Role.PROGRAM_OFFICER));
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    SqliteDatabase database;
    MutableClock clock = new MutableClock(Instant.parse("2026-11-02T02:00:00Z"));
    int nextMember = 2;
    ProgramCatalog catalog;
    TestProgram program = new TestProgram();
    ProgramService service;
    ProgramStore store;
    Household household = new Household("1", 1L, "620502001003", "一组", null, null, null, null, null, null, null,
            HouseholdStatus.POOR, 2024, members(10), null, null,
            null, null, null, null, null, null);

    /** The same household as the registry holds it, unmasked; the one above stands for a caller's masked view. */
    Household unmasked = new Household("1", 1L, "620502001003", "一组", null, null, null, null, null, null, null,
            HouseholdStatus.POOR, 2024, members(10), null, null, null, null, null, null, null, null);

    @BeforeEach
    void start() throws Exception {
        database = new SqliteDatabase(dir.resolve("fupin.db"), TestDatabases.config("NORMAL", 2, 16));
        database.migrate("platform", TestDatabases.migrationsOnClassPath("db/platform"), "db/platform");
        store = new ProgramStore(database, new SqlAuditLog(database, Clock.systemUTC()));
        database.migrate("programs", TestDatabases.migrationsOnClassPath("db/programs"), "db/programs");
        HouseholdRegistry registry = mock(HouseholdRegistry.class);
        when(registry.find(anyString(), any())).thenReturn(Optional.empty());
        for (Actor inside : List.of(COUNTY_ADMIN, CLERK, TOWNSHIP, OFFICE_OFFICER, HOUSING_OFFICER)) {
            when(registry.find(eq("1"), eq(inside))).thenReturn(Optional.of(household));
        }
        when(registry.find(eq("1"), org.mockito.ArgumentMatchers.argThat(a -> a != null && a.scope().isEmpty())))
                .thenReturn(Optional.of(unmasked));
        when(registry.history(eq("1"), any())).thenReturn(new org.fupin.registry.model.HouseholdHistory("1",
                List.of(new org.fupin.registry.model.StatusChange(null, HouseholdStatus.POOR,
                        java.time.LocalDate.of(2024, 3, 1), "新识别", "clerk", Instant.parse("2024-03-01T02:00:00Z"))),
                List.of(), List.of()));
        RegionDirectory regions = mock(RegionDirectory.class);
        when(regions.find(anyString())).thenAnswer(i -> Optional.of(new Region(i.getArgument(0), "秦州区",
                Region.levelOf(i.getArgument(0)).orElseThrow(), null, List.of())));
        catalog = new ProgramCatalog(store);
        assertTrue(catalog.add(program, "org.example.test", "1.0.0"));
        service = new ProgramService(catalog, store, registry, regions, (PlatformClock) () -> clock,
                new ReportEngine(store, regions, registry, catalog), new WorkingDays(WorkingDaysTest.defaults()));
    }

    @AfterEach
    void stop() {
        database.close();
    }

    @Test
    void applicationsNeedTheCountyToEnableTheProgram() throws Exception {
        var refused = assertThrows(ConflictException.class, () -> file("张三"));
        assertEquals("program_not_enabled", refused.code());
        assertEquals("项目「测试项目」未在秦州区（620502）启用", refused.text().zh());
        assertEquals("Program test program is not enabled in 秦州区 (620502)", refused.text().en());

        service.setEnabled("620502", "test", true, COUNTY_ADMIN);

        assertEquals("NEW", file("张三").state());
    }

    @Test
    void onlyAdministratorsOfTheCountyEnableIt() {
        assertThrows(AccessDeniedException.class, () -> service.setEnabled("620502", "test", true, CLERK));
        assertThrows(AccessDeniedException.class, () -> service.setEnabled("620502", "test", true, OTHER_COUNTY));
        assertThrows(ValidationException.class, () -> service.setEnabled("62050", "test", true, COUNTY_ADMIN));
        assertThrows(NotFoundException.class, () -> service.setEnabled("620502", "nope", true, COUNTY_ADMIN));
    }

    @Test
    void programOfficersWorkOnlyTheirAgencysPrograms() throws Exception {
        service.setEnabled("620502", "test", true, COUNTY_ADMIN);
        var data = JSON.readTree("{\"name\":\"张三\",\"member\":\"m2\"}");

        var refused = assertThrows(AccessDeniedException.class,
                () -> service.file("test", "1", data, null, HOUSING_OFFICER));
        assertEquals("项目「测试项目」由标签承办，您所在部门（housing-bureau）不能办理", refused.text().zh());
        var filed = service.file("test", "1", data, null, OFFICE_OFFICER);

        assertEquals(1, service.search("test", "", null, null, 0, 20, OFFICE_OFFICER).total());
        assertThrows(AccessDeniedException.class, () -> service.find("test", filed.id(), HOUSING_OFFICER));
        assertThrows(AccessDeniedException.class,
                () -> service.search("test", "", null, null, 0, 20, HOUSING_OFFICER));
        assertThrows(AccessDeniedException.class, () -> service.report(service.program("test"),
                service.program("test").definition().reports().get(0), "620502", null, 2026, null, false, HOUSING_OFFICER));
        assertEquals(1, service.eligibility("1", OFFICE_OFFICER).programs().size());
        assertEquals(0, service.eligibility("1", HOUSING_OFFICER).programs().size(), "not their agency's program");
        assertEquals(1, service.eligibility("1", COUNTY_ADMIN).programs().size(), "outside any agency: every program");
    }

    @Test
    void theWorkflowChecksRolesLevelsReasonsAndTheNotice() throws Exception {
        service.setEnabled("620502", "test", true, COUNTY_ADMIN);
        var filed = file("张三");

        assertThrows(AccessDeniedException.class, () -> act(filed.id(), "check", null, CLERK), "role");
        var checked = act(filed.id(), "check", null, TOWNSHIP);
        assertEquals("CHECKED", checked.state());
        assertEquals(java.time.LocalDate.of(2026, 11, 4), checked.noticeEnds(), "three days: 2, 3 and 4 November");
        var level = new Actor("town-admin", "620502001", null, Set.of(Role.COUNTY_ADMIN));
        assertThrows(AccessDeniedException.class, () -> act(filed.id(), "approve", null, level), "level");
        var early = assertThrows(ConflictException.class, () -> act(filed.id(), "approve", null, COUNTY_ADMIN));
        assertEquals("notice_running", early.code());
        var noReason = assertThrows(ValidationException.class, () -> act(filed.id(), "reject", null, COUNTY_ADMIN));
        assertEquals("note", noReason.violations().get(0).field());

        clock.set(Instant.parse("2026-11-04T15:59:00Z"));
        assertEquals("notice_running", assertThrows(ConflictException.class,
                () -> act(filed.id(), "approve", null, COUNTY_ADMIN)).code(), "still 4 November in China");
        clock.set(Instant.parse("2026-11-04T16:00:00Z"));
        var approved = act(filed.id(), "approve", null, COUNTY_ADMIN);

        assertEquals("APPROVED", approved.state());
        assertEquals(List.of("file", "check", "approve"), approved.steps().stream().map(s -> s.action()).toList());
        assertEquals("action_not_allowed", assertThrows(ConflictException.class,
                () -> act(filed.id(), "check", null, TOWNSHIP)).code());
        assertEquals("action", assertThrows(ValidationException.class,
                () -> act(filed.id(), "fly", null, COUNTY_ADMIN)).violations().get(0).field());
    }

    @Test
    void grantsAreStoredWithTheApplicationAndSeenByTheNextRuling() throws Exception {
        service.setEnabled("620502", "test", true, COUNTY_ADMIN);
        service.setParameters("test", "620502", 2026, java.util.Map.of("grant", JSON.readTree("120.5")),
                COUNTY_ADMIN);
        var filed = file("张三");
        act(filed.id(), "check", null, TOWNSHIP);
        clock.set(Instant.parse("2026-11-10T00:00:00Z"));
        act(filed.id(), "approve", null, COUNTY_ADMIN);

        var paid = act(filed.id(), "pay", "{\"period\":\"2026-09\"}", COUNTY_ADMIN);
        var twice = assertThrows(ValidationException.class,
                () -> act(filed.id(), "pay", "{\"period\":\"2026-09\"}", COUNTY_ADMIN));

        assertEquals(new BigDecimal("120.50"), paid.benefits().get(0).amount());
        assertEquals("data.period", twice.violations().get(0).field());
        var report = service.report(service.program("test"), service.program("test").definition().reports().get(0),
                "620502", null, 2026, null, false, COUNTY_ADMIN);
        assertEquals("620502001", report.rows().get(0).codes().get("region"));
        assertEquals(new BigDecimal("120.50"), report.total().get("amount"));
    }

    @Test
    void staleVersionsAndOtherScopesAreRefused() throws Exception {
        service.setEnabled("620502", "test", true, COUNTY_ADMIN);
        var filed = file("张三");

        var stale = assertThrows(ConflictException.class, () -> service.transition("test", filed.id(), "check", null,
                null, 7L, TOWNSHIP));
        assertEquals("stale_version", stale.code());
        assertThrows(NotFoundException.class, () -> service.find("test", filed.id(), OTHER_COUNTY));
        assertEquals(0, service.search("test", "", null, null, 0, 20, OTHER_COUNTY).total());
        assertEquals(1, service.search("test", "62", null, null, 0, 20, COUNTY_ADMIN).total());
        assertEquals(1, service.search("test", "62", null, null, 0, 20, COUNTY_ADMIN).items().size(), "page 0");
        assertEquals(0, service.search("test", "62", null, null, 1, 20, COUNTY_ADMIN).items().size(), "page 1");
        assertThrows(NotFoundException.class, () -> service.file("test", "1", JSON.readTree("{\"name\":\"张三\"}"),
                null, OTHER_COUNTY));
    }

    @Test
    void reportsListStatesInWorkflowOrder() throws Exception {
        service.setEnabled("620502", "test", true, COUNTY_ADMIN);
        act(file("张三").id(), "check", null, TOWNSHIP);
        file("李四");
        file("王五");
        var program = service.program("test");

        var table = service.report(program, program.definition().report("by-state").orElseThrow(), "620502001",
                null, null, null, false, COUNTY_ADMIN);

        assertEquals(List.of("NEW", "CHECKED"), table.rows().stream().map(r -> r.codes().get("state")).toList(),
                "workflow order, not alphabetical");
        assertEquals(List.of(2L, 1L), table.rows().stream().map(r -> r.values().get("records")).toList());
        assertEquals(3L, table.total().get("records"));
    }

    @Test
    void rulesRefuseWithTheirReasons() throws Exception {
        service.setEnabled("620502", "test", true, COUNTY_ADMIN);

        var refused = assertThrows(ValidationException.class, () -> file("refuse"));

        assertEquals("test.no-refusers", refused.violations().get(0).field());
        assertEquals(0, service.search("test", "", null, null, 0, 20, COUNTY_ADMIN).total(), "nothing stored");
    }

    @Test
    void aRemovedProgramsApplicationsStayReadableAndCannotMove() throws Exception {
        service.setEnabled("620502", "test", true, COUNTY_ADMIN);
        var filed = file("张三");

        catalog.removeProgram(program);

        assertEquals(filed.data(), service.find("test", filed.id(), COUNTY_ADMIN).data());
        var page = service.search("test", "620502", null, null, 0, 20, COUNTY_ADMIN);
        assertEquals(1, page.total());
        assertEquals(false, page.installed());
        assertEquals("program_not_installed", assertThrows(ConflictException.class,
                () -> act(filed.id(), "check", null, TOWNSHIP)).code());
        assertEquals("program_not_installed", assertThrows(ConflictException.class, () -> file("李四")).code());
        assertThrows(AccessDeniedException.class, () -> service.find("test", filed.id(), HOUSING_OFFICER),
                "still the agency's program");
        assertEquals("项目「测试项目」（test）的插件已卸载；其申请仍可查阅",
                assertThrows(NotFoundException.class, () -> service.program("test")).text().zh());
    }

    @Test
    void rulesSeeTheHouseholdUnmaskedWithItsHistoryWhoeverAsks() throws Exception {
        service.setEnabled("620502", "test", true, COUNTY_ADMIN);

        file("张三");

        RuleContext seen = TestProgram.lastContext;
        assertTrue(seen.household() == unmasked, "the platform's read of the household, not the clerk's");
        assertEquals(List.of(HouseholdStatus.POOR), seen.statusHistory().stream().map(c -> c.to()).toList());
        assertEquals(java.time.LocalDate.of(2026, 11, 2), seen.today());
    }

    @Test
    void eightFilingsAtOnceForOneMemberStoreOne() throws Exception {
        service.setEnabled("620502", "test", true, COUNTY_ADMIN);
        java.util.concurrent.Callable<?>[] filings = new java.util.concurrent.Callable<?>[8];
        for (int i = 0; i < filings.length; i++) {
            String name = "同时" + i;
            filings[i] = () -> file(name, "m2");
        }

        List<Object> results = atOnce(filings);

        assertEquals(1, results.stream().filter(r -> r instanceof org.fupin.program.api.Application).count(),
                kinds(results).toString());
        var refusals = results.stream().filter(r -> r instanceof ValidationException).map(ValidationException.class::cast)
                .toList();
        assertEquals(7, refusals.size(), kinds(results).toString());
        String stored = service.search("test", "", null, null, 0, 20, COUNTY_ADMIN).items().get(0).id();
        for (var refusal : refusals) {
            assertEquals("data.member", refusal.violations().get(0).field());
            assertEquals("该成员已有未办结的申请（" + stored + "），每成员最多 1 件",
                    refusal.violations().get(0).message().zh());
        }
        assertEquals(1, service.search("test", "", null, null, 0, 20, COUNTY_ADMIN).total());
    }

    @Test
    void aClosedApplicationNoLongerCountsAsOpen() throws Exception {
        service.setEnabled("620502", "test", true, COUNTY_ADMIN);
        var first = file("张三", "m2");
        assertEquals("data.member", assertThrows(ValidationException.class, () -> file("张三", "m2"))
                .violations().get(0).field());

        service.transition("test", first.id(), "reject", "重复申请", null, null, COUNTY_ADMIN);

        assertEquals("NEW", file("张三", "m2").state());
    }

    @Test
    void eightPaymentsAtOnceStayWithinTheHouseholdsYearlyAmount() throws Exception {
        service.setEnabled("620502", "test", true, COUNTY_ADMIN);
        List<String> approved = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            var filed = file("成员" + i);
            act(filed.id(), "check", null, TOWNSHIP);
            approved.add(filed.id());
        }
        clock.set(Instant.parse("2026-11-10T00:00:00Z"));
        for (String id : approved) {
            act(id, "approve", null, COUNTY_ADMIN);
        }
        java.util.concurrent.Callable<?>[] payments = new java.util.concurrent.Callable<?>[8];
        for (int i = 0; i < payments.length; i++) {
            String id = approved.get(i);
            payments[i] = () -> act(id, "pay", "{\"period\":\"2026-09\"}", COUNTY_ADMIN);
        }

        List<Object> results = atOnce(payments);

        // 100 yuan each against 250 a household a year: two payments fit, the third would make 300
        assertEquals(2, results.stream().filter(r -> r instanceof org.fupin.program.api.Application).count(),
                kinds(results).toString());
        var refusals = results.stream().filter(r -> r instanceof ValidationException).map(ValidationException.class::cast)
                .toList();
        assertEquals(6, refusals.size(), kinds(results).toString());
        assertTrue(refusals.get(0).violations().get(0).message().zh().startsWith("该户在 2026 年已发放 200 元"),
                refusals.get(0).violations().get(0).message().zh());
        BigDecimal paid = approved.stream().flatMap(id -> service.find("test", id, COUNTY_ADMIN).benefits().stream())
                .map(org.fupin.program.api.Benefit::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(new BigDecimal("200.00"), paid);
        assertEquals(2, approved.stream().mapToInt(id -> service.find("test", id, COUNTY_ADMIN).steps().size())
                .filter(steps -> steps == 4).count(), "a refused payment leaves no step");
    }

    @Test
    void twoProgramsThatExcludeEachOtherStoreOneOfEightRacingFilingsAndNameIt() throws Exception {
        assertTrue(catalog.add(new Rival("alpha", "beta"), "org.example.alpha", "1.0.0"));
        assertTrue(catalog.add(new Rival("beta", "alpha"), "org.example.beta", "1.0.0"));
        service.setEnabled("620502", "alpha", true, COUNTY_ADMIN);
        service.setEnabled("620502", "beta", true, COUNTY_ADMIN);
        java.util.concurrent.Callable<?>[] filings = new java.util.concurrent.Callable<?>[8];
        for (int i = 0; i < filings.length; i++) {
            String program = i % 2 == 0 ? "alpha" : "beta";
            String member = "m" + (2 + i);
            filings[i] = () -> service.file(program, "1", JSON.readTree("{\"name\":\"并发\",\"member\":\"" + member
                    + "\"}"), null, CLERK);
        }

        List<Object> results = atOnce(filings);

        var stored = results.stream().filter(r -> r instanceof org.fupin.program.api.Application)
                .map(org.fupin.program.api.Application.class::cast).toList();
        // each program files freely beside itself, and refuses while the other has an application
        long alphas = stored.stream().filter(a -> a.programId().equals("alpha")).count();
        long betas = stored.stream().filter(a -> a.programId().equals("beta")).count();
        assertTrue(alphas == 0 || betas == 0, "never both programs: " + kinds(results));
        assertEquals(4, alphas + betas, "the winner's four filings, the loser's four refused: " + kinds(results));
        var refusal = results.stream().filter(r -> r instanceof ValidationException).map(ValidationException.class::cast)
                .findFirst().orElseThrow();
        assertEquals("householdId", refusal.violations().get(0).field());
        assertTrue(stored.stream().anyMatch(a -> refusal.violations().get(0).message().zh().contains(a.id())),
                refusal.violations().get(0).message().zh());
    }

    /** A copy of the test program under another id that excludes {@code excluded}'s applications in any state. */
    static final class Rival implements Program {
        private final TestProgram test = new TestProgram();
        private final String id;
        private final String excluded;

        Rival(String id, String excluded) {
            this.id = id;
            this.excluded = excluded;
        }

        @Override
        public ProgramDefinition definition() {
            var d = test.definition();
            return new ProgramDefinition(new ProgramDescriptor(id, new LocalizedText("对手", "rival"), "office", L, L),
                    d.forms(), d.workflow(), List.of(), d.parameters(), List.of(), List.of(new Conflict(
                            id + ".not-with-" + excluded, excluded, List.of("NEW", "CHECKED", "APPROVED"), null)));
        }

        @Override
        public Verdict eligibility(RuleContext context) {
            return test.eligibility(context);
        }

        @Override
        public List<Reason> check(Step step, RuleContext context) {
            return List.of();
        }

        @Override
        public List<BenefitGrant> benefits(Step step, RuleContext context) {
            return List.of();
        }
    }

    /** Files for the next member who has no application yet (one open application per member is the limit). */
    org.fupin.program.api.Application file(String name) throws Exception {
        return file(name, "m" + nextMember++);
    }

    org.fupin.program.api.Application file(String name, String member) throws Exception {
        return service.file("test", "1", JSON.readTree("{\"name\":\"" + name + "\",\"member\":\"" + member + "\"}"),
                null, CLERK);
    }

    /** Runs {@code task} on 8 threads released together; returns what each returned or threw. */
    static List<Object> atOnce(java.util.concurrent.Callable<?>... tasks) throws Exception {
        var gate = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(tasks.length);
        try {
            List<java.util.concurrent.Future<Object>> futures = new java.util.ArrayList<>();
            for (var task : tasks) {
                futures.add(pool.submit(() -> {
                    gate.await();
                    try {
                        return task.call();
                    } catch (RuntimeException e) {
                        return e;
                    }
                }));
            }
            gate.countDown();
            List<Object> results = new java.util.ArrayList<>();
            for (var future : futures) {
                results.add(future.get(30, java.util.concurrent.TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** What each concurrent call ended in, short enough for an assertion message. */
    static List<String> kinds(List<Object> results) {
        return results.stream().map(r -> r.getClass().getSimpleName()).toList();
    }

    static List<Member> members(int count) {
        List<Member> members = new java.util.ArrayList<>();
        for (int i = 1; i <= count; i++) {
            members.add(member("m" + i, i == 1 ? Relation.HEAD : Relation.SON));
        }
        return members;
    }

    org.fupin.program.api.Application act(String id, String action, String data, Actor actor) throws Exception {
        return service.transition("test", id, action, null, data == null ? null : JSON.readTree(data), null, actor);
    }

    static Member member(String id, Relation relation) {
        return new Member(id, "某", null, null, relation, null, null, null, null, null, null, null, null, null, false,
                false, false, null, 30);
    }

    /** A program with a notice, a role per step, a rule and a benefit. */
    static class TestProgram implements Program {
        /** The context of the latest check, for tests that look at what rules see. */
        static volatile RuleContext lastContext;

        @Override
        public ProgramDefinition definition() {
            var all = Set.of(Role.COUNTY_ADMIN);
            return new ProgramDefinition(
                    new ProgramDescriptor("test", new LocalizedText("测试项目", "test program"), "office", L, L),
                    List.of(new Form(Form.APPLICATION, L, List.of(Field.of("name", FieldType.TEXT, L, true),
                            Field.of("member", FieldType.MEMBER, L, true))),
                            new Form("payment", L, List.of(Field.of("period", FieldType.TEXT, L, true)))),
                    new Workflow("NEW", List.of(State.of("NEW", L), State.withNotice("CHECKED", L, "noticeDays"),
                            State.of("APPROVED", L), State.terminal("REJECTED", L)), List.of(
                            new Transition("check", L, List.of("NEW"), "CHECKED", Set.of(Role.TOWNSHIP_OFFICER),
                                    RegionLevel.TOWNSHIP, null, false, false),
                            new Transition("approve", L, List.of("CHECKED"), "APPROVED", all, RegionLevel.COUNTY,
                                    null, false, true),
                            new Transition("reject", L, List.of("NEW", "CHECKED"), "REJECTED", all,
                                    RegionLevel.COUNTY, null, true, false),
                            new Transition("pay", L, List.of("APPROVED"), "APPROVED", all, RegionLevel.COUNTY,
                                    "payment", false, false))),
                    List.of(new org.fupin.program.api.ReportDefinition("by-region", L,
                            org.fupin.program.api.ReportDefinition.Source.BENEFITS,
                            List.of(org.fupin.program.api.ReportDefinition.Dimension.region(L)),
                            List.of(new org.fupin.program.api.ReportDefinition.Measure(
                                    org.fupin.program.api.ReportDefinition.Measure.Kind.AMOUNT, L))),
                            new org.fupin.program.api.ReportDefinition("by-state", L,
                                    org.fupin.program.api.ReportDefinition.Source.APPLICATIONS,
                                    List.of(org.fupin.program.api.ReportDefinition.Dimension.state(L)),
                                    List.of(new org.fupin.program.api.ReportDefinition.Measure(
                                            org.fupin.program.api.ReportDefinition.Measure.Kind.RECORDS, L)))),
                    List.of(new ParameterDefinition("noticeDays", ParameterDefinition.Type.INTEGER, L,
                            BigDecimal.valueOf(3), BigDecimal.ZERO, BigDecimal.TEN, L),
                            new ParameterDefinition("grant", ParameterDefinition.Type.MONEY, L,
                                    BigDecimal.valueOf(100), BigDecimal.ZERO, BigDecimal.valueOf(1000), L),
                            new ParameterDefinition("yearCap", ParameterDefinition.Type.MONEY, L,
                                    BigDecimal.valueOf(250), BigDecimal.ZERO, BigDecimal.valueOf(100000), L)),
                    List.of(Limit.openApplications("test.one-open", Limit.Per.MEMBER, 1, "member"),
                            Limit.payments("test.once-a-period", Limit.Per.MEMBER, Limit.Within.PERIOD, 1, "period"),
                            Limit.amount("test.year-cap", Limit.Per.HOUSEHOLD, Limit.Within.YEAR, "yearCap",
                                    "period")));
        }

        @Override
        public Verdict eligibility(RuleContext context) {
            return Verdict.eligible(List.of());
        }

        @Override
        public List<Reason> check(Step step, RuleContext context) {
            lastContext = context;
            if (step.isFiling() && "refuse".equals(step.data().get("name"))) {
                return List.of(Reason.of("test.no-refusers", L));
            }
            return List.of();
        }

        @Override
        public List<BenefitGrant> benefits(Step step, RuleContext context) {
            return "pay".equals(step.action()) ? List.of(new BenefitGrant((String) step.data().get("period"), 2026,
                    L, context.parameters().value("grant"))) : List.of();
        }
    }

    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
