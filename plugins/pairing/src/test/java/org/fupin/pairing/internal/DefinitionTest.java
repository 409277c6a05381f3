package org.fupin.pairing.internal;

import static org.fupin.pairing.internal.Fixtures.PAIRING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.fupin.program.api.Field;
import org.fupin.program.api.FieldType;
import org.fupin.program.api.Form;
import org.fupin.program.api.Limit;
import org.fupin.program.api.Option;
import org.fupin.program.api.ParameterDefinition;
import org.fupin.program.api.ProgramDefinition;
import org.fupin.program.api.RecordLimit;
import org.fupin.program.api.RecordType;
import org.fupin.program.api.ReportDefinition;
import org.fupin.program.api.State;
import org.fupin.program.api.Transition;
import org.fupin.registry.model.CadreUnitLevel;
import org.fupin.registry.model.HouseholdStatus;
import org.fupin.registry.model.LocalizedText;
import org.fupin.registry.model.RegionLevel;
import org.fupin.registry.model.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The declaration pinned: DOMAIN.md §10's numbers, the records, limits and reports, and both languages' texts. */
class DefinitionTest {
    static final ProgramDefinition DEFINITION = PAIRING.definition();
    private static final String BUNDLE = "/PROGRAM-INF/messages";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");

    @Test
    void theDeclarationPassesThePlatformsChecks() {
        assertEquals(List.of(), PAIRING.declaration().problems());
        assertTrue(PAIRING.declaration().javaRules());
    }

    @Test
    void descriptor() {
        var descriptor = DEFINITION.descriptor();

        assertEquals("pairing", descriptor.id());
        assertEquals(new LocalizedText("结对帮扶与驻村帮扶", "Pairing and village-stationed assistance"),
                descriptor.name());
        assertEquals("poverty-office", descriptor.agency());
        assertEquals(new LocalizedText("扶贫办", "Poverty Alleviation Office"), descriptor.agencyName());
        assertTrue(descriptor.description().zh().contains("220"));
        assertTrue(descriptor.description().en().contains("220"));
    }

    /** 帮扶 goes on after a household's exit: exited and near-poor households are served too. */
    @Test
    void everyHouseholdStillHelpedIsServed() {
        assertEquals(Set.of(HouseholdStatus.POOR, HouseholdStatus.RETURNED, HouseholdStatus.MONITORED,
                HouseholdStatus.EXITED, HouseholdStatus.NEAR_POOR), PAIRING.declaration().householdStatuses());
    }

    // ---- DOMAIN.md §10's numbers ----

    /**
     * 云南 [002]: 厅级 4 key + 3 contact, 处级 3 + 4; 汉中 [004]: the team ≥ 220 days a year, each member ≥ 3 months;
     * 西安 [000]: leaders visit ≥ 3 times a year; 云南 [002]: ≥ 1 revisit a year. Section rank and below and the
     * assessment's weights have no seed number: they are this plugin's defaults (README), for the province to set.
     */
    @ParameterizedTest(name = "{0}: {1} {2} in [{3}, {4}] {5}")
    @CsvSource(textBlock = """
            keyQuotaBureau,       INTEGER, 4,   0, 30,  户/人, households per cadre
            contactQuotaBureau,   INTEGER, 3,   0, 30,  户/人, households per cadre
            keyQuotaDivision,     INTEGER, 3,   0, 30,  户/人, households per cadre
            contactQuotaDivision, INTEGER, 4,   0, 30,  户/人, households per cadre
            keyQuotaSection,      INTEGER, 2,   0, 30,  户/人, households per cadre
            contactQuotaSection,  INTEGER, 3,   0, 30,  户/人, households per cadre
            keyQuotaOther,        INTEGER, 2,   0, 30,  户/人, households per cadre
            contactQuotaOther,    INTEGER, 3,   0, 30,  户/人, households per cadre
            teamMinDays,          INTEGER, 220, 0, 366, 天/年, days a year
            memberMinDays,        INTEGER, 90,  0, 366, 天/年, days a year
            leaderMinVisits,      INTEGER, 3,   0, 52,  次/年, visits a year
            revisitsPerYear,      INTEGER, 1,   0, 12,  次/年, visits a year
            weightPresence,       INTEGER, 30,  0, 100, 分,    points
            weightVisits,         INTEGER, 25,  0, 100, 分,    points
            weightPlans,          INTEGER, 25,  0, 100, 分,    points
            weightExits,          INTEGER, 20,  0, 100, 分,    points
            """)
    void parameters(String name, ParameterDefinition.Type type, BigDecimal defaultValue, BigDecimal min,
            BigDecimal max, String unitZh, String unitEn) {
        ParameterDefinition parameter = DEFINITION.parameter(name).orElseThrow();

        assertEquals(type, parameter.type());
        assertEquals(0, defaultValue.compareTo(parameter.defaultValue()), name);
        assertEquals(0, min.compareTo(parameter.min()), name);
        assertEquals(0, max.compareTo(parameter.max()), name);
        assertEquals(new LocalizedText(unitZh, unitEn), parameter.unit());
        assertFalse(parameter.label().zh().isBlank());
    }

