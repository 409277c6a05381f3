package org.fupin.program.declaration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fupin.program.api.Application;
import org.fupin.program.api.Benefit;
import org.fupin.program.api.Limit;
import org.fupin.program.api.Parameters;
import org.fupin.program.api.RecordType;
import org.fupin.program.api.RuleContext;
import org.fupin.program.api.Step;
import org.fupin.registry.model.Household;
import org.fupin.registry.model.HouseholdStatus;
import org.fupin.registry.model.Role;
import org.fupin.registry.model.StatusChange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A small declared program without Java (健康扶贫-like: an amount per hospital stay, capped per person per year). */
class ProgramDeclarationsTest {
    static final String JSON = """
            {"id": "health", "agency": "health-bureau", "householdStatuses": ["POOR", "MONITORED"],
             "householdFields": [
               {"name": "chronicDisease", "type": "CODE", "options": ["HYPERTENSION", "DIABETES"],
                "editors": ["PROGRAM_OFFICER"]},
               {"name": "familyDoctor", "type": "BOOLEAN", "editors": ["PROGRAM_OFFICER", "VILLAGE_CLERK"]}],
             "forms": [
               {"id": "application", "fields": [{"name": "patient", "type": "MEMBER", "required": true}]},
               {"id": "payment", "fields": [
                 {"name": "amount", "type": "MONEY", "required": true, "min": 0.01, "max": 50000},
                 {"name": "kind", "type": "CODE", "required": true, "options": ["INPATIENT", "OUTPATIENT"]}]}],
             "workflow": {"initial": "FILED",
               "states": [{"id": "FILED"}, {"id": "CLOSED", "terminal": true}],
               "transitions": [
                 {"action": "pay", "from": ["FILED"], "to": "FILED", "roles": ["PROGRAM_OFFICER"],
                  "level": "COUNTY", "form": "payment", "grant": {"amountField": "amount"}},
                 {"action": "close", "from": ["FILED"], "to": "CLOSED", "roles": ["PROGRAM_OFFICER"],
                  "level": "COUNTY", "reasonRequired": true}]},
             "limits": [{"rule": "health.year-cap", "measure": "AMOUNT", "per": "MEMBER", "within": "YEAR",
                         "maxParameter": "yearCap", "field": "amount"}],
             "reports": [{"id": "paid-by-region", "source": "BENEFITS", "dimensions": [{"kind": "REGION"}],
                          "measures": ["PEOPLE", "AMOUNT"]}],
             "parameters": [{"name": "yearCap", "type": "MONEY", "default": 10000, "min": 0, "max": 100000}],
             "records": [{"id": "visit", "attachedTo": "MEMBER", "form": "application", "editors": ["PROGRAM_OFFICER"],
               "initial": "OPEN", "states": [{"id": "OPEN"}, {"id": "DONE", "terminal": true}],
               "actions": [{"action": "finish", "from": ["OPEN"], "to": "DONE", "roles": ["PROGRAM_OFFICER"],
                            "level": "COUNTY"}],
               "entries": [{"id": "bill", "form": "payment", "amountField": "amount"}]}]}
            """;
    static final String ZH = """
            program.name=健康扶贫
            program.agency=卫健局
            program.description=住院医疗救助
            form.application=救助申请
            form.payment=救助发放
            field.patient=患者
            field.amount=救助金额
            field.kind=类别
            option.kind.INPATIENT=住院
            option.kind.OUTPATIENT=门诊
            state.FILED=已申请
            state.CLOSED=已结束
            action.pay=发放救助
            action.close=结束
            report.paid-by-region=各地区救助情况
            dimension.region=地区
            measure.people=救助人数
            measure.amount=救助金额（元）
            parameter.yearCap=每人每年救助上限
            parameter.yearCap.unit=元/人/年
            household.chronicDisease=签约管理的慢病
            household.chronicDisease.HYPERTENSION=高血压
            household.chronicDisease.DIABETES=糖尿病
            household.familyDoctor=已签约家庭医生
            record.visit=随访
            state.OPEN=随访中
            state.DONE=已结束随访
            action.finish=结束随访
            entry.bill=费用
            """;
    static final String EN = """
            program.name=Health assistance
            program.agency=Health Bureau
            program.description=Inpatient medical assistance
            form.application=Application
            form.payment=Payment
            field.patient=Patient
            field.amount=Amount
            field.kind=Kind
            option.kind.INPATIENT=inpatient
            option.kind.OUTPATIENT=outpatient
            state.FILED=filed
            state.CLOSED=closed
            action.pay=pay
            action.close=close
            report.paid-by-region=Assistance by region
            dimension.region=region
            measure.people=people
            measure.amount=amount (yuan)
            parameter.yearCap=Yearly cap per person
            parameter.yearCap.unit=yuan per person per year
            household.chronicDisease=chronic disease under contract care
            household.chronicDisease.HYPERTENSION=hypertension
            household.chronicDisease.DIABETES=diabetes
            household.familyDoctor=has a contracted family doctor
            record.visit=Follow-up
            state.OPEN=following up
            state.DONE=follow-up done
            action.finish=finish the follow-up
            entry.bill=Bill
            """;

