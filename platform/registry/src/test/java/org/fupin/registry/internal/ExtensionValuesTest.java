package org.fupin.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.fupin.registry.api.AccessDeniedException;
import org.fupin.registry.api.Actor;
import org.fupin.registry.api.ExtensionField;
import org.fupin.registry.api.ExtensionField.Type;
import org.fupin.registry.api.Violation;
import org.fupin.registry.model.LocalizedText;
import org.fupin.registry.model.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Extension fields as DOMAIN.md's programs would declare them: every type, bound and editor rule, one row each. */
class ExtensionValuesTest {
    static final Map<String, ExtensionField> DECLARED = Map.of(
            "housing.dangerGrade", field("housing.dangerGrade", Type.CODE, "危房等级", "zhujian", null, null,
                    List.of("A", "B", "C", "D"), Role.COUNTY_ADMIN, Role.PROGRAM_OFFICER),
            "housing.inspections", field("housing.inspections", Type.INTEGER, "鉴定次数", "zhujian", 0, 12, List.of(),
                    Role.PROGRAM_OFFICER),
            "housing.note", field("housing.note", Type.TEXT, "鉴定意见", "zhujian", 2, 10, List.of(),
                    Role.PROGRAM_OFFICER),
            "housing.safe", field("housing.safe", Type.BOOLEAN, "住房安全有保障", "zhujian", null, null, List.of(),
                    Role.PROGRAM_OFFICER),
            "microcredit.creditLimit", field("microcredit.creditLimit", Type.MONEY, "授信额度", "bank", 0, 50000,
                    List.of(), Role.PROGRAM_OFFICER),
            "health.score", field("health.score", Type.DECIMAL, "评分", "weijian", 0, 100, List.of(),
                    Role.PROGRAM_OFFICER),
            "relocation.movedIn", field("relocation.movedIn", Type.DATE, "入住日期", "fagai", null, null, List.of(),
                    Role.VILLAGE_CLERK, Role.PROGRAM_OFFICER));

    /** A program officer of every agency here: the editor rules apply, the agency rule does not. */
    static final Actor OFFICER = new Actor("officer", "620502", null, Set.of(Role.PROGRAM_OFFICER));