    @Test
    void exactlyTheseParameters() {
        assertEquals(List.of("keyQuotaBureau", "contactQuotaBureau", "keyQuotaDivision", "contactQuotaDivision",
                "keyQuotaSection", "contactQuotaSection", "keyQuotaOther", "contactQuotaOther", "teamMinDays",
                "memberMinDays", "leaderMinVisits", "revisitsPerYear", "weightPresence", "weightVisits",
                "weightPlans", "weightExits"), DEFINITION.parameters().stream().map(ParameterDefinition::name)
                .toList());
    }

    /** The weights of the assessment add up to 100 points, so the weighted score reads on the scores' own scale. */
    @Test
    void theAssessmentsWeightsAddUpTo100() {
        assertEquals(0, Stream.of("weightPresence", "weightVisits", "weightPlans", "weightExits")
                .map(p -> DEFINITION.parameter(p).orElseThrow().defaultValue()).reduce(BigDecimal.ZERO,
                        BigDecimal::add).compareTo(BigDecimal.valueOf(100)));
    }

    /** A cadre's key households are counted apart from their contact households, per ID number, by rank. */
    @Test
    void aCadresHouseholdsAreWithinTheQuotasOfTheirRankAndAHouseholdHasOneCadre() {
        RecordType pairing = DEFINITION.record("pairing").orElseThrow();

        assertEquals(List.of(
                new RecordLimit("pairing.one-cadre-per-household", null, RecordLimit.Per.HOUSEHOLD, List.of("ACTIVE"),
                        BigDecimal.ONE, null, null),
                new RecordLimit("pairing.key-quota", null, RecordLimit.Per.FIELD, List.of("ACTIVE"), null, null, null,
                        "cadreId", new RecordLimit.Where("kind", List.of("KEY")), new RecordLimit.ByField("rank",
                                Map.of("BUREAU", "keyQuotaBureau", "DIVISION", "keyQuotaDivision", "SECTION",
                                        "keyQuotaSection", "OTHER", "keyQuotaOther"))),
                new RecordLimit("pairing.contact-quota", null, RecordLimit.Per.FIELD, List.of("ACTIVE"), null, null,
                        null, "cadreId", new RecordLimit.Where("kind", List.of("CONTACT")), new RecordLimit.ByField(
                                "rank", Map.of("BUREAU", "contactQuotaBureau", "DIVISION", "contactQuotaDivision",
                                        "SECTION", "contactQuotaSection", "OTHER", "contactQuotaOther")))),
                pairing.limits());
        // every rank is mapped, both kinds are limited, and the quotas count per the ID number the rules check
        Field rank = DEFINITION.form("pairing").orElseThrow().field("rank").orElseThrow();
        for (RecordLimit limit : pairing.limits().subList(1, 3)) {
            assertEquals(options(rank), new TreeSet<>(limit.maxByField().parameters().keySet()).stream().toList());
        }
        assertEquals(options(DEFINITION.form("pairing").orElseThrow().field("kind").orElseThrow()),
                List.of("CONTACT", "KEY"));
    }

