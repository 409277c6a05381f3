package org.fupin.program.declaration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import org.fupin.program.api.Conflict;
import org.fupin.program.api.Field;
import org.fupin.program.api.FieldType;
import org.fupin.program.api.Form;
import org.fupin.program.api.Limit;
import org.fupin.program.api.Option;
import org.fupin.program.api.ParameterDefinition;
import org.fupin.program.api.ProgramDefinition;
import org.fupin.program.api.ProgramDescriptor;
import org.fupin.program.api.RecordLimit;
import org.fupin.program.api.RecordType;
import org.fupin.program.api.ReportDefinition;
import org.fupin.program.api.State;
import org.fupin.program.api.Transition;
import org.fupin.program.api.Workflow;
import org.fupin.registry.model.Assurance;
import org.fupin.registry.model.LocalizedText;
import org.fupin.registry.model.RegionLevel;
import org.fupin.registry.model.Role;
import org.junit.jupiter.api.Test;

class DeclarationCheckTest {
    static final LocalizedText L = new LocalizedText("标签", "label");
    static final Form APPLICATION = new Form(Form.APPLICATION, L, List.of(Field.of("x", FieldType.TEXT, L, false)));
    static final Transition GO = new Transition("go", L, List.of("A"), "B", Set.of(Role.COUNTY_ADMIN),
            RegionLevel.COUNTY, null, false, false);

    static ProgramDefinition definition(List<Form> forms, List<State> states, List<Transition> transitions,
            List<ReportDefinition> reports, List<ParameterDefinition> parameters) {
        return definition(forms, states, transitions, reports, parameters, List.of());
    }

    static ProgramDefinition definition(List<Form> forms, List<State> states, List<Transition> transitions,
            List<ReportDefinition> reports, List<ParameterDefinition> parameters, List<Limit> limits) {
        return new ProgramDefinition(new ProgramDescriptor("test", L, "office", L, L), forms,
                new Workflow("A", states, transitions), reports, parameters, limits);
    }

    static ParameterDefinition parameter(String name, ParameterDefinition.Type type) {
        return new ParameterDefinition(name, type, L, BigDecimal.ONE, null, null, L);
    }

    @Test
    void aCompleteDefinitionHasNoProblem() {
        assertEquals(List.of(), DeclarationCheck.problems(definition(List.of(APPLICATION),
                List.of(State.withNotice("A", L, "days"), State.of("B", L)), List.of(GO), List.of(),
                List.of(parameter("days", ParameterDefinition.Type.INTEGER)))));
    }

    @Test
    void everyNameItUsesMustBeDeclaredOnceAndMakeSense() {
        var report = new ReportDefinition("r", L, ReportDefinition.Source.APPLICATIONS,
                List.of(ReportDefinition.Dimension.field("nope", L)), List.of());
        var fromTerminal = new Transition("undo", L, List.of("B"), "A", Set.of(Role.COUNTY_ADMIN),
                RegionLevel.COUNTY, "payment", false, false);
        var nobody = new Transition("file", L, List.of("A"), "A", Set.of(), RegionLevel.COUNTY, null, false, false);

        var problems = DeclarationCheck.problems(definition(List.of(),
                List.of(State.withNotice("A", L, "days"), State.terminal("B", L)), List.of(GO, fromTerminal, nobody),
                List.of(report, report), List.of(parameter("days", ParameterDefinition.Type.DECIMAL))));

        assertEquals(List.of(
                "no form 'application'",
                "action undo names the undeclared form payment",
                "action id 'file' is reserved for filing",
                "notice parameter days of state A is not an INTEGER",
                "action undo leaves the terminal state B",
                "action file names no role: nobody could take it",
                "report r is declared twice",
                "report r groups by the undeclared field nope",
                "report r groups by the undeclared field nope"), problems);
    }

    @Test
    void aFieldIsRequiredWhenAnotherFieldOfItsFormHasAValueItCanHave() {
        var form = new Form(Form.APPLICATION, L, List.of(
                Field.code("ward", L, false, List.of(new Option("ICU", L))),
                Field.of("icuDays", FieldType.INTEGER, L, false).requiredWhen("ward", "ICU", "CCU"),
                Field.of("self", FieldType.TEXT, L, false).requiredWhen("self"),
                Field.of("orphan", FieldType.TEXT, L, false).requiredWhen("nowhere"),
                Field.of("always", FieldType.TEXT, L, true).requiredWhen("ward")));

        assertEquals(List.of(
                "form application field icuDays requiredWhen names codes [CCU] that ward does not offer",
                "form application field self requiredWhen names self, not another field of the form",
                "form application field orphan requiredWhen names nowhere, not another field of the form",
                "form application field always requiredWhen: the field is required anyway"),
                DeclarationCheck.problems(definition(List.of(form), List.of(State.of("A", L), State.of("B", L)),
                        List.of(GO), List.of(), List.of())));
    }