    static Stream<Arguments> refused() {
        return Stream.of(
                row("undeclared field", "housing.roofType", "tile", "没有已安装的项目声明扩展字段 housing.roofType"),
                row("code not offered", "housing.dangerGrade", "E", "“危房等级”的值“E”不在可选代码之内（A, B, C, D）"),
                row("code as a number", "housing.dangerGrade", 3, "“危房等级”应为代码"),
                row("integer with decimals", "housing.inspections", 1.5, "“鉴定次数”应为整数"),
                row("integer as text", "housing.inspections", "3", "“鉴定次数”应为整数"),
                row("integer above max", "housing.inspections", 13, "“鉴定次数”应在 0 与 12 之间"),
                row("integer below min", "housing.inspections", -1, "“鉴定次数”应在 0 与 12 之间"),
                row("text too long", "housing.note", "一".repeat(11), "“鉴定意见”应为 2–10 个字"),
                row("text too short", "housing.note", "危", "“鉴定意见”应为 2–10 个字"),
                row("text as a number", "housing.note", 12, "“鉴定意见”应为文字"),
                row("boolean as text", "housing.safe", "yes", "“住房安全有保障”应为 true 或 false"),
                row("money with fen fractions", "microcredit.creditLimit", new BigDecimal("100.123"), "最多两位小数"),
                row("money above 50,000", "microcredit.creditLimit", 50000.01, "“授信额度”应在 0 与 50000 之间"),
                row("decimal as text", "health.score", "80", "“评分”应为数字"),
                row("date not ISO", "relocation.movedIn", "2026/09/01", "“入住日期”应为日期"),
                row("impossible date", "relocation.movedIn", "2026-02-30", "“入住日期”应为日期"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refusesNamingTheFieldAndTheReason(String what, String key, Object value, String reason) {
        var problems = new ArrayList<Violation>();
        var change = new HashMap<String, Object>();
        change.put(key, value);

        var result = new ExtensionValues(DECLARED, OFFICER).apply(Map.of(), change, problems);

        assertEquals(1, problems.size(), problems.toString());
        assertEquals("extensions." + key, problems.get(0).field());
        assertTrue(problems.get(0).message().zh().contains(reason), problems.get(0).message().zh());
        assertEquals(Map.of(), result);
    }

    static Stream<Arguments> accepted() {
        return Stream.of(
                row("a code", "housing.dangerGrade", "D", "D"),
                row("an integer at max", "housing.inspections", 12, 12L),
                row("an integer written 3.0", "housing.inspections", 3.0, 3L),
                row("text of max length", "housing.note", "一".repeat(10), "一".repeat(10)),
                row("false", "housing.safe", false, false),
                row("money at the cap", "microcredit.creditLimit", 50000, new BigDecimal("50000")),
                row("money with fen", "microcredit.creditLimit", 30000.5, new BigDecimal("30000.5")),
                row("a decimal", "health.score", 87.25, new BigDecimal("87.25")),
                row("a date", "relocation.movedIn", "2026-09-01", "2026-09-01"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void storesTheValueConverted(String what, String key, Object value, Object stored) {
        var problems = new ArrayList<Violation>();

        var result = new ExtensionValues(DECLARED, OFFICER).apply(Map.of(), Map.of(key, value), problems);

        assertEquals(List.of(), problems);
        assertEquals(Map.of(key, stored), result);
    }

    @Test
    void aFieldLeftOutKeepsItsValueAndNullClearsIt() {
        var change = new HashMap<String, Object>();
        change.put("housing.dangerGrade", null);
        change.put("housing.inspections", 2);

        var result = new ExtensionValues(DECLARED, OFFICER).apply(
                Map.of("housing.dangerGrade", "C", "housing.safe", true), change, new ArrayList<>());

        assertEquals(Map.of("housing.safe", true, "housing.inspections", 2L), result);
    }

    @Test
    void theValueOfARemovedProgramPassesWhenUnchangedButCannotBeSet() {
        Map<String, Object> stored = Map.of("industry.cooperative", "高山合作社", "industry.shares", 3);
        var problems = new ArrayList<Violation>();

        var kept = new ExtensionValues(DECLARED, OFFICER).apply(stored,
                Map.of("industry.cooperative", "高山合作社", "industry.shares", 3L), problems);
        new ExtensionValues(DECLARED, OFFICER).apply(stored, Map.of("industry.shares", 4), problems);

        assertEquals(stored, kept);
        assertEquals(List.of("extensions.industry.shares"), problems.stream().map(Violation::field).toList());
    }

    @Test
    void onlyTheEditorsSetAFieldAndAProgramOfficerOnlyOfItsAgency() {
        var clerk = new Actor("clerk", "620502", null, Set.of(Role.VILLAGE_CLERK));
        var housingOfficer = new Actor("zj", "620502", "zhujian", Set.of(Role.PROGRAM_OFFICER));
        var bankOfficer = new Actor("bank", "620502", "bank", Set.of(Role.PROGRAM_OFFICER));

        var denied = assertThrows(AccessDeniedException.class, () -> new ExtensionValues(DECLARED, clerk)
                .apply(Map.of(), Map.of("housing.dangerGrade", "C"), new ArrayList<>()));
        assertEquals("扩展字段“危房等级”（housing.dangerGrade）只能由以下角色填写：县级管理员、项目经办人",
                denied.text().zh());
        assertThrows(AccessDeniedException.class, () -> new ExtensionValues(DECLARED, bankOfficer)
                .apply(Map.of(), Map.of("housing.dangerGrade", "C"), new ArrayList<>()));
        assertEquals(Map.of("housing.dangerGrade", "C"), new ExtensionValues(DECLARED, housingOfficer)
                .apply(Map.of(), Map.of("housing.dangerGrade", "C"), new ArrayList<>()));
        assertEquals(Map.of("relocation.movedIn", "2026-09-01"), new ExtensionValues(DECLARED, clerk)
                .apply(Map.of(), Map.of("relocation.movedIn", "2026-09-01"), new ArrayList<>()));
        // an unchanged value needs no rights: a clerk saves a household that carries a county's grade
        assertEquals(Map.of("housing.dangerGrade", "C"), new ExtensionValues(DECLARED, clerk)
                .apply(Map.of("housing.dangerGrade", "C"), Map.of("housing.dangerGrade", "C"), new ArrayList<>()));
    }

    private static Arguments row(String what, String key, Object value, Object expected) {
        return Arguments.of(what, key, value, expected);
    }

    private static ExtensionField field(String key, Type type, String zh, String agency, Integer min, Integer max,
            List<String> codes, Role... editors) {
        return new ExtensionField(key, type, new LocalizedText(zh, key), agency,
                min == null ? null : BigDecimal.valueOf(min), max == null ? null : BigDecimal.valueOf(max), codes,
                Set.of(editors));
    }
}