    @Test
    void oneActiveTeamPerVillageAndOneOpenPlanPerHousehold() {
        assertEquals(List.of(new RecordLimit("pairing.one-team-per-village", null, RecordLimit.Per.REGION,
                List.of("ACTIVE"), BigDecimal.ONE, null, null)), DEFINITION.record("team").orElseThrow().limits());
        assertEquals(List.of(new Limit("pairing.one-open-plan", Limit.Measure.OPEN_APPLICATIONS, Limit.Per.HOUSEHOLD,
                null, BigDecimal.ONE, null, null)), DEFINITION.limits());
    }

    /** The registry's 帮扶责任人 of the household follows the pairing record. */
    @Test
    void thePairingKeepsTheHouseholdsResponsibleCadreInStep() {
        RecordType pairing = DEFINITION.record("pairing").orElseThrow();
        Form form = DEFINITION.form("pairing").orElseThrow();

        assertEquals(new RecordType.HouseholdPairing("cadreName", "since", "unit", "post", "phone", "unitLevel"),
                pairing.householdPairing());
        assertEquals(Arrays.stream(CadreUnitLevel.values()).map(Enum::name).sorted().toList(),
                options(form.field("unitLevel").orElseThrow()));
        assertTrue(form.field("cadreName").orElseThrow().required());
        assertTrue(form.field("since").orElseThrow().required());
        for (RecordType type : DEFINITION.records()) {
            assertTrue(type == pairing || type.householdPairing() == null, type.id());
        }
    }