    @Test
    void anObjectionDuringANoticeNeedsAStateWithOneAndCannotAlsoWaitForItsEnd() {
        var objection = new Transition("object", L, List.of("A"), "A", Set.of(Role.VILLAGE_CLERK), RegionLevel.VILLAGE,
                null, true, false, true);
        var never = new Transition("never", L, List.of("A"), "B", Set.of(Role.COUNTY_ADMIN), RegionLevel.COUNTY,
                null, false, true, true);
        var days = List.of(parameter("days", ParameterDefinition.Type.INTEGER));

        assertEquals(List.of(), DeclarationCheck.problems(definition(List.of(APPLICATION),
                List.of(State.withNotice("A", L, "days"), State.of("B", L)), List.of(GO, objection), List.of(), days)));
        assertEquals(List.of("action object is duringNotice but none of its from states has a notice"),
                DeclarationCheck.problems(definition(List.of(APPLICATION), List.of(State.of("A", L), State.of("B", L)),
                        List.of(GO, objection), List.of(), days)));
        assertEquals(List.of("action never is both duringNotice and afterNotice: never possible"),
                DeclarationCheck.problems(definition(List.of(APPLICATION),
                        List.of(State.withNotice("A", L, "days"), State.of("B", L)), List.of(GO, never), List.of(),
                        days)));
    }

    @Test
    void aScheduledActionTakesNoDataAndIsDueByDaysOrByADateOfTheApplication() {
        var form = new Form(Form.APPLICATION, L, List.of(Field.of("dueDate", FieldType.DATE, L, false),
                Field.of("note", FieldType.TEXT, L, false)));
        var days = new Transition("lapse", L, List.of("A"), "B", Set.of(), RegionLevel.COUNTY, null, false, false, false,
                new Transition.Schedule(90, null));
        var overdue = new Transition("overdue", L, List.of("A"), "B", Set.of(), RegionLevel.COUNTY, null, false, false,
                false, new Transition.Schedule(null, "dueDate"));
        var both = new Transition("both", L, List.of("A"), "B", Set.of(), RegionLevel.COUNTY, null, false, false, false,
                new Transition.Schedule(1, "dueDate"));
        var text = new Transition("text", L, List.of("A"), "B", Set.of(), RegionLevel.COUNTY, null, false, false, false,
                new Transition.Schedule(null, "note"));
        var withForm = new Transition("formed", L, List.of("A"), "B", Set.of(), RegionLevel.COUNTY, "application", false,
                false, false, new Transition.Schedule(3, null));
        var states = List.of(State.of("A", L), State.of("B", L));

        assertEquals(List.of(), DeclarationCheck.problems(definition(List.of(form), states,
                List.of(GO, days, overdue), List.of(), List.of())));
        assertEquals(List.of(
                "action both schedule needs afterDays or dateField, one of them",
                "action text schedule dateField note is not a DATE field of the form application",
                "action formed schedule: the platform takes it without data, so it has no form"),
                DeclarationCheck.problems(definition(List.of(form), states, List.of(GO, both, text, withForm),
                        List.of(), List.of())));
    }

    @Test
    void aConflictNamesAnotherProgramItsStatesAndDeclaredActions() {
        var states = List.of(State.of("A", L), State.of("B", L));
        var fine = new Conflict("test.not-with-housing", "housing", List.of("APPROVED"), null);
        var self = new Conflict("test.self", "test", List.of("A"), List.of("go"));
        var noStates = new Conflict("test.nothing", "housing", List.of(), null);
        var unknownAction = new Conflict("test.unknown", "housing", List.of("APPROVED"), List.of("file", "fly"));
        var ownRecord = new Conflict("test.own-record", "test", List.of("OVERDUE"), null, "loan");

        assertEquals(List.of("file"), fine.actions());
        assertEquals(List.of(), DeclarationCheck.problems(new ProgramDefinition(new ProgramDescriptor("test", L,
                "office", L, L), List.of(APPLICATION), new Workflow("A", states, List.of(GO)), List.of(), List.of(),
                List.of(), List.of(fine))));
        assertEquals(List.of("conflict test.self names this program itself: use a limit",
                "conflict test.nothing names no state of housing",
                "conflict test.unknown names the undeclared action fly",
                "conflict test.own-record names the undeclared record type loan"),
                DeclarationCheck.problems(new ProgramDefinition(new ProgramDescriptor("test", L, "office", L, L),
                        List.of(APPLICATION), new Workflow("A", states, List.of(GO)), List.of(), List.of(), List.of(),
                        List.of(self, noStates, unknownAction, ownRecord))));
    }

