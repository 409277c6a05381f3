package org.fupin.programs.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.fupin.program.api.Field;
import org.fupin.program.api.FieldType;
import org.fupin.program.api.Form;
import org.fupin.program.api.Option;
import org.fupin.registry.model.LocalizedText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.ObjectMapper;

class FormValuesTest {
    static final LocalizedText L = new LocalizedText("标签", "label");
    static final Form FORM = new Form("application", L, List.of(
            Field.of("name", FieldType.TEXT, L, true).between(2, 10),
            Field.of("code", FieldType.TEXT, L, false).matching("[A-Z]{2}\\d{4}"),
            Field.of("years", FieldType.INTEGER, L, true).between(1, 5),
            Field.of("ratio", FieldType.DECIMAL, L, false).between(0, 1),
            Field.of("amount", FieldType.MONEY, L, false),
            Field.of("on", FieldType.DATE, L, false),
            Field.of("flag", FieldType.BOOLEAN, L, false),
            Field.code("kind", L, false, List.of(new Option("A", L), new Option("B", L))),
            Field.of("member", FieldType.MEMBER, L, false)));
    static final ObjectMapper JSON = new ObjectMapper();

    static FormValues.Checked check(String json) throws Exception {
        return FormValues.check(FORM, JSON.readTree(json), Set.of("m1", "m2"), "data");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"years":3}                                   | data.name   | 必填
            {"name":"张","years":3}                        | data.name   | 长度应为 2 至 10 个字符
            {"name":"张三李四王五赵六钱七孙","years":3}         | data.name   | 长度应为 2 至 10 个字符
            {"name":12,"years":3}                          | data.name   | 应为文本
            {"name":"张三","years":3,"code":"ab1234"}        | data.code   | 格式不正确
            {"name":"张三"}                                 | data.years  | 必填
            {"name":"张三","years":0}                       | data.years  | 应在 1 至 5 之间
            {"name":"张三","years":6}                       | data.years  | 应在 1 至 5 之间
            {"name":"张三","years":2.5}                     | data.years  | 应为整数
            {"name":"张三","years":"3"}                     | data.years  | 应为整数
            {"name":"张三","years":3,"ratio":1.01}          | data.ratio  | 应在 0 至 1 之间
            {"name":"张三","years":3,"amount":10.001}       | data.amount | 应为以元为单位、最多两位小数的金额
            {"name":"张三","years":3,"amount":-1}           | data.amount | 应为以元为单位、最多两位小数的金额
            {"name":"张三","years":3,"on":"2026-02-30"}     | data.on     | 应为日期，如 2026-09-01
            {"name":"张三","years":3,"flag":"yes"}          | data.flag   | 应为 true 或 false
            {"name":"张三","years":3,"kind":"C"}            | data.kind   | 取值无效；可选：A, B
            {"name":"张三","years":3,"member":"m9"}         | data.member | 不是本户现有成员
            {"name":"张三","years":3,"colour":"red"}        | data.colour | 表单中没有此字段
            """)
    void eachProblemNamesItsField(String json, String field, String zh) throws Exception {
        var checked = check(json);

        assertEquals(1, checked.violations().size(), checked.violations().toString());
        assertEquals(field, checked.violations().get(0).field());
        assertEquals(zh, checked.violations().get(0).message().zh());
    }

    @Test
    void validValuesArriveAsTheDocumentedJavaTypes() throws Exception {
        var checked = check("""
                {"name":" 张三 ","years":5,"ratio":0.5,"amount":1500.50,"on":"2026-09-01","flag":true,"kind":"B",
                 "member":"m2","code":"AB1234"}""");

        assertEquals(List.of(), checked.violations());
        assertEquals("张三", checked.values().get("name"));
        assertEquals(5L, checked.values().get("years"));
        assertEquals(new BigDecimal("0.5"), checked.values().get("ratio"));
        assertEquals(new BigDecimal("1500.5"), checked.values().get("amount"));
        assertEquals(LocalDate.of(2026, 9, 1), checked.values().get("on"));
        assertEquals(true, checked.values().get("flag"));
        assertEquals("m2", checked.values().get("member"));
    }

    @Test
    void storedValuesReadBackToTheSameTypes() throws Exception {
        var checked = check("{\"name\":\"张三\",\"years\":2,\"amount\":12.3,\"on\":\"2026-03-01\",\"kind\":\"A\"}");

        var stored = FormValues.toJson(checked.values()).toString();

        assertEquals(checked.values(), FormValues.fromJson(FORM, JSON.readTree(stored)));
    }

    static final Form REFERRAL = new Form("application", L, List.of(
            Field.of("outOfCounty", FieldType.BOOLEAN, L, false),
            Field.of("referralNumber", FieldType.TEXT, L, false).requiredWhen("outOfCounty", "true"),
            Field.code("ward", L, false, List.of(new Option("GENERAL", L), new Option("ICU", L))),
            Field.of("icuDays", FieldType.INTEGER, L, false).requiredWhen("ward", "ICU"),
            Field.of("ward2", FieldType.TEXT, L, false),
            Field.of("ward2Note", FieldType.TEXT, L, false).requiredWhen("ward2")));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            {}                                                 | -                   | -
            {"outOfCounty":false}                              | -                   | -
            {"outOfCounty":true}                               | data.referralNumber | outOfCounty 为 true 时必填
            {"outOfCounty":true,"referralNumber":" "}          | data.referralNumber | outOfCounty 为 true 时必填
            {"outOfCounty":true,"referralNumber":"ZZ2026-118"} | -                   | -
            {"ward":"GENERAL"}                                 | -                   | -
            {"ward":"ICU"}                                     | data.icuDays        | ward 为 ICU 时必填
            {"ward":"ICU","icuDays":0.5}                       | data.icuDays        | 应为整数
            {"ward2":"三病区"}                                   | data.ward2Note      | ward2 为 三病区 时必填
            """)
    void aFieldRequiredWhenAnotherHasAValueIsRequiredThenOnly(String json, String field, String zh) throws Exception {
        var checked = FormValues.check(REFERRAL, JSON.readTree(json), Set.of(), "data");

        if (field == null) {
            assertEquals(List.of(), checked.violations());
        } else {
            assertEquals(1, checked.violations().size(), checked.violations().toString());
            assertEquals(field, checked.violations().get(0).field());
            assertEquals(zh, checked.violations().get(0).message().zh());
        }
    }

    /** A plan's measure names the household's application that carries it out: of that household, of its program. */
    static final Form MEASURE = new Form("measure", L, List.of(
            Field.application("training", L, false, "yulu"),
            Field.application("any", L, false, null)));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            {}                             | -             | -
            {"training":"a-yulu"}          | -             | -
            {"any":"a-housing"}            | -             | -
            {"training":"a-housing"}       | data.training | 申请 a-housing 属于项目 housing，不是项目 yulu 的申请
            {"training":"a-elsewhere"}     | data.training | 不是本户的申请：a-elsewhere
            {"any":7}                      | data.any      | 不是本户的申请：7
            """)
    void anApplicationFieldNamesOneOfTheHouseholdsApplicationsOfItsProgram(String json, String field, String zh)
            throws Exception {
        var household = new FormValues.Household(Set.of(), () -> java.util.Map.of("a-yulu", "yulu",
                "a-housing", "housing"));

        var checked = FormValues.check(MEASURE, JSON.readTree(json), household, "data");

        if (field == null) {
            assertEquals(List.of(), checked.violations());
        } else {
            assertEquals(1, checked.violations().size(), checked.violations().toString());
            assertEquals(field, checked.violations().get(0).field());
            assertEquals(zh, checked.violations().get(0).message().zh());
        }
    }

    @Test
    void aFormWithoutApplicationFieldsNeverReadsTheHouseholdsApplications() throws Exception {
        var household = new FormValues.Household(Set.of("m1"), () -> {
            throw new AssertionError("read the applications");
        });

        assertEquals(List.of(), FormValues.check(FORM, JSON.readTree("{\"name\":\"王小明\",\"years\":3}"), household,
                "data").violations());
    }
}