    /** The registry takes a cadre's phone as 1xxxxxxxxxx or 0xxx-xxxxxxx; the forms refuse anything else first. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"13893812345, true", "0938-8212345, true", "09388212345, true", "010-12345678, true",
            "1389381234, false", "23893812345, false", "0938 8212345, false", "+8613893812345, false"})
    void phonesAreWhatTheRegistryAccepts(String phone, boolean accepted) {
        for (String formId : List.of("pairing", "unit")) {
            String pattern = DEFINITION.form(formId).orElseThrow().field("phone").orElseThrow().pattern();
            assertEquals(accepted, phone.matches(pattern), formId);
            assertEquals(accepted, phone.matches("1\\d{10}|0\\d{2,3}-?\\d{7,8}"), "the registry's pattern");
        }
    }

    // ---- the records ----

    @ParameterizedTest(name = "{0}: {1}, {2}")
    @CsvSource(textBlock = """
            unit,          REGION,    unit,          ACTIVE,  ACTIVE WITHDRAWN,        withdraw,     fund
            village-link,  REGION,    village-link,  ACTIVE,  ACTIVE ENDED,            end,          ''
            project,       REGION,    project,       PLANNED, PLANNED BUILDING DONE,   start finish, spending
            contact-point, REGION,    contact-point, ACTIVE,  ACTIVE ENDED,            end,          visit
            pairing,       HOUSEHOLD, pairing,       ACTIVE,  ACTIVE ENDED,            end,          visit
            team,          REGION,    team,          ACTIVE,  ACTIVE WITHDRAWN,        withdraw,     attendance
            team-member,   REGION,    team-member,   SERVING, SERVING LEFT,            leave,        ''
            village-plan,  REGION,    village-plan,  ACTIVE,  ACTIVE DONE ABANDONED,   complete abandon, progress
            assessment,    REGION,    assessment,    SCORED,  SCORED,                  '',           ''
            """)
    void records(String id, RecordType.Attachment attachedTo, String form, String initial, String states,
            String actions, String entries) {
        RecordType type = DEFINITION.record(id).orElseThrow();

        assertEquals(attachedTo, type.attachedTo());
        assertEquals(form, type.form());
        assertEquals(initial, type.initial());
        assertEquals(words(states), type.states().stream().map(State::id).toList());
        assertEquals(words(actions), type.actions().stream().map(Transition::action).toList());
        assertEquals(words(entries), type.entries().stream().map(RecordType.EntryType::id).toList());
        assertFalse(type.label().zh().isBlank());
        // every state but the initial one is reached, a terminal one is never left, the others can be
        for (State state : type.states()) {
            boolean reached = state.id().equals(initial)
                    || type.actions().stream().anyMatch(t -> t.to().equals(state.id()));
            boolean left = type.actions().stream().anyMatch(t -> t.from().contains(state.id()));
            assertTrue(reached, id + " " + state.id());
            assertTrue(!state.terminal() || !left, id + " " + state.id());
            assertTrue(state.terminal() || left || type.states().size() == 1, id + " " + state.id());
        }
        // ending and withdrawing is said why; nobody may end a record who may not edit the type
        for (Transition action : type.actions()) {
            if (Set.of("end", "withdraw", "leave", "abandon").contains(action.action())) {
                assertTrue(action.reasonRequired(), id + " " + action.action());
            }
            assertFalse(action.roles().contains(Role.AUDITOR));
        }
    }

    @Test
    void exactlyTheseRecordTypesEditedByTheCountysDemoStaffToo() {
        assertEquals(List.of("unit", "village-link", "project", "contact-point", "pairing", "team", "team-member",
                "village-plan", "measure", "assessment", "cadre-assessment"),
                DEFINITION.records().stream().map(RecordType::id).toList());
        // the platform's demo acts as county administrator, program officer, township officer and village clerk
        for (RecordType type : DEFINITION.records()) {
            assertTrue(type.editors().contains(Role.PROGRAM_OFFICER), type.id());
            assertTrue(type.actions().stream().allMatch(a -> a.roles().contains(Role.PROGRAM_OFFICER)), type.id());
        }
        assertTrue(DEFINITION.record("pairing").orElseThrow().editors().containsAll(Set.of(Role.PAIRED_CADRE,
                Role.VILLAGE_CLERK)), "the cadre and the clerk record visits where they are");
        assertTrue(DEFINITION.record("team").orElseThrow().editors().contains(Role.VILLAGE_CLERK),
                "the village clerk records attendance");
    }

    // ---- the household's plan ----

    /**
     * 一户一策's measures point to the programs' applications that carry them out: a measure of a plan names one of the
     * household's applications (any program), linked when it is filed, and reports count the measures by the state
     * of those applications — progress read there, never typed again.
     */
    @Test
    void aPlansMeasuresPointToTheApplicationsThatCarryThemOutAndReportTheirProgress() {
        RecordType measure = DEFINITION.record("measure").orElseThrow();
        assertEquals(RecordType.Attachment.APPLICATION, measure.attachedTo());
        Field linked = DEFINITION.form("measure").orElseThrow().field("linkedApplication").orElseThrow();
        assertEquals(FieldType.APPLICATION, linked.type());
        assertEquals(null, linked.program(), "any program's application: the measure's kind says which");
        assertEquals(FieldType.APPLICATION, DEFINITION.form("measure-link").orElseThrow().field("linkedApplication")
                .orElseThrow().type());
        assertEquals(DEFINITION.form("application").orElseThrow().field("mainMeasure").orElseThrow().options(),
                DEFINITION.form("measure").orElseThrow().field("measureKind").orElseThrow().options().stream()
                        .map(o -> new org.fupin.program.api.Option(o.code(), DEFINITION.form("application")
                                .orElseThrow().field("mainMeasure").orElseThrow().option(o.code()).orElseThrow()
                                .label())).toList());
        var progress = DEFINITION.report("measures-by-progress").orElseThrow();
        assertEquals(List.of(ReportDefinition.Dimension.Kind.FIELD, ReportDefinition.Dimension.Kind.STATE),
                progress.dimensions().stream().map(ReportDefinition.Dimension::kind).toList());
        assertEquals("linkedApplication", progress.dimensions().get(1).field());
        assertTrue(measure.actions().stream().anyMatch(a -> a.action().equals("link")
                && "measure-link".equals(a.form())), "an application filed later is linked then");
    }