    @Test
    void fieldMeasuresAreOverNumberFieldsOfApplicationsAndAChartNeedsSomethingToDraw() {
        var form = new Form(Form.APPLICATION, L, List.of(Field.of("years", FieldType.INTEGER, L, false),
                Field.of("school", FieldType.TEXT, L, false)));
        var byYear = List.of(new ReportDefinition.Dimension(ReportDefinition.Dimension.Kind.YEAR, null, L));
        var good = new ReportDefinition("good", L, ReportDefinition.Source.APPLICATIONS, byYear,
                List.of(new ReportDefinition.Measure(ReportDefinition.Measure.Kind.AVERAGE, "years", L)),
                ReportDefinition.Chart.LINE);
        var text = new ReportDefinition("text", L, ReportDefinition.Source.APPLICATIONS, byYear,
                List.of(new ReportDefinition.Measure(ReportDefinition.Measure.Kind.SUM, "school", L)), null);
        var benefits = new ReportDefinition("benefits", L, ReportDefinition.Source.BENEFITS, byYear,
                List.of(new ReportDefinition.Measure(ReportDefinition.Measure.Kind.MAX, "years", L)), null);
        var noField = new ReportDefinition("nofield", L, ReportDefinition.Source.APPLICATIONS, byYear,
                List.of(new ReportDefinition.Measure(ReportDefinition.Measure.Kind.MIN, L)), null);
        var chartless = new ReportDefinition("chartless", L, ReportDefinition.Source.APPLICATIONS, List.of(),
                List.of(new ReportDefinition.Measure(ReportDefinition.Measure.Kind.RECORDS, L)),
                ReportDefinition.Chart.PIE);
        var states = List.of(State.of("A", L), State.of("B", L));

        assertEquals(List.of(), DeclarationCheck.problems(definition(List.of(form), states, List.of(GO),
                List.of(good), List.of())));
        assertEquals(List.of("report text measures school, not a number field of the form application",
                "report benefits measures the field years but counts benefits: field measures are over applications, "
                        + "records or entries",
                "report nofield measure min needs a field",
                "report chartless has a chart but no dimension or no measure to draw"),
                DeclarationCheck.problems(definition(List.of(form), states, List.of(GO),
                        List.of(text, benefits, noField, chartless), List.of())));
    }

    @Test
    void onlyAnApplicationsStepAssuresAHousehold() {
        var site = new Form("site", L, List.of(Field.of("capacity", FieldType.INTEGER, L, true)));
        var moveIn = new Transition("move-in", L, List.of("A"), "B", Set.of(Role.PROGRAM_OFFICER),
                RegionLevel.TOWNSHIP, null, false, false, false, null, Set.of(Assurance.SAFE_HOUSING));
        var complete = new Transition("complete", L, List.of("PLANNED"), "DONE", Set.of(Role.PROGRAM_OFFICER),
                RegionLevel.COUNTY, null, false, false, false, null, Set.of(Assurance.SAFE_HOUSING));
        var record = new RecordType("site", L, RecordType.Attachment.REGION, "site", Set.of(Role.PROGRAM_OFFICER),
                "PLANNED", List.of(State.of("PLANNED", L), State.of("DONE", L)), List.of(complete), List.of());

        assertEquals(List.of(), DeclarationCheck.problems(definition(List.of(APPLICATION),
                List.of(State.of("A", L), State.of("B", L)), List.of(moveIn), List.of(), List.of())));
        assertEquals(List.of("record site action complete assures [SAFE_HOUSING]: only an application's step "
                + "establishes what a household is assured of"),
                DeclarationCheck.problems(withRecords(List.of(APPLICATION, site), record, List.of())));
    }

