package org.fupin.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.fupin.registry.api.ValidationException;
import org.fupin.registry.model.AnnualIncome;
import org.fupin.registry.model.Cause;
import org.fupin.registry.model.Fuel;
import org.fupin.registry.model.Household;
import org.fupin.registry.model.Housing;
import org.fupin.registry.model.Member;
import org.fupin.registry.model.Relation;
import org.fupin.registry.model.SchoolStatus;
import org.fupin.registry.model.Sex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every registry rule, one row each: a valid household changed in one way, and the field and reason expected. */
class HouseholdValidatorTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    static final HouseholdValidator VALIDATOR = new HouseholdValidator(code -> code.startsWith("620502"),
            new ExtensionValues(Map.of(), org.fupin.registry.api.Actor.unrestricted("test")));

    static Stream<Arguments> brokenHouseholds() {
        return Stream.of(
                row("no village", h -> with(h, "villageCode", null), "villageCode", "村代码不能为空"),
                row("11-digit village", h -> with(h, "villageCode", "62050200100"), "villageCode", "12 位数字"),
                row("village outside scope", h -> with(h, "villageCode", "110101001001"), "villageCode", "不在区划表中"),
                row("mobile with 10 digits", h -> with(h, "phone", "1391234567"), "phone", "联系电话格式不正确"),
                row("bank account with letters", h -> with(h, "bankAccount", "62284800ABC"), "bankAccount", "格式不正确"),
                row("group too long", h -> with(h, "villageGroup", "组".repeat(21)), "villageGroup", "最多 20 个字符"),
                row("no standard", h -> with(h, "identificationStandard", null), "identificationStandard", "识别标准不能为空"),
                row("no attribute", h -> with(h, "attribute", null), "attribute", "贫困户属性不能为空"),
                row("no main cause", h -> with(h, "mainCause", null), "mainCause", "主要致贫原因不能为空"),
                row("three other causes", h -> with(h, "otherCauses",
                        List.of(Cause.DISASTER, Cause.LACK_OF_LAND, Cause.LACK_OF_WATER)), "otherCauses", "最多 2 项"),
                row("other cause = main", h -> with(h, "otherCauses", List.of(Cause.ILLNESS)), "otherCauses[0]", "已是主要致贫原因"),
                row("other cause twice", h -> with(h, "otherCauses", List.of(Cause.DISASTER, Cause.DISASTER)),
                        "otherCauses[1]", "重复"),
                row("identified in 2012", h -> with(h, "identifiedYear", 2012), "identifiedYear", "2013 到 2026"),
                row("identified next year", h -> with(h, "identifiedYear", 2027), "identifiedYear", "2013 到 2026"),
                row("no members", h -> withMembers(h, List.of()), "members", "至少有一名家庭成员"),
                row("two heads", h -> member(h, 1, m -> relation(m, Relation.HEAD)), "members", "只能有一名户主，实有 2 名"),
                row("no head", h -> member(h, 0, m -> relation(m, Relation.SON)), "members", "实有 0 名"),
                row("member without name", h -> member(h, 2, m -> named(m, " ")), "members[2].name", "第 3 名成员的姓名不能为空"),
                row("bad check character", h -> member(h, 0, m -> idNumber(m, flipLast(m.idNumber()))),
                        "members[0].idNumber", "校验位错误"),
                row("sex against the ID", h -> member(h, 1, m -> sex(m, Sex.MALE)), "members[1].sex", "与身份证号所示性别（女）不符"),
                row("same person twice", h -> member(h, 3, m -> idNumber(m, h.members().get(2).idNumber())),
                        "members[3].idNumber", "在本户重复出现"),
                row("unknown ethnicity", h -> member(h, 0, m -> ethnicity(m, "57")), "members[0].ethnicity", "未知的民族代码"),
                row("grade 7 of primary", h -> member(h, 3, m -> school(m, SchoolStatus.PRIMARY, 7)),
                        "members[3].schoolGrade", "应为 1–6"),
                row("grade without school", h -> member(h, 3, m -> school(m, SchoolStatus.NOT_IN_SCHOOL, 2)),
                        "members[3].schoolGrade", "只有小学、初中、高中在校生"),
                row("13 months of work", h -> member(h, 0, m -> months(m, 13)), "members[0].workMonths", "0 到 12"),
                row("disability certificate of someone else", h -> member(h, 0, m -> certificate(m, "11010519491231002X11")),
                        "members[0].disabilityCertificate", "身份证号加 2 位数字"),
                row("disability grade 5", h -> member(h, 0, m -> certificate(m, m.idNumber() + "15")),
                        "members[0].disabilityCertificate", "等级 1–4"),
                row("negative wage", h -> income(h, new BigDecimal("-1"), 2025), "incomes[0].wage", "0 到"),
                row("wage with fen fractions", h -> income(h, new BigDecimal("100.123"), 2025), "incomes[0].wage", "最多保留 2 位小数"),
                row("income of 2012", h -> income(h, BigDecimal.TEN, 2012), "incomes[0].year", "2013 到 2026"),
                row("four fuels", h -> fuels(h, List.of(Fuel.COAL, Fuel.DUNG, Fuel.FIREWOOD, Fuel.OTHER)), "housing.fuels", "最多 3 项"),
                row("fuel twice", h -> fuels(h, List.of(Fuel.COAL, Fuel.COAL)), "housing.fuels", "重复"),
                row("unknown extension", h -> with(h, "extensions", Map.of("housing.dangerGrade", "C")),
                        "extensions.housing.dangerGrade", "没有已安装的项目声明扩展字段"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenHouseholds")
    void namesTheFieldAndTheReason(String what, UnaryOperator<Household> breakIt, String field, String reasonZh) {
        var invalid = assertThrows(ValidationException.class,
                () -> VALIDATOR.normalise(breakIt.apply(Samples.household(1)), TODAY));

        var matching = invalid.violations().stream().filter(v -> v.field().equals(field)).toList();
        assertEquals(1, matching.size(), () -> invalid.violations().toString());
        assertTrue(matching.get(0).message().zh().contains(reasonZh), matching.get(0).message().zh());
        assertTrue(!matching.get(0).message().en().isBlank());
    }

    @Test
    void aValidHouseholdIsNormalised() {
        Household h = Samples.household(1);
        var lower = member(h, 1, m -> idNumber(m, m.idNumber().toLowerCase()));

        Household normalised = VALIDATOR.normalise(lower, TODAY);

        assertEquals(h.members().get(1).idNumber().toUpperCase(), normalised.members().get(1).idNumber());
        assertEquals(LocalDate.of(1970, 3, 1), normalised.members().get(0).birthDate());
        assertEquals(56, normalised.members().get(0).age());
        assertEquals(new BigDecimal("4050.13"), normalised.incomes().get(0).perCapitaNet());
    }

    @Test
    void collectsEveryProblemAtOnce() {
        Household h = with(with(Samples.household(1), "mainCause", null), "villageCode", "x");

        var invalid = assertThrows(ValidationException.class, () -> VALIDATOR.normalise(h, TODAY));

        assertEquals(List.of("villageCode", "mainCause"), invalid.violations().stream().map(v -> v.field()).toList());
        assertEquals("validation failed (2 problems)", invalid.getMessage());
    }

    // --- one change at a time ----------------------------------------------------------------------------------

    static Arguments row(String what, UnaryOperator<Household> change, String field, String reasonZh) {
        return Arguments.of(what, change, field, reasonZh);
    }

    @SuppressWarnings("unchecked")
    static Household with(Household h, String field, Object value) {
        return new Household(h.id(), h.version(),
                field.equals("villageCode") ? (String) value : h.villageCode(),
                field.equals("villageGroup") ? (String) value : h.villageGroup(),
                field.equals("phone") ? (String) value : h.phone(), h.bankName(),
                field.equals("bankAccount") ? (String) value : h.bankAccount(),
                field.equals("identificationStandard") ? null : h.identificationStandard(),
                field.equals("attribute") ? null : h.attribute(),
                field.equals("mainCause") ? null : h.mainCause(),
                field.equals("otherCauses") ? (List<Cause>) value : h.otherCauses(), h.status(),
                field.equals("identifiedYear") ? (Integer) value : h.identifiedYear(), h.members(), h.incomes(),
                h.housing(), h.assurances(), h.pairings(),
                field.equals("extensions") ? (Map<String, Object>) value : h.extensions(), h.region(), h.createdAt(),
                h.updatedAt());
    }

    static Household withMembers(Household h, List<Member> members) {
        return h.managed(h.id(), h.version(), h.status(), members, h.incomes(), h.pairings(), h.region(),
                h.createdAt(), h.updatedAt());
    }

    static Household member(Household h, int index, UnaryOperator<Member> change) {
        var members = new ArrayList<>(h.members());
        members.set(index, change.apply(members.get(index)));
        return withMembers(h, members);
    }

    static Household income(Household h, BigDecimal wage, int year) {
        var i = h.incomes().get(0);
        return h.managed(h.id(), h.version(), h.status(), h.members(), List.of(new AnnualIncome(year, wage,
                i.business(), i.transfer(), i.property(), i.productionCost(), null, null, null)), h.pairings(),
                h.region(), h.createdAt(), h.updatedAt());
    }

    static Household fuels(Household h, List<Fuel> fuels) {
        var o = h.housing();
        var housing = new Housing(o.area(), o.structure(), o.builtYear(), o.dangerGrade(), o.electricity(), o.water(),
                fuels);
        return new Household(h.id(), h.version(), h.villageCode(), h.villageGroup(), h.phone(), h.bankName(),
                h.bankAccount(), h.identificationStandard(), h.attribute(), h.mainCause(), h.otherCauses(), h.status(),
                h.identifiedYear(), h.members(), h.incomes(), housing, h.assurances(), h.pairings(), h.extensions(),
                h.region(), h.createdAt(), h.updatedAt());
    }

    static String flipLast(String id) {
        return id.substring(0, 17) + (id.charAt(17) == '1' ? '2' : '1');
    }

    static Member relation(Member m, Relation r) {
        return new Member(m.id(), m.name(), m.sex(), m.idNumber(), r, m.ethnicity(), m.education(), m.schoolStatus(),
                m.schoolGrade(), m.health(), m.disabilityCertificate(), m.labourAbility(), m.workStatus(),
                m.workMonths(), m.subsistenceAllowance(), m.medicalInsurance(), m.pensionInsurance(), null, null);
    }

    static Member named(Member m, String name) {
        return new Member(m.id(), name, m.sex(), m.idNumber(), m.relation(), m.ethnicity(), m.education(),
                m.schoolStatus(), m.schoolGrade(), m.health(), m.disabilityCertificate(), m.labourAbility(),
                m.workStatus(), m.workMonths(), false, true, true, null, null);
    }

    static Member idNumber(Member m, String id) {
        return new Member(m.id(), m.name(), m.sex(), id, m.relation(), m.ethnicity(), m.education(), m.schoolStatus(),
                m.schoolGrade(), m.health(), m.disabilityCertificate(), m.labourAbility(), m.workStatus(),
                m.workMonths(), false, true, true, null, null);
    }

    static Member sex(Member m, Sex sex) {
        return new Member(m.id(), m.name(), sex, m.idNumber(), m.relation(), m.ethnicity(), m.education(),
                m.schoolStatus(), m.schoolGrade(), m.health(), m.disabilityCertificate(), m.labourAbility(),
                m.workStatus(), m.workMonths(), false, true, true, null, null);
    }

    static Member ethnicity(Member m, String code) {
        return new Member(m.id(), m.name(), m.sex(), m.idNumber(), m.relation(), code, m.education(),
                m.schoolStatus(), m.schoolGrade(), m.health(), m.disabilityCertificate(), m.labourAbility(),
                m.workStatus(), m.workMonths(), false, true, true, null, null);
    }

    static Member school(Member m, SchoolStatus stage, Integer grade) {
        return new Member(m.id(), m.name(), m.sex(), m.idNumber(), m.relation(), m.ethnicity(), m.education(), stage,
                grade, m.health(), m.disabilityCertificate(), m.labourAbility(), m.workStatus(), m.workMonths(), false,
                true, true, null, null);
    }

    static Member months(Member m, int months) {
        return new Member(m.id(), m.name(), m.sex(), m.idNumber(), m.relation(), m.ethnicity(), m.education(),
                m.schoolStatus(), m.schoolGrade(), m.health(), m.disabilityCertificate(), m.labourAbility(),
                m.workStatus(), months, false, true, true, null, null);
    }

    static Member certificate(Member m, String certificate) {
        return new Member(m.id(), m.name(), m.sex(), m.idNumber(), m.relation(), m.ethnicity(), m.education(),
                m.schoolStatus(), m.schoolGrade(), m.health(), certificate, m.labourAbility(), m.workStatus(),
                m.workMonths(), false, true, true, null, null);
    }
}