    @Test
    void thePlanIsFiledByTheCadreOrTheClerkConfirmedApprovedAndCarriedOut() {
        var workflow = DEFINITION.workflow();

        assertEquals("FILED", workflow.initialState());
        assertEquals(Set.of(Role.PAIRED_CADRE, Role.VILLAGE_CLERK, Role.TOWNSHIP_OFFICER, Role.PROGRAM_OFFICER,
                Role.COUNTY_ADMIN), workflow.filers());
        assertEquals(List.of("FILED", "CONFIRMED", "APPROVED", "DONE", "CANCELLED"),
                workflow.states().stream().map(State::id).toList());
        assertEquals(List.of("DONE", "CANCELLED"), workflow.states().stream().filter(State::terminal)
                .map(State::id).toList());
        assertTrue(workflow.states().stream().allMatch(s -> s.noticeParameter() == null));
    }

    @ParameterizedTest(name = "{0}: {2} -> {3}")
    @CsvSource(textBlock = """
            confirm,  村级确认,     FILED,                     CONFIRMED, VILLAGE_CLERK PAIRED_CADRE TOWNSHIP_OFFICER PROGRAM_OFFICER COUNTY_ADMIN, VILLAGE,  confirmation, false
            approve,  乡镇审核通过, CONFIRMED,                 APPROVED,  TOWNSHIP_OFFICER PROGRAM_OFFICER COUNTY_ADMIN,                            TOWNSHIP, ,             false
            revise,   退回修改,     CONFIRMED APPROVED,        FILED,     VILLAGE_CLERK PAIRED_CADRE TOWNSHIP_OFFICER PROGRAM_OFFICER COUNTY_ADMIN, VILLAGE,  ,             true
            complete, 完成,         APPROVED,                  DONE,      TOWNSHIP_OFFICER PROGRAM_OFFICER COUNTY_ADMIN,                            TOWNSHIP, completion,   false
            cancel,   取消,         FILED CONFIRMED APPROVED,  CANCELLED, VILLAGE_CLERK PAIRED_CADRE TOWNSHIP_OFFICER PROGRAM_OFFICER COUNTY_ADMIN, VILLAGE,  ,             true
            """)
    void transitions(String action, String zh, String from, String to, String roles, RegionLevel level, String form,
            boolean reasonRequired) {
        Transition transition = DEFINITION.workflow().transition(action).orElseThrow();

        assertEquals(zh, transition.label().zh());
        assertEquals(words(from), transition.from());
        assertEquals(to, transition.to());
        assertEquals(Arrays.stream(roles.split(" ")).map(Role::valueOf).collect(Collectors.toSet()),
                transition.roles());
        assertEquals(level, transition.level());
        assertEquals(form, transition.form());
        assertEquals(reasonRequired, transition.reasonRequired());
    }

    @Test
    void thePlansMeasuresAreYesNoFieldsAndItsMainMeasureOneOfThem() {
        Form application = DEFINITION.form(Form.APPLICATION).orElseThrow();

        assertEquals(Arrays.stream(Measure.values()).map(Enum::name).sorted().toList(),
                options(application.field("mainMeasure").orElseThrow()));
        for (Measure measure : Measure.values()) {
            Field field = application.field(measure.field()).orElseThrow();
            assertEquals(FieldType.BOOLEAN, field.type(), measure.name());
            assertEquals(DEFINITION.form(Form.APPLICATION).orElseThrow().field("mainMeasure").orElseThrow()
                    .option(measure.name()).orElseThrow().label(), field.label(), "the option reads as the field");
        }
        assertTrue(application.memberField().isEmpty(), "a plan is the household's");
    }