    static Declaration read(String json, String zh, String en) {
        Map<String, String> files = new HashMap<>();
        if (json != null) {
            files.put(ProgramDeclarations.DECLARATION, json);
        }
        if (zh != null) {
            files.put("PROGRAM-INF/messages_zh.properties", zh);
        }
        if (en != null) {
            files.put("PROGRAM-INF/messages.properties", en);
        }
        return ProgramDeclarations.read(path -> files.containsKey(path)
                ? new ByteArrayInputStream(files.get(path).getBytes(StandardCharsets.UTF_8)) : null);
    }

    @Test
    void aCompleteDeclarationIsAProgram() {
        Declaration declaration = read(JSON, ZH, EN);

        assertEquals(List.of(), declaration.problems());
        assertTrue(declaration.usable());
        assertFalse(declaration.javaRules());
        var definition = declaration.definition();
        assertEquals("健康扶贫", definition.descriptor().name().zh());
        assertEquals("Inpatient medical assistance", definition.descriptor().description().en());
        assertEquals("住院", definition.form("payment").orElseThrow().field("kind").orElseThrow()
                .option("INPATIENT").orElseThrow().label().zh());
        assertEquals(new BigDecimal("0.01"), definition.form("payment").orElseThrow().field("amount").orElseThrow()
                .min());
        assertEquals(List.of(Limit.amount("health.year-cap", Limit.Per.MEMBER, Limit.Within.YEAR, "yearCap",
                "amount")), definition.limits());
        assertEquals("元/人/年", definition.parameter("yearCap").orElseThrow().unit().zh());
        assertEquals(new Declaration.Grant(null, "amount"), declaration.grants().get("pay"));
        var chronic = definition.householdFields().get(0);
        assertEquals("health.chronicDisease", chronic.key("health"));
        assertEquals("糖尿病", chronic.field().option("DIABETES").orElseThrow().label().zh());
        assertEquals(Set.of(Role.PROGRAM_OFFICER, Role.VILLAGE_CLERK), definition.householdFields().get(1).editors());
        var visit = definition.record("visit").orElseThrow();
        assertEquals("随访", visit.label().zh());
        assertEquals(RecordType.Attachment.MEMBER, visit.attachedTo());
        assertEquals("结束随访", visit.action("finish").orElseThrow().label().zh());
        assertEquals("amount", visit.entry("bill").orElseThrow().amountField());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not JSON                  | {"id": "health",                        | PROGRAM-INF/program.json: not JSON:
            an unknown property       | "householdStatuses"=>"statuses"         | PROGRAM-INF/program.json: statuses: Unrecognized field "statuses"
            an unknown field type     | "MONEY"=>"CASH"                         | PROGRAM-INF/program.json: forms[1].fields[0].type: Cannot deserialize value of type `org.fupin.program.api.FieldType` from String "CASH"
            a missing id              | "id": "health",=>                       | id: required
            a key given twice         | "agency": "health-bureau",=>"agency": "health-bureau", "agency": "x", | PROGRAM-INF/program.json: not JSON: Duplicate field 'agency'
            a parameter without unit  | "max": 100000}],=>"max": 100000}, {"name": "days", "type": "INTEGER", "default": 5}], | PROGRAM-INF/messages_zh.properties: parameter.days
            a bad program id          | "health"=>"Health!"                     | program id must be 2-32 lower-case letters, digits or '-': Health!
            options outside CODE      | "type": "MEMBER", "required": true=>"type": "MEMBER", "options": ["X"] | forms[0].fields[0]: only a CODE field has options
            a grant from nowhere      | {"amountField": "amount"}=>{"amountParameter": "nope"} | action pay grants the amount of nope, which is not a declared MONEY parameter
            an undeclared state       | "to": "CLOSED"=>"to": "GONE"            | transition close names an undeclared state
            a limit on nothing        | "maxParameter": "yearCap"=>"maxParameter": "cap" | limit health.year-cap names the undeclared parameter cap
            a household field unlabelled | "name": "familyDoctor"=>"name": "doctor" | PROGRAM-INF/messages_zh.properties: household.doctor
            a household MEMBER field  | "type": "BOOLEAN", "editors"=>"type": "MEMBER", "editors" | household field familyDoctor is a MEMBER
            a household field for nobody | "editors": ["PROGRAM_OFFICER"]}=>"editors": []} | household field chronicDisease names no editors
            an announcement without notice | "states": [{"id": "FILED"}=>"states": [{"id": "FILED", "announcement": true} | state FILED has a notice level or is an announcement but has no notice
            a notice posted in a city | "states": [{"id": "FILED"}=>"states": [{"id": "FILED", "notice": "yearCap", "noticeLevel": "CITY"} | state FILED posts its notice at CITY
            a deadline on a closed state | {"id": "CLOSED", "terminal": true}=>{"id": "CLOSED", "terminal": true, "deadline": "yearCap"} | state CLOSED is terminal: nothing is overdue there
            a deadline in money       | {"id": "CLOSED", "terminal": true}=>{"id": "CLOSED", "terminal": true, "deadline": "yearCap"} | deadline yearCap of state CLOSED is not a declared INTEGER parameter
            a record on no form       | "form": "application", "editors"=>"form": "nope", "editors" | record visit names the undeclared form nope
            a member record without one | "form": "application", "editors"=>"form": "payment", "editors" | record visit belongs to a MEMBER but its form payment has no MEMBER field
            a record action to nowhere | "to": "DONE"=>"to": "GONE"             | record visit action finish names the undeclared state GONE
            an entry summing no amount | "form": "payment", "amountField": "amount"=>"form": "payment", "amountField": "kind" | record visit entry bill sums kind, which is not a required MONEY field of its form
            a record action on notice | "level": "COUNTY"}],=>"level": "COUNTY", "afterNotice": true}], | record visit action finish waits for a notice
            a record schedule on no date | "level": "COUNTY"}],=>"level": "COUNTY", "schedule": {"dateField": "patient"}}], | record visit action finish schedule dateField patient is not a DATE field of the form application
            a record without texts    | "id": "visit"=>"id": "trip"            | PROGRAM-INF/messages_zh.properties: record.trip
            an auditor editing        | "editors": ["PROGRAM_OFFICER"]}=>"editors": ["AUDITOR"]} | household field chronicDisease names AUDITOR
            """)
    void everyProblemIsNamed(String what, String change, String problem) {
        String[] edit = change.split("=>", -1);
        String json = what.equals("not JSON") ? edit[0] : JSON.replace(edit[0], edit[1]);

        Declaration declaration = read(json, ZH, EN);

        assertFalse(declaration.usable());
        assertTrue(declaration.problems().stream().anyMatch(p -> p.startsWith(problem)),
                () -> declaration.problems().toString());
    }

    @Test
    void missingTextsAreNamedByFileAndKey() {
        Declaration declaration = read(JSON, ZH.replace("field.kind=类别\n", ""),
                EN.replace("program.agency=Health Bureau", "program.agency=Health Bureau {0}"));

        assertEquals(List.of("PROGRAM-INF/messages_zh.properties: field.kind",
                "field.kind is only in PROGRAM-INF/messages.properties",
                "program.agency has placeholders [] in Chinese but [{0}] in English"), declaration.problems());
        assertEquals(List.of("no PROGRAM-INF/messages_zh.properties (the program's texts)"),
                read(JSON, null, EN).problems());
        assertEquals(List.of("no PROGRAM-INF/program.json"), read(null, ZH, EN).problems());
    }

    @Test
    void theDeclarationRefusesHouseholdsOfOtherStatusesAndGrantsTheAmountEntered() {
        var program = new DeclaredProgram(read(JSON, ZH, EN), DeclaredProgram.NO_RULES);
        var exited = context(HouseholdStatus.EXITED);

        var verdict = program.eligibility(exited);
        var filing = program.check(new Step(Step.FILE, null, Map.of("patient", "m1"), null), exited);
        var grants = program.benefits(new Step("pay", null, Map.of("amount", new BigDecimal("2500.50"),
                "kind", "INPATIENT"), null), context(HouseholdStatus.POOR));

        assertFalse(verdict.eligible());
        assertEquals("health.household-status", verdict.reasons().get(0).rule());
        assertEquals("户状态为“已脱贫”：本项目只支持未脱贫、脱贫监测户", verdict.reasons().get(0).message().zh());
        assertEquals("the household is exited poverty: the program supports only not yet out of poverty; "
                + "exited, monitored", verdict.reasons().get(0).message().en());
        assertEquals(List.of("health.household-status"), filing.stream().map(r -> r.rule()).toList());
        assertTrue(program.eligibility(context(HouseholdStatus.MONITORED)).eligible());
        assertEquals(1, grants.size());
        assertEquals(new BigDecimal("2500.50"), grants.get(0).amount());
        assertEquals("2026", grants.get(0).period());
        assertEquals("2026年", grants.get(0).periodLabel().zh());
    }

    static RuleContext context(HouseholdStatus status) {
        Household household = new Household("1", 1L, "620502101201", "一组", null, null, null, null, null, null, null,
                status, 2016, List.of(), null, null, null, null, null, null, null, null);
        return new RuleContext() {
            @Override
            public Household household() {
                return household;
            }

            @Override
            public List<StatusChange> statusHistory() {
                return List.of();
            }

            @Override
            public List<Application> applications() {
                return List.of();
            }

            @Override
            public List<org.fupin.program.api.ProgramRecord> records(String type) {
                return List.of();
            }

            @Override
            public List<Benefit> otherProgramBenefits() {
                return List.of();
            }

            @Override
            public Parameters parameters() {
                return name -> BigDecimal.valueOf(10000);
            }

            @Override
            public Parameters parameters(int year) {
                return parameters();
            }

            @Override
            public LocalDate today() {
                return LocalDate.of(2026, 11, 2);
            }
        };
    }
}