    @Test
    void anActionsValueReplacesTheRecordsOnlyWhenBothAreOfOneType() {
        var loan = new Form("loan", L, List.of(Field.of("dueDate", FieldType.DATE, L, true)));
        var extension = new Form("extension", L, List.of(Field.of("dueDate", FieldType.DATE, L, true),
                Field.of("extendedOn", FieldType.DATE, L, true)));
        var wrong = new Form("wrong", L, List.of(Field.of("dueDate", FieldType.TEXT, L, true)));
        var extend = new Transition("extend", L, List.of("NORMAL"), "EXTENDED", Set.of(Role.PROGRAM_OFFICER),
                RegionLevel.COUNTY, "extension", true, false);
        var garble = new Transition("garble", L, List.of("NORMAL"), "EXTENDED", Set.of(Role.PROGRAM_OFFICER),
                RegionLevel.COUNTY, "wrong", true, false);
        var states = List.of(State.of("NORMAL", L), State.of("EXTENDED", L));

        assertEquals(List.of(), DeclarationCheck.problems(withRecords(List.of(APPLICATION, loan, extension),
                new RecordType("loan", L, RecordType.Attachment.HOUSEHOLD, "loan", Set.of(Role.PROGRAM_OFFICER),
                        "NORMAL", states, List.of(extend), List.of()), List.of())));
        assertEquals(List.of("record loan action garble form wrong field dueDate is a TEXT but the record's dueDate "
                + "is a DATE: an action's value replaces the record's"),
                DeclarationCheck.problems(withRecords(List.of(APPLICATION, loan, wrong),
                        new RecordType("loan", L, RecordType.Attachment.HOUSEHOLD, "loan",
                                Set.of(Role.PROGRAM_OFFICER), "NORMAL", states, List.of(garble), List.of()),
                        List.of())));
    }

    @Test
    void aRecordLimitSumsANumberFieldOfDeclaredStatesUpToADeclaredBalance() {
        var loanForm = new Form("loan", L, List.of(Field.of("principal", FieldType.MONEY, L, true),
                Field.of("contract", FieldType.TEXT, L, true)));
        var fundForm = new Form("fund", L, List.of(Field.of("bank", FieldType.TEXT, L, true)));
        var deposit = new Form("deposit", L, List.of(Field.of("amount", FieldType.MONEY, L, true)));
        var fund = new RecordType("fund", L, RecordType.Attachment.REGION, "fund", Set.of(Role.PROGRAM_OFFICER),
                "OPEN", List.of(State.of("OPEN", L)), List.of(),
                List.of(new RecordType.EntryType("deposit", L, "deposit", "amount")));
        var good = new RecordLimit("test.cap", "principal", RecordLimit.Per.COUNTY, List.of("ACTIVE"), null, null,
                new RecordLimit.Balance("fund", "deposit", null, null));
        var bad = new RecordLimit("test.bad", "contract", RecordLimit.Per.COUNTY, List.of("GONE"), null, null,
                new RecordLimit.Balance("loan", "payout", null, "leverage"));
        var states = List.of(State.of("ACTIVE", L));
        java.util.function.Function<RecordLimit, ProgramDefinition> with = limit -> new ProgramDefinition(
                new ProgramDescriptor("test", L, "office", L, L), List.of(APPLICATION, loanForm, fundForm, deposit),
                new Workflow("A", List.of(State.of("A", L), State.of("B", L)), List.of(GO)), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(new RecordType("loan", L, RecordType.Attachment.HOUSEHOLD,
                        "loan", Set.of(Role.PROGRAM_OFFICER), "ACTIVE", states, List.of(), List.of(),
                        List.of(limit)), fund));

        assertEquals(List.of(), DeclarationCheck.problems(with.apply(good)));
        assertEquals(List.of("record loan limit test.bad sums contract, which is not a number field of the form loan",
                "record loan limit test.bad counts the undeclared state GONE",
                "record loan limit test.bad takes the balance of loan, which is no region's record type",
                "record loan limit test.bad names the undeclared parameter leverage"),
                DeclarationCheck.problems(with.apply(bad)));
    }

