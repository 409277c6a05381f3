package org.fupin.yulu.internal;

import static org.fupin.yulu.internal.Fixtures.DEFINITION;
import static org.fupin.yulu.internal.Fixtures.PROGRAM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.time.LocalDate;
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
import org.fupin.program.api.ReportDefinition.Dimension;
import org.fupin.program.api.ReportDefinition.Measure;
import org.fupin.program.api.ReportDefinition;
import org.fupin.program.api.State;
import org.fupin.program.api.Step;
import org.fupin.program.api.Transition;
import org.fupin.program.api.Workflow;
import org.fupin.registry.model.HouseholdStatus;
import org.fupin.registry.model.LocalizedText;
import org.fupin.registry.model.RegionLevel;
import org.fupin.registry.model.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DefinitionTest {
    private static final String BUNDLE = "/PROGRAM-INF/messages";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");

    @Test
    void descriptor() {
        var descriptor = DEFINITION.descriptor();

        assertEquals("yulu", descriptor.id());
        assertEquals(new LocalizedText("雨露计划", "Rain and Dew Plan (vocational education subsidy)"),
                descriptor.name());
        assertEquals("poverty-office", descriptor.agency());
        assertEquals(new LocalizedText("扶贫办", "Poverty Alleviation Office"), descriptor.agencyName());
        assertFalse(descriptor.description().zh().isBlank());
        assertFalse(descriptor.description().en().isBlank());
    }

    @Test
    void theDeclarationPassesThePlatformsChecks() {
        assertEquals(List.of(), PROGRAM.declaration().problems());
    }

    @ParameterizedTest(name = "{0}: {1} {2} in [{3}, {4}] {5}")
    @CsvSource({
            "termAmount, MONEY,   1500, 0,  10000, 元/学期, yuan per term",
            "minAge,     INTEGER, 14,   10, 30,    岁,      years",
            "maxAge,     INTEGER, 30,   14, 60,    岁,      years",
            "noticeDays, INTEGER, 5,    0,  30,    天,      days",
    })
    void parameters(String name, ParameterDefinition.Type type, BigDecimal defaultValue, BigDecimal min,
            BigDecimal max, String unitZh, String unitEn) {
        ParameterDefinition parameter = DEFINITION.parameter(name).orElseThrow();

        assertEquals(type, parameter.type());
        assertEquals(0, defaultValue.compareTo(parameter.defaultValue()));
        assertEquals(0, min.compareTo(parameter.min()));
        assertEquals(0, max.compareTo(parameter.max()));
        assertEquals(new LocalizedText(unitZh, unitEn), parameter.unit());
    }

    @Test
    void exactlyTheseParameters() {
        assertEquals(List.of("termAmount", "minAge", "maxAge", "noticeDays"),
                DEFINITION.parameters().stream().map(ParameterDefinition::name).toList());
    }

    @ParameterizedTest(name = "{0}.{1}: {2} required {3} [{4}, {5}] {6}")
    @CsvSource({
            "application, student,        MEMBER,  true,  ,     ,     ",
            "application, schoolName,     TEXT,    true,  2,    60,   ",
            "application, schoolType,     CODE,    true,  ,     ,     SECONDARY_VOCATIONAL HIGHER_VOCATIONAL",
            "application, schoolSubtype,  CODE,    true,  ,     ,     TECHNICAL_SECONDARY VOCATIONAL_HIGH TECHNICIAN_SCHOOL JUNIOR_COLLEGE HIGHER_VOCATIONAL_COLLEGE TECHNICIAN_COLLEGE",
            "application, enrolmentYear,  INTEGER, true,  2000, 2100, ",
            "application, programmeYears, INTEGER, true,  1,    5,    ",
            "application, major,          TEXT,    false, ,     60,   ",
            "application, studentNumber,  TEXT,    false, ,     40,   ",
            "payment,     termYear,       INTEGER, true,  2000, 2100, ",
            "payment,     season,         CODE,    true,  ,     ,     AUTUMN SPRING",
            "payment,     enrolmentProof, TEXT,    true,  1,    60,   ",
    })
    void fields(String formId, String name, FieldType type, boolean required, BigDecimal min, BigDecimal max,
            String options) {
        Field field = DEFINITION.form(formId).orElseThrow().field(name).orElseThrow();

        assertEquals(type, field.type());
        assertEquals(required, field.required());
        assertEquals(min == null ? null : min.stripTrailingZeros(),
                field.min() == null ? null : field.min().stripTrailingZeros());
        assertEquals(max == null ? null : max.stripTrailingZeros(),
                field.max() == null ? null : field.max().stripTrailingZeros());
        assertEquals(options == null ? List.of() : List.of(options.split(" ")),
                field.options().stream().map(Option::code).toList());
    }

    @Test
    void exactlyTheseFormsAndFields() {
        assertEquals(List.of("application", "payment"), DEFINITION.forms().stream().map(Form::id).toList());
        assertEquals(List.of("student", "schoolName", "schoolType", "schoolSubtype", "enrolmentYear",
                "programmeYears", "major", "studentNumber"), names(DEFINITION.form(Form.APPLICATION).orElseThrow()));
        assertEquals(List.of("termYear", "season", "enrolmentProof"),
                names(DEFINITION.form("payment").orElseThrow()));
    }

    @ParameterizedTest(name = "{0}.{1}: {2} / {3}")
    @CsvSource({
            "schoolType,    SECONDARY_VOCATIONAL,      中职,                 secondary vocational",
            "schoolType,    HIGHER_VOCATIONAL,         高职,                 higher vocational",
            "schoolSubtype, TECHNICAL_SECONDARY,       中专（中等专业学校）, technical secondary school",
            "schoolSubtype, VOCATIONAL_HIGH,           职业高中,             vocational high school",
            "schoolSubtype, TECHNICIAN_SCHOOL,         技工学校,             technician school",
            "schoolSubtype, JUNIOR_COLLEGE,            大专,                 junior college",
            "schoolSubtype, HIGHER_VOCATIONAL_COLLEGE, 高职院校,             higher vocational college",
            "schoolSubtype, TECHNICIAN_COLLEGE,        技师学院,             technician college",
            "season,        AUTUMN,                    秋季学期,             autumn term",
            "season,        SPRING,                    春季学期,             spring term",
    })
    void optionLabels(String field, String code, String zh, String en) {
        Field declared = DEFINITION.forms().stream().flatMap(f -> f.field(field).stream()).findFirst().orElseThrow();

        assertEquals(new LocalizedText(zh, en), declared.option(code).orElseThrow().label());
    }

    @ParameterizedTest(name = "{0}: {1}, notice {2}, terminal {3}")
    @CsvSource({
            "SUBMITTED, 已提交,               , false",
            "VERIFIED,  乡镇已审核（公示中）, noticeDays, false",
            "APPROVED,  县级已审批,           , false",
            "REJECTED,  已驳回,               , true",
            "CLOSED,    资助结束,             , true",
    })
    void states(String id, String zh, String noticeParameter, boolean terminal) {
        State state = DEFINITION.workflow().state(id).orElseThrow();

        assertEquals(zh, state.label().zh());
        assertEquals(noticeParameter, state.noticeParameter());
        assertEquals(terminal, state.terminal());
    }

    @Test
    void oneOpenApplicationPerStudentAndOnePaymentPerTermAreDeclaredLimits() {
        assertEquals(List.of(
                new Limit("yulu.one-application-per-student", Limit.Measure.OPEN_APPLICATIONS, Limit.Per.MEMBER, null,
                        java.math.BigDecimal.ONE, null, "student"),
                new Limit("yulu.one-payment-per-term", Limit.Measure.PAYMENTS, Limit.Per.MEMBER, Limit.Within.PERIOD,
                        java.math.BigDecimal.ONE, null, "season")), DEFINITION.limits());
        // open means not terminal: a rejected or closed application lets the student apply again
        assertEquals(List.of("REJECTED", "CLOSED"), DEFINITION.workflow().states().stream().filter(State::terminal)
                .map(State::id).toList());
    }

    @Test
    void workflowStartsSubmittedWithTheseStatesAndActions() {
        Workflow workflow = DEFINITION.workflow();

        assertEquals("SUBMITTED", workflow.initialState());
        assertEquals(List.of("SUBMITTED", "VERIFIED", "APPROVED", "REJECTED", "CLOSED"),
                workflow.states().stream().map(State::id).toList());
        assertEquals(List.of("verify", "object", "approve", "reject", "pay", "close"),
                workflow.transitions().stream().map(Transition::action).toList());
    }

    @ParameterizedTest(name = "{0} ({1}): {2} -> {3}")
    @CsvSource({
            "verify,  乡镇审核,       SUBMITTED,          VERIFIED,  TOWNSHIP_OFFICER,                              TOWNSHIP, ,        false, false, false",
            "object,  公示异议退回,   VERIFIED,           SUBMITTED, VILLAGE_CLERK TOWNSHIP_OFFICER,                VILLAGE,  ,        true,  false, true",
            "approve, 县级审批,       VERIFIED,           APPROVED,  PROGRAM_OFFICER COUNTY_ADMIN,                  COUNTY,   ,        false, true, false",
            "reject,  驳回,           SUBMITTED VERIFIED, REJECTED,  TOWNSHIP_OFFICER PROGRAM_OFFICER COUNTY_ADMIN, TOWNSHIP, ,        true,  false, false",
            "pay,     发放学期补助,   APPROVED,           APPROVED,  PROGRAM_OFFICER,                               COUNTY,   payment, false, false, false",
            "close,   结束资助,       APPROVED,           CLOSED,    PROGRAM_OFFICER COUNTY_ADMIN,                  COUNTY,   ,        true,  false, false",
    })
    void transitions(String action, String zh, String from, String to, String roles, RegionLevel level, String form,
            boolean reasonRequired, boolean afterNotice, boolean duringNotice) {
        Transition transition = DEFINITION.workflow().transition(action).orElseThrow();

        assertEquals(zh, transition.label().zh());
        assertEquals(List.of(from.split(" ")), transition.from());
        assertEquals(to, transition.to());
        assertEquals(Arrays.stream(roles.split(" ")).map(Role::valueOf).collect(Collectors.toSet()),
                transition.roles());
        assertEquals(level, transition.level());
        assertEquals(form, transition.form());
        assertEquals(reasonRequired, transition.reasonRequired());
        assertEquals(afterNotice, transition.afterNotice());
        assertEquals(duringNotice, transition.duringNotice(), "an objection is possible only while on notice");
    }

    @ParameterizedTest(name = "{0}: {1} by {2} measuring {3}")
    @CsvSource({
            "students-by-region,      BENEFITS,     REGION,       PEOPLE AMOUNT",
            "students-by-term,        BENEFITS,     PERIOD,       PEOPLE AMOUNT",
            "students-by-school-type, BENEFITS,     FIELD,        PEOPLE AMOUNT",
            "applications-by-state,   APPLICATIONS, REGION STATE, RECORDS",
    })
    void reports(String id, ReportDefinition.Source source, String dimensions, String measures) {
        ReportDefinition report = DEFINITION.report(id).orElseThrow();

        assertEquals(source, report.source());
        assertEquals(List.of(dimensions.split(" ")),
                report.dimensions().stream().map(d -> d.kind().name()).toList());
        assertEquals(List.of(measures.split(" ")), report.measures().stream().map(m -> m.kind().name()).toList());
        assertFalse(report.title().zh().isBlank());
        assertFalse(report.title().en().isBlank());
    }

    @Test
    void reportLabels() {
        ReportDefinition byRegion = DEFINITION.report("students-by-region").orElseThrow();
        ReportDefinition bySchool = DEFINITION.report("students-by-school-type").orElseThrow();

        assertEquals(List.of("受助学生数", "补助金额（元）"), byRegion.measures().stream().map(m -> m.label().zh()).toList());
        assertEquals("schoolType", bySchool.dimensions().get(0).field());
        assertEquals("申请数", DEFINITION.report("applications-by-state").orElseThrow().measures().get(0).label().zh());
        assertEquals(6, DEFINITION.reports().size());
        assertEquals(ReportDefinition.Chart.BAR, byRegion.chart());
        var length = DEFINITION.report("programme-length-by-school-type").orElseThrow();
        assertEquals(List.of("records", "average.programmeYears", "max.programmeYears"),
                length.measures().stream().map(ReportDefinition.Measure::key).toList());
        assertEquals("平均学制（年）", length.measures().get(1).label().zh());
        assertEquals(ReportDefinition.Dimension.Kind.YEAR,
                DEFINITION.report("applications-by-year").orElseThrow().dimensions().get(0).kind());
    }

    // ---- consistency -------------------------------------------------------------------------------------------

    @Test
    void transitionsNameDeclaredStatesAndForms() {
        Workflow workflow = DEFINITION.workflow();
        Set<String> states = workflow.states().stream().map(State::id).collect(Collectors.toSet());

        assertTrue(states.contains(workflow.initialState()));
        for (Transition t : workflow.transitions()) {
            assertTrue(states.contains(t.to()), t.action());
            assertTrue(states.containsAll(t.from()), t.action());
            assertTrue(t.form() == null || DEFINITION.form(t.form()).isPresent(), t.action());
            assertFalse(t.from().stream().anyMatch(s -> workflow.state(s).orElseThrow().terminal()), t.action());
            assertFalse(t.roles().isEmpty(), t.action());
        }
        // every non-terminal state can be left, every state but the initial one can be reached
        for (State state : workflow.states()) {
            boolean left = workflow.transitions().stream().anyMatch(t -> t.from().contains(state.id()));
            boolean reached = state.id().equals(workflow.initialState())
                    || workflow.transitions().stream().anyMatch(t -> t.to().equals(state.id()));
            assertEquals(!state.terminal(), left, state.id());
            assertTrue(reached, state.id());
        }
    }

    @Test
    void afterNoticeActionsLeaveAStateWithANotice() {
        for (Transition t : DEFINITION.workflow().transitions()) {
            if (t.afterNotice()) {
                assertTrue(t.from().stream()
                        .allMatch(s -> DEFINITION.workflow().state(s).orElseThrow().noticeParameter() != null),
                        t.action());
            }
        }
    }

    @Test
    void reportFieldDimensionsNameApplicationFields() {
        Form application = DEFINITION.form(Form.APPLICATION).orElseThrow();
        for (ReportDefinition report : DEFINITION.reports()) {
            for (Dimension dimension : report.dimensions()) {
                if (dimension.kind() == Dimension.Kind.FIELD) {
                    assertTrue(application.field(dimension.field()).isPresent(), report.id());
                } else {
                    assertNull(dimension.field(), report.id());
                }
            }
            for (Measure measure : report.measures()) {
                assertTrue(report.source() == ReportDefinition.Source.BENEFITS
                        || measure.kind() != Measure.Kind.AMOUNT, report.id());
            }
        }
    }

    @Test
    void theApplicationFormNamesItsStudent() {
        assertEquals("student", DEFINITION.form(Form.APPLICATION).orElseThrow().memberField().orElseThrow().name());
    }

    @Test
    void codeEnumsMatchTheFormOptions() {
        Form application = DEFINITION.form(Form.APPLICATION).orElseThrow();
        assertEquals(codes(SchoolType.values()), options(application.field("schoolType").orElseThrow()));
        assertEquals(codes(SchoolSubtype.values()), options(application.field("schoolSubtype").orElseThrow()));
        assertEquals(codes(Term.Season.values()),
                options(DEFINITION.form("payment").orElseThrow().field("season").orElseThrow()));
    }

    @Test
    void everyParameterARuleReadsIsDeclared() {
        // run every rule path with parameters that record what is read (and refuse undeclared names)
        var context = Fixtures.context().withToday(LocalDate.of(2027, 3, 1));
        var approved = Fixtures.approved(List.of());

        PROGRAM.eligibility(context);
        PROGRAM.check(Fixtures.fileStep(Fixtures.filing()), context);
        PROGRAM.check(Fixtures.payStep(approved, 2026, "AUTUMN"), context);
        PROGRAM.benefits(Fixtures.payStep(approved, 2026, "AUTUMN"), context);
        for (Transition t : DEFINITION.workflow().transitions()) {
            var step = new Step(t.action(), approved, t.form() == null ? Map.of() : Fixtures.payment(2026, "AUTUMN"),
                    null);
            PROGRAM.check(step, context);
            PROGRAM.benefits(step, context);
        }

        Set<String> declared = DEFINITION.parameters().stream().map(ParameterDefinition::name)
                .collect(Collectors.toSet());
        assertEquals(Set.of("termAmount", "minAge", "maxAge"), context.parametersRead());
        assertTrue(declared.containsAll(context.parametersRead()));
        for (State state : DEFINITION.workflow().states()) {
            assertTrue(state.noticeParameter() == null || declared.contains(state.noticeParameter()), state.id());
        }
        // every declared parameter is used, by a rule or as a notice period
        Set<String> used = new TreeSet<>(context.parametersRead());
        DEFINITION.workflow().states().stream().map(State::noticeParameter).filter(p -> p != null).forEach(used::add);
        assertEquals(new TreeSet<>(declared), used);
    }

    @Test
    void ineligibleStatusesAlsoReadNoParameterTheyDoNotDeclare() {
        var context = Fixtures.context();
        for (HouseholdStatus status : HouseholdStatus.values()) {
            PROGRAM.eligibility(context.withHousehold(Fixtures.household(status, Fixtures.student())));
        }
        assertTrue(Set.of("minAge", "maxAge").containsAll(context.parametersRead()));
    }

    // ---- messages ----------------------------------------------------------------------------------------------

    @Test
    void bothLanguagesHaveTheSameKeys() {
        Properties en = load(BUNDLE + ".properties");
        Properties zh = load(BUNDLE + "_zh.properties");

        assertEquals(new TreeSet<>(en.stringPropertyNames()), new TreeSet<>(zh.stringPropertyNames()));
    }

    @Test
    void bothLanguagesHaveTheSamePlaceholdersAndNoBlankText() {
        Properties en = load(BUNDLE + ".properties");
        Properties zh = load(BUNDLE + "_zh.properties");

        for (String key : en.stringPropertyNames()) {
            assertFalse(en.getProperty(key).isBlank(), key);
            assertFalse(zh.getProperty(key, "").isBlank(), key);
            assertEquals(placeholders(en.getProperty(key)), placeholders(zh.getProperty(key, "")), key);
        }
    }

    @Test
    void theChineseBundleIsChineseAndTheEnglishOneIsNot() {
        Properties en = load(BUNDLE + ".properties");
        Properties zh = load(BUNDLE + "_zh.properties");

        assertTrue(zh.getProperty("program.name").codePoints()
                .allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN));
        for (String key : en.stringPropertyNames()) {
            assertTrue(en.getProperty(key).codePoints()
                    .noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN), key);
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

        assertTrue(keys.size() >= 10, keys::toString);
        for (String key : keys) {
            assertTrue(en.containsKey(key), key);
            assertTrue(zh.containsKey(key), key);
        }
        // and the keys the code builds from ids: every one of them is in the definition, which resolved them
        for (State state : DEFINITION.workflow().states()) {
            assertTrue(en.containsKey("state." + state.id()), state.id());
        }
    }

    @Test
    void noTextWasLeftUntranslated() {
        // ProgramMessages returns the pattern itself; a label equal in both languages was probably not translated
        Stream.of(DEFINITION.descriptor().name(), DEFINITION.descriptor().agencyName())
                .forEach(text -> assertFalse(text.zh().equals(text.en()), text::toString));
        DEFINITION.forms().stream().flatMap(f -> f.fields().stream()).map(Field::label)
                .forEach(text -> assertFalse(text.zh().equals(text.en()), text::toString));
    }

    private static List<String> names(Form form) {
        return form.fields().stream().map(Field::name).toList();
    }

    private static List<String> codes(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).sorted().toList();
    }

    private static List<String> options(Field field) {
        return field.options().stream().map(Option::code).sorted().toList();
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