    // ---- the reports ----

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            households-with-cadre     | RECORDS      | pairing       |            | ACTIVE | REGION                    | households coverage                 |                                | BAR
            villages-with-unit        | RECORDS      | village-link  |            | ACTIVE | REGION                    | regions records                     |                                | BAR
            villages-with-team        | RECORDS      | team          |            | ACTIVE | REGION                    | regions                             |                                | BAR
            pairings-by-rank-and-kind | RECORDS      | pairing       |            | ACTIVE | FIELD:rank FIELD:kind     | households                          |                                | BAR
            team-presence             | ENTRIES      | team          | attendance | ACTIVE | RECORD                    | days                                | days teamMinDays true          | BAR
            member-presence           | ENTRIES      | team          | attendance | ACTIVE | RECORD FIELD:member       | days                                | days memberMinDays true        | BAR
            leader-visits             | ENTRIES      | contact-point | visit      | ACTIVE | RECORD:leader             | records                             | records leaderMinVisits true   | BAR
            visits-by-region          | ENTRIES      | pairing       | visit      |        | REGION                    | households records coverage         |                                | BAR
            households-not-visited    | RECORDS      | pairing       |            | ACTIVE | RECORD:cadreName          | days.visit                          | days.visit revisitsPerYear false | BAR
            plans-by-state            | APPLICATIONS |               |            |        | STATE                     | households                          |                                | PIE
            plans-by-main-measure     | APPLICATIONS |               |            | CONFIRMED APPROVED DONE | FIELD:mainMeasure | households                 |                                | PIE
            village-plans             | RECORDS      | village-plan  |            |        | FIELD:planKind STATE      | records sum.exitTarget sum.fundTarget |                              | BAR
            plan-progress             | ENTRIES      | village-plan  | progress   |        | REGION YEAR               | records sum.exited                  |                                | BAR
            funds-by-unit-and-year    | ENTRIES      | unit          | fund       |        | RECORD:unitName YEAR      | amount records                      |                                | BAR
            projects-by-kind-and-state| RECORDS      | project       |            |        | FIELD:projectKind STATE   | records amount sum.budget           |                                | BAR
            assessment-ranking        | RECORDS      | assessment    |            |        | RECORD:unit               | weighted average.presence average.visits average.plans average.exits | | BAR
            """)
    void reports(String id, ReportDefinition.Source source, String record, String entry, String states,
            String dimensions, String measures, String minimum, ReportDefinition.Chart chart) {
        ReportDefinition report = DEFINITION.report(id).orElseThrow();

        assertEquals(source, report.source());
        assertEquals(record, report.record());
        assertEquals(entry, report.entry());
        assertEquals(words(states), report.states());
        assertEquals(words(dimensions), report.dimensions().stream()
                .map(d -> d.kind().name() + (d.field() == null ? "" : ":" + d.field())).toList());
        assertEquals(words(measures), report.measures().stream().map(ReportDefinition.Measure::key).toList());
        assertEquals(minimum, report.minimum() == null ? null : report.minimum().measure() + " "
                + report.minimum().parameter() + " " + report.minimum().prorated());
        assertEquals(chart, report.chart(), "every report has a chart");
        assertEquals("assessment-ranking".equals(id), report.rank());
        assertFalse(report.title().zh().isBlank());
        assertFalse(report.title().en().isBlank());
        report.dimensions().forEach(d -> assertFalse(d.label().zh().isBlank() || d.label().en().isBlank(), id));
        report.measures().forEach(m -> assertFalse(m.label().zh().isBlank() || m.label().en().isBlank(), id));
    }

    @Test
    void exactlyTheseReportsAndTheRankingWeighsTheScoresByTheProvincesWeights() {
        assertEquals(18, DEFINITION.reports().size());
        assertEquals(DEFINITION.report("assessment-ranking").orElseThrow().measures(),
                DEFINITION.report("cadre-assessment-ranking").orElseThrow().measures(),
                "units and cadres are scored alike");
        var weighted = DEFINITION.report("assessment-ranking").orElseThrow().measures().get(0);
        assertEquals(ReportDefinition.Measure.Kind.WEIGHTED, weighted.kind());
        assertEquals(Map.of("presence", "weightPresence", "visits", "weightVisits", "plans", "weightPlans", "exits",
                "weightExits"), weighted.weights());
        Form assessment = DEFINITION.form("assessment").orElseThrow();
        for (String score : weighted.weights().keySet()) {
            Field field = assessment.field(score).orElseThrow();
            assertEquals(FieldType.DECIMAL, field.type());
            assertEquals(0, BigDecimal.valueOf(100).compareTo(field.max()), score);
        }
    }

    /** Every parameter is read by a limit, a report's minimum or the ranking's weights; none by the rules. */
    @Test
    void everyDeclaredParameterIsUsed() {
        List<String> used = new ArrayList<>();
        DEFINITION.records().stream().flatMap(r -> r.limits().stream())
                .forEach(l -> {
                    if (l.maxParameter() != null) {
                        used.add(l.maxParameter());
                    }
                    if (l.maxByField() != null) {
                        used.addAll(l.maxByField().parameters().values());
                    }
                });
        for (ReportDefinition report : DEFINITION.reports()) {
            if (report.minimum() != null) {
                used.add(report.minimum().parameter());
            }
            report.measures().forEach(m -> used.addAll(m.weights().values()));
        }

        assertEquals(new TreeSet<>(DEFINITION.parameters().stream().map(ParameterDefinition::name).toList()),
                new TreeSet<>(used));
    }

    // ---- texts ----

    @Test
    void bothLanguagesHaveTheSameKeysPlaceholdersAndNoBlankText() {
        Properties en = load(BUNDLE + ".properties");
        Properties zh = load(BUNDLE + "_zh.properties");

        assertEquals(new TreeSet<>(en.stringPropertyNames()), new TreeSet<>(zh.stringPropertyNames()));
        for (String key : en.stringPropertyNames()) {
            assertFalse(en.getProperty(key).isBlank(), key);
            assertFalse(zh.getProperty(key).isBlank(), key);
            assertEquals(placeholders(en.getProperty(key)), placeholders(zh.getProperty(key)), key);
        }
    }

    @Test
    void theChineseTextsAreChineseAndTheEnglishOnesAreNot() {
        Properties en = load(BUNDLE + ".properties");
        Properties zh = load(BUNDLE + "_zh.properties");

        for (String key : zh.stringPropertyNames()) {
            assertTrue(zh.getProperty(key).codePoints().anyMatch(DefinitionTest::han), key);
        }
        for (String key : en.stringPropertyNames()) {
            assertTrue(en.getProperty(key).codePoints().noneMatch(DefinitionTest::han), key);
        }
    }

    @Test
    void everyKeyTheCodeNamesResolvesInBothLanguages() throws IOException {
        Properties en = load(BUNDLE + ".properties");
        Properties zh = load(BUNDLE + "_zh.properties");
        Pattern literalKey = Pattern.compile("text\\(\"([^\"]+)\"\\s*[,)]");
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = literalKey.matcher(Files.readString(source));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        }

        assertTrue(keys.size() >= 12, keys::toString);
        for (String key : keys) {
            assertTrue(en.containsKey(key) && zh.containsKey(key), key);
        }
        // and the keys the rules build from ids and field names
        for (RecordType type : DEFINITION.records()) {
            assertTrue(en.containsKey("record." + type.id()), type.id());
            type.entries().forEach(e -> assertTrue(en.containsKey("entry." + e.id()), e.id()));
        }
        for (String field : PairingRules.HAPPENED) {
            assertTrue(en.containsKey("field." + field), field);
        }
        PairingRules.START.values().forEach(field -> assertTrue(en.containsKey("field." + field), field));
        assertNotNull(zh.getProperty("option.planKind.THREE_YEAR"));
    }

    @Test
    void noLabelWasLeftUntranslated() {
        DEFINITION.forms().stream().flatMap(f -> f.fields().stream()).map(Field::label)
                .forEach(text -> assertFalse(text.zh().equals(text.en()), text::toString));
        DEFINITION.forms().stream().flatMap(f -> f.fields().stream()).flatMap(f -> f.options().stream())
                .map(Option::label).forEach(text -> assertFalse(text.zh().equals(text.en()), text::toString));
        assertNull(DEFINITION.form("attendance").orElseThrow().field("member").orElseThrow().pattern());
    }

    // ---- helpers ----

    private static List<String> words(String text) {
        return text == null || text.isBlank() ? List.of() : List.of(text.trim().split("\\s+"));
    }

    private static List<String> options(Field field) {
        return field.options().stream().map(Option::code).sorted().toList();
    }

    private static boolean han(int c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    private static Set<String> placeholders(String text) {
        return PLACEHOLDER.matcher(text).results().map(r -> r.group()).collect(Collectors.toSet());
    }

    private static Properties load(String resource) {
        try (InputStream in = DefinitionTest.class.getResourceAsStream(resource)) {
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