    @Test
    void aBalanceSubtractsAnEntryTypeAShareNamesStatesAndCoverageGoesByRegion() {
        var loanForm = new Form("loan", L, List.of(Field.of("principal", FieldType.MONEY, L, true)));
        var repayment = new Form("repayment", L, List.of(Field.of("amount", FieldType.MONEY, L, true)));
        var loan = new RecordType("loan", L, RecordType.Attachment.HOUSEHOLD, "loan", Set.of(Role.PROGRAM_OFFICER),
                "ACTIVE", List.of(State.of("ACTIVE", L), State.of("OVERDUE", L)), List.of(),
                List.of(new RecordType.EntryType("repayment", L, "repayment", "amount")));
        var byRegion = List.of(ReportDefinition.Dimension.region(L));
        ReportDefinition.Measure balance = new ReportDefinition.Measure(ReportDefinition.Measure.Kind.BALANCE,
                "principal", L, "repayment", List.of());
        ReportDefinition.Measure share = new ReportDefinition.Measure(ReportDefinition.Measure.Kind.SHARE, null, L,
                null, List.of("OVERDUE"));
        ReportDefinition.Measure coverage = new ReportDefinition.Measure(ReportDefinition.Measure.Kind.COVERAGE, L);
        var good = new ReportDefinition("good", L, ReportDefinition.Source.RECORDS, byRegion, List.of(balance, share,
                coverage), null, "loan", null);
        var bad = new ReportDefinition("bad", L, ReportDefinition.Source.RECORDS, List.of(), List.of(
                new ReportDefinition.Measure(ReportDefinition.Measure.Kind.BALANCE, "principal", L, "payout",
                        List.of()),
                new ReportDefinition.Measure(ReportDefinition.Measure.Kind.SHARE, null, L, null, List.of("GONE")),
                coverage), null, "loan", null);

        assertEquals(List.of(), DeclarationCheck.problems(withRecords(List.of(APPLICATION, loanForm, repayment), loan,
                List.of(good))));
        assertEquals(List.of("report bad measure balance.principal subtracts payout, which is no entry type of the "
                + "records counted that sums an amount",
                "report bad measure share names the undeclared state GONE",
                "report bad measure coverage needs a REGION dimension: it compares each region's households with "
                        + "those served"),
                DeclarationCheck.problems(withRecords(List.of(APPLICATION, loanForm, repayment), loan, List.of(bad))));
    }

    /** Reports over records count a declared type, measure its form (entries: the named entry type's form). */
    @Test
    void recordReportsNameTheirTypeAndMeasureItsForms() {
        var loanForm = new Form("loan", L, List.of(Field.of("principal", FieldType.MONEY, L, true),
                Field.of("purpose", FieldType.TEXT, L, false)));
        var repayment = new Form("repayment", L, List.of(Field.of("amount", FieldType.MONEY, L, true)));
        var loan = new RecordType("loan", L, RecordType.Attachment.HOUSEHOLD, "loan", Set.of(Role.PROGRAM_OFFICER),
                "ACTIVE", List.of(State.of("ACTIVE", L)), List.of(),
                List.of(new RecordType.EntryType("repayment", L, "repayment", "amount")));
        var byState = List.of(ReportDefinition.Dimension.state(L));
        var principal = new ReportDefinition.Measure(ReportDefinition.Measure.Kind.SUM, "principal", L);
        var amount = new ReportDefinition.Measure(ReportDefinition.Measure.Kind.AVERAGE, "amount", L);
        var good = List.of(
                new ReportDefinition("loans", L, ReportDefinition.Source.RECORDS, byState, List.of(principal), null,
                        "loan", null),
                new ReportDefinition("repaid", L, ReportDefinition.Source.ENTRIES, byState, List.of(amount), null,
                        "loan", "repayment"),
                new ReportDefinition("active", L, ReportDefinition.Source.RECORDS, byState, List.of(principal), null,
                        "loan", null, List.of("ACTIVE")),
                new ReportDefinition("reached-b", L, ReportDefinition.Source.APPLICATIONS, byState, List.of(), null,
                        null, null, List.of("B")));
        var bad = List.of(
                new ReportDefinition("none", L, ReportDefinition.Source.RECORDS, byState, List.of(), null, null, null),
                new ReportDefinition("mixed", L, ReportDefinition.Source.APPLICATIONS, byState, List.of(), null,
                        "loan", null),
                new ReportDefinition("nosuch", L, ReportDefinition.Source.ENTRIES, byState, List.of(), null, "loan",
                        "payout"),
                new ReportDefinition("every", L, ReportDefinition.Source.ENTRIES, byState, List.of(amount), null,
                        "loan", null),
                new ReportDefinition("purpose", L, ReportDefinition.Source.RECORDS, byState, List.of(
                        new ReportDefinition.Measure(ReportDefinition.Measure.Kind.MAX, "purpose", L)), null, "loan",
                        null),
                new ReportDefinition("repaid-loans", L, ReportDefinition.Source.RECORDS, byState, List.of(), null,
                        "loan", null, List.of("REPAID")),
                new ReportDefinition("in-c", L, ReportDefinition.Source.APPLICATIONS, byState, List.of(), null,
                        null, null, List.of("A", "C")));

        assertEquals(List.of(), DeclarationCheck.problems(withRecords(List.of(APPLICATION, loanForm, repayment),
                loan, good)));
        assertEquals(List.of("report none counts RECORDS but names no declared record type",
                "report mixed counts APPLICATIONS: record and entry are for RECORDS and ENTRIES reports",
                "report nosuch names the entry type payout, which is no entry of record loan counted by an ENTRIES "
                        + "report",
                "report every measures the field amount but counts ENTRIES of every type: name the entry type",
                "report purpose measures purpose, not a number field of the form loan",
                "report repaid-loans counts the undeclared state REPAID",
                "report in-c counts the undeclared state C"),
                DeclarationCheck.problems(withRecords(List.of(APPLICATION, loanForm, repayment), loan, bad)));
    }

    /** A cadre's quota by rank: counted per cadre, among records of one kind, up to the parameter of its rank. */
    @Test
    void aLimitPerCadreCountsOneKindUpToTheParameterOfItsRankAndAPairingNamesTheHouseholdsCadre() {
        var rank = Field.code("rank", L, true, List.of(new Option("BUREAU", L), new Option("DIVISION", L)));
        var form = new Form("pairing", L, List.of(Field.of("cadreName", FieldType.TEXT, L, true),
                Field.of("cadreId", FieldType.TEXT, L, true), rank,
                Field.code("kind", L, true, List.of(new Option("KEY", L), new Option("CONTACT", L))),
                Field.of("since", FieldType.DATE, L, true), Field.of("budget", FieldType.MONEY, L, false),
                Field.code("unitLevel", L, false, List.of(new Option("COUNTY", L), new Option("MINISTRY", L)))));
        var states = List.of(State.of("ACTIVE", L));
        var parameters = List.of(parameter("keyBureau", ParameterDefinition.Type.INTEGER),
                parameter("keyDivision", ParameterDefinition.Type.INTEGER));
        java.util.function.BiFunction<RecordLimit, RecordType.HouseholdPairing, ProgramDefinition> with =
                (limit, pairing) -> new ProgramDefinition(new ProgramDescriptor("test", L, "office", L, L),
                        List.of(APPLICATION, form), new Workflow("A", List.of(State.of("A", L), State.of("B", L)),
                                List.of(GO)), List.of(), parameters, List.of(), List.of(), List.of(),
                        List.of(new RecordType("pairing", L, RecordType.Attachment.HOUSEHOLD, "pairing",
                                Set.of(Role.PROGRAM_OFFICER), "ACTIVE", states, List.of(), List.of(), List.of(limit),
                                pairing)));
        var quota = new RecordLimit("test.key-quota", null, RecordLimit.Per.FIELD, List.of("ACTIVE"), null, null, null,
                "cadreId", new RecordLimit.Where("kind", List.of("KEY")), new RecordLimit.ByField("rank",
                        java.util.Map.of("BUREAU", "keyBureau", "DIVISION", "keyDivision")));
        var pairing = new RecordType.HouseholdPairing("cadreName", "since", null, null, null, null);

        assertEquals(List.of(), DeclarationCheck.problems(with.apply(quota, pairing)));
        var wrong = new RecordLimit("test.wrong", null, RecordLimit.Per.FIELD, List.of("ACTIVE"), null, null, null,
                "since", new RecordLimit.Where("kind", List.of("FRIEND")), new RecordLimit.ByField("kind",
                        java.util.Map.of("KEY", "keyBureau", "CONTACT", "contactBureau", "OTHER", "keyBureau")));
        assertEquals(List.of(
                "record pairing limit test.wrong counts per since, which is no TEXT or CODE field of the form pairing",
                "record pairing limit test.wrong counts only records with kind FRIEND, which is no option of it",
                "record pairing limit test.wrong maps OTHER, which is no option of kind",
                "record pairing limit test.wrong names the undeclared parameter contactBureau",
                "record pairing householdPairing takes budget, which is no TEXT field of the form pairing",
                "record pairing householdPairing takes unitLevel, whose option MINISTRY is no unit level of the "
                        + "registry ([PROVINCE, CITY, COUNTY, TOWNSHIP, VILLAGE])"),
                DeclarationCheck.problems(with.apply(wrong, new RecordType.HouseholdPairing("cadreName", "since",
                        "budget", null, null, "unitLevel"))));
        var unmapped = new RecordLimit("test.unmapped", null, RecordLimit.Per.REGION, List.of("ACTIVE"), null, null,
                null, null, null, new RecordLimit.ByField("rank", java.util.Map.of("BUREAU", "keyBureau")));
        assertEquals(List.of("record pairing limit test.unmapped names no parameter for rank DIVISION",
                "record pairing householdPairing takes cadreId, which is not a required field of the form pairing"
                        .replace("cadreId", "budget"),
                "record pairing householdPairing takes budget, which is no DATE field of the form pairing"),
                DeclarationCheck.problems(with.apply(unmapped, new RecordType.HouseholdPairing("cadreName", "budget",
                        null, null, null, null))));
    }

    /** Presence and ranking: days of entries, regions, a record per row, a minimum and a weighted score. */
    @Test
    void daysRegionsRecordRowsMinimaAndWeightedScoresGoWithTheRecordsTheyCount() {
        var memberForm = new Form("member", L, List.of(Field.of("name", FieldType.TEXT, L, true),
                Field.of("score", FieldType.DECIMAL, L, false)));
        var attendance = new Form("attendance", L, List.of(Field.of("note", FieldType.TEXT, L, false)));
        var member = new RecordType("member", L, RecordType.Attachment.REGION, "member", Set.of(Role.PROGRAM_OFFICER),
                "SERVING", List.of(State.of("SERVING", L)), List.of(),
                List.of(new RecordType.EntryType("attendance", L, "attendance", null)));
        var record = new ReportDefinition.Dimension(ReportDefinition.Dimension.Kind.RECORD, "name", L);
        var days = new ReportDefinition.Measure(ReportDefinition.Measure.Kind.DAYS, L);
        var minDays = parameter("minDays", ParameterDefinition.Type.INTEGER);
        var weight = parameter("weight", ParameterDefinition.Type.INTEGER);
        var presence = new ReportDefinition("presence", L, ReportDefinition.Source.ENTRIES, List.of(record),
                List.of(days, new ReportDefinition.Measure(ReportDefinition.Measure.Kind.REGIONS, L)), null, "member",
                "attendance", List.of(), new ReportDefinition.Minimum("days", "minDays", true), false);
        var ranking = new ReportDefinition("ranking", L, ReportDefinition.Source.RECORDS, List.of(record),
                List.of(new ReportDefinition.Measure(ReportDefinition.Measure.Kind.WEIGHTED, null, L, null, List.of(),
                        java.util.Map.of("score", "weight")), new ReportDefinition.Measure(
                        ReportDefinition.Measure.Kind.DAYS, null, L, "attendance", List.of())), null, "member", null,
                List.of(), new ReportDefinition.Minimum("days.attendance", "minDays", false), true);
        java.util.function.Function<List<ReportDefinition>, ProgramDefinition> with = reports -> new ProgramDefinition(
                new ProgramDescriptor("test", L, "office", L, L), List.of(APPLICATION, memberForm, attendance),
                new Workflow("A", List.of(State.of("A", L), State.of("B", L)), List.of(GO)), reports,
                List.of(minDays, weight), List.of(), List.of(), List.of(), List.of(member));

        assertEquals(List.of(), DeclarationCheck.problems(with.apply(List.of(presence, ranking))));
        var wrong = new ReportDefinition("wrong", L, ReportDefinition.Source.APPLICATIONS, List.of(
                new ReportDefinition.Dimension(ReportDefinition.Dimension.Kind.RECORD, null, L)), List.of(days,
                new ReportDefinition.Measure(ReportDefinition.Measure.Kind.WEIGHTED, null, L, null, List.of(),
                        java.util.Map.of("x", "weightless"))), null, null, null, List.of(),
                new ReportDefinition.Minimum("records", "minimumless", false), false);
        assertEquals(List.of(
                "report wrong measure days counts dates of entries: only on ENTRIES or RECORDS reports",
                "report wrong measure weighted weighs a record's fields: only on RECORDS reports",
                "report wrong measure weighted weighs x, which is no number field of record null",
                "report wrong measure weighted names the undeclared parameter weightless",
                "report wrong groups by RECORD but counts APPLICATIONS",
                "report wrong has a minimum of records, which is none of its measures [days, weighted]",
                "report wrong has a minimum of the undeclared parameter minimumless"),
                DeclarationCheck.problems(with.apply(List.of(wrong))));
    }

    /** A household's record may name one of its applications and report by its state; a region's record has none. */
    @Test
    void anApplicationIsNamedByAHouseholdsFormsAndReportedByItsState() {
        var measureForm = new Form("measure", L, List.of(Field.code("kind", L, true, List.of(new Option("TRAINING", L))),
                Field.application("linked", L, false, "yulu")));
        var byProgress = new ReportDefinition("progress", L, ReportDefinition.Source.RECORDS, List.of(
                ReportDefinition.Dimension.field("kind", L), new ReportDefinition.Dimension(
                        ReportDefinition.Dimension.Kind.STATE, "linked", L)), List.of(
                new ReportDefinition.Measure(ReportDefinition.Measure.Kind.RECORDS, L)), null, "measure", null);
        java.util.function.Function<RecordType.Attachment, RecordType> measure = to -> new RecordType("measure", L, to,
                "measure", Set.of(Role.PROGRAM_OFFICER), "PLANNED", List.of(State.of("PLANNED", L)), List.of(),
                List.of());

        assertEquals(List.of(), DeclarationCheck.problems(withRecords(List.of(APPLICATION, measureForm),
                measure.apply(RecordType.Attachment.APPLICATION), List.of(byProgress))));
        var byKind = new ReportDefinition("wrong", L, ReportDefinition.Source.RECORDS, List.of(
                new ReportDefinition.Dimension(ReportDefinition.Dimension.Kind.STATE, "kind", L)), List.of(
                new ReportDefinition.Measure(ReportDefinition.Measure.Kind.RECORDS, L)), null, "measure", null);
        assertEquals(List.of("record measure belongs to a REGION, which has no household, but its form measure names an "
                        + "application (linked)",
                "report wrong groups by the state of kind, which is no APPLICATION field of the form counted"),
                DeclarationCheck.problems(withRecords(List.of(APPLICATION, measureForm),
                        measure.apply(RecordType.Attachment.REGION), List.of(byKind))));
    }

    private static ProgramDefinition withRecords(List<Form> forms, RecordType record, List<ReportDefinition> reports) {
        return new ProgramDefinition(new ProgramDescriptor("test", L, "office", L, L), forms,
                new Workflow("A", List.of(State.of("A", L), State.of("B", L)), List.of(GO)), reports, List.of(),
                List.of(), List.of(), List.of(), List.of(record));
    }

    @Test
    void filersAreDeclaredOrTheDefaultFiveButNeverTheReadOnlyAuditor() {
        var states = List.of(State.of("A", L), State.of("B", L));
        var declared = new ProgramDefinition(new ProgramDescriptor("test", L, "office", L, L), List.of(APPLICATION),
                new Workflow("A", Set.of(Role.PAIRED_CADRE, Role.AUDITOR), states, List.of(GO)), List.of(), List.of(),
                List.of());

        assertEquals(List.of("workflow.filers names AUDITOR, a read-only role"), DeclarationCheck.problems(declared));
        assertEquals(Workflow.DEFAULT_FILERS, new Workflow("A", states, List.of(GO)).filers());
        assertEquals(Workflow.DEFAULT_FILERS, new Workflow("A", Set.of(), states, List.of(GO)).filers());
    }

    @Test
    void limitsNameDeclaredParametersOfTheirKindAndDeclaredFields() {
        var counted = new Limit("once", Limit.Measure.PAYMENTS, Limit.Per.MEMBER, Limit.Within.PERIOD, null, "cap",
                "x");
        var summed = Limit.amount("capped", Limit.Per.HOUSEHOLD, Limit.Within.YEAR, "days", "nowhere");
        var unknown = Limit.amount("unknown", Limit.Per.MEMBER, Limit.Within.LIFETIME, "missing", null);
        var fine = Limit.openApplications("one", Limit.Per.MEMBER, 1, "x");

        var problems = DeclarationCheck.problems(definition(List.of(APPLICATION), List.of(State.of("A", L),
                State.of("B", L)), List.of(GO), List.of(), List.of(parameter("cap", ParameterDefinition.Type.MONEY),
                parameter("days", ParameterDefinition.Type.INTEGER)), List.of(counted, summed, unknown, fine, fine)));

        assertEquals(List.of(
                "limit once needs an INTEGER parameter, not cap (MONEY)",
                "limit capped needs a MONEY parameter, not days (INTEGER)",
                "limit capped reports against the undeclared field nowhere",
                "limit unknown names the undeclared parameter missing",
                "limit one is declared twice"), problems);
    }
}
