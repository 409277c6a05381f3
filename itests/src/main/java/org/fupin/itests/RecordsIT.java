package org.fupin.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;

/**
 * Records of a program's own, declared without Java by a test 扶贫小额信贷 plugin uploaded at run time: loans of a
 * household member with repayments and their own states, and a county's risk fund with its movements — stored,
 * scoped, checked and audited by the platform.
 */
@Timeout(120)
class RecordsIT {
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    static Api api;
    static Api officer;

    @BeforeAll
    static void start(@InjectBundleContext BundleContext context) throws Exception {
        api = Api.admin(context);
        officer = api.user("it-credit", "620502", "rural-credit", "PROGRAM_OFFICER");
        api.await("/api/v1/regions/620502", r -> r.status() == 200, Duration.ofSeconds(60));
        var installed = api.upload("/api/v1/admin/plugins", TestBundles.declaredPlugin(context.getBundle(), "loans",
                "org.example.loans", "1.0.0", "loans"), "application/java-archive");
        assertTrue(installed.status() == 201 || installed.status() == 200, installed.body());
        api.await("/api/v1/programs/loans", r -> r.status() == 200, Duration.ofSeconds(15));
    }

    @AfterAll
    static void stop() {
        api.send("DELETE", "/api/v1/admin/plugins/loans", null);
    }

    @Test
    void aLoanOfAMemberGathersRepaymentsAndMovesThroughItsOwnStates() {
        assertEquals(200, api.send("PUT", "/api/v1/regions/620502/programs/loans", "{\"enabled\":false}").status());
        var household = api.send("POST", "/api/v1/households", ProgramsIT.household(TODAY.minusYears(20)));
        assertEquals(201, household.status(), household.body());
        String householdId = household.json().path("id").asText();
        String borrower = household.json().path("members").get(0).path("id").asText();
        String loan = """
                {"householdId":"%s","data":{"borrower":"%s","principal":30000,"issued":"%s","due":"%s"}}"""
                .formatted(householdId, borrower, TODAY.minusMonths(6), TODAY.plusMonths(30));

        var disabled = officer.send("POST", "/api/v1/programs/loans/records/loan", loan);
        assertEquals(409, disabled.status(), disabled.body());
        assertEquals(200, api.send("PUT", "/api/v1/regions/620502/programs/loans", "{\"enabled\":true}").status());
        var byClerk = api.user("it-credit-clerk", ProgramsIT.VILLAGE, null, "VILLAGE_CLERK")
                .send("POST", "/api/v1/programs/loans/records/loan", loan);
        assertEquals(403, byClerk.status(), byClerk.body());
        var tooMuch = officer.send("POST", "/api/v1/programs/loans/records/loan", loan.replace("30000", "60000"));
        assertEquals(422, tooMuch.status(), tooMuch.body());
        assertEquals("data.principal", Api.firstField(tooMuch));
        var stranger = officer.send("POST", "/api/v1/programs/loans/records/loan",
                loan.replace("\"borrower\":\"" + borrower, "\"borrower\":\"999999999"));
        assertEquals(422, stranger.status(), stranger.body());
        assertEquals("data.borrower", Api.firstField(stranger));

        var created = officer.send("POST", "/api/v1/programs/loans/records/loan", loan);
        assertEquals(201, created.status(), created.body());
        String path = "/api/v1/programs/loans/records/loan/" + created.json().path("id").asText();
        assertEquals("ACTIVE", created.json().path("state").asText());
        assertEquals(borrower, created.json().path("memberId").asText());
        assertEquals(ProgramsIT.VILLAGE, created.json().path("region").asText());

        var extended = officer.send("PUT", path, """
                {"version":1,"data":{"borrower":"%s","principal":30000,"issued":"%s","due":"%s"}}"""
                .formatted(borrower, TODAY.minusMonths(6), TODAY.plusMonths(36)));
        assertEquals(200, extended.status(), extended.body());
        assertEquals(TODAY.plusMonths(36).toString(), extended.json().path("data").path("due").asText());
        var repaid = officer.send("POST", path + "/entries", """
                {"type":"repayment","date":"%s","data":{"amount":5000},"version":2}""".formatted(TODAY.minusDays(3)));
        assertEquals(201, repaid.status(), repaid.body());
        var future = officer.send("POST", path + "/entries", """
                {"type":"repayment","date":"%s","data":{"amount":100}}""".formatted(TODAY.plusDays(1)));
        assertEquals(422, future.status(), future.body());
        assertEquals("date", Api.firstField(future));
        var stale = officer.send("POST", path + "/entries", """
                {"type":"repayment","date":"%s","data":{"amount":100},"version":2}""".formatted(TODAY));
        assertEquals(409, stale.status(), stale.body());
        assertEquals(0, new BigDecimal("5000").compareTo(repaid.json().path("totals").path("repayment").decimalValue()),
                repaid.body());

        var overdue = officer.send("POST", path + "/actions", "{\"action\":\"overdue\"}");
        assertEquals(200, overdue.status(), overdue.body());
        assertEquals("逾期", overdue.json().path("stateLabel").path("zh").asText());
        String application = "{\"householdId\":\"" + householdId + "\",\"data\":{\"amount\":5000}}";
        var whileOverdue = officer.send("POST", "/api/v1/programs/loans/applications", application);
        assertEquals(422, whileOverdue.status(), whileOverdue.body());
        assertEquals("householdId", Api.firstField(whileOverdue));
        assertTrue(whileOverdue.body().contains(created.json().path("id").asText()), "names the overdue loan: "
                + whileOverdue.body());
        var noReason = officer.send("POST", path + "/actions", "{\"action\":\"settle\"}");
        assertEquals(422, noReason.status(), noReason.body());
        var settled = officer.send("POST", path + "/actions", "{\"action\":\"settle\",\"note\":\"本息结清\"}");
        assertEquals(200, settled.status(), settled.body());
        var settledThenFiled = officer.send("POST", "/api/v1/programs/loans/applications", application);
        assertEquals(201, settledThenFiled.status(), "once the loan is settled: " + settledThenFiled.body());
        var afterSettling = officer.send("POST", path + "/entries", """
                {"type":"repayment","date":"%s","data":{"amount":100}}""".formatted(TODAY));
        assertEquals(409, afterSettling.status(), afterSettling.body());

        var read = api.get(path);
        assertEquals(List.of("CREATE", "EDIT", "ENTRY", "ACTION", "ACTION"), read.json().path("events").findValuesAsText("kind"));
        var listed = api.get("/api/v1/programs/loans/records/loan?region=620502&householdId=" + householdId);
        assertEquals(1, listed.json().path("total").asInt(), listed.body());
        var audit = api.get("/api/v1/audit/entries?entity=program-record&id=" + created.json().path("id").asText());
        assertEquals(200, audit.status(), audit.body());
        assertEquals(5, audit.json().path("total").asInt(), audit.body());
        var otherCounty = api.user("it-credit-other", "620503", "rural-credit", "PROGRAM_OFFICER");
        assertEquals(404, otherCounty.get(path).status());
        assertEquals(403, api.user("it-credit-health", "620502", "health-bureau", "PROGRAM_OFFICER").get(path)
                .status(), "another agency's program");
    }

    /** Declared reports count records and entries: a new loan and a repayment move them by exactly their amounts. */
    @Test
    void reportsCountLoansAndRepayments() {
        assertEquals(200, api.send("PUT", "/api/v1/regions/620502/programs/loans", "{\"enabled\":true}").status());
        var household = api.send("POST", "/api/v1/households", ProgramsIT.household(TODAY.minusYears(22)));
        String householdId = household.json().path("id").asText();
        String borrower = household.json().path("members").get(0).path("id").asText();
        var loansBefore = api.get("/api/v1/programs/loans/reports/loans-by-state?region=620502").json().path("total");
        var repaidBefore = api.get("/api/v1/programs/loans/reports/repayments-by-year?region=620502&year="
                + TODAY.getYear()).json().path("total");

        var loan = officer.send("POST", "/api/v1/programs/loans/records/loan", """
                {"householdId":"%s","data":{"borrower":"%s","principal":20000,"issued":"%s","due":"%s"}}"""
                .formatted(householdId, borrower, TODAY, TODAY.plusYears(3)));
        assertEquals(201, loan.status(), loan.body());
        assertEquals(201, officer.send("POST", "/api/v1/programs/loans/records/loan/" + loan.json().path("id")
                .asText() + "/entries", """
                {"type":"repayment","date":"%s","data":{"amount":1234.5}}""".formatted(TODAY)).status());

        var loans = api.get("/api/v1/programs/loans/reports/loans-by-state?region=620502");
        assertEquals(200, loans.status(), loans.body());
        var total = loans.json().path("total");
        assertEquals(loansBefore.path("records").asLong() + 1, total.path("records").asLong(), loans.body());
        assertEquals(0, loansBefore.path("sum.principal").decimalValue().add(new BigDecimal("20000"))
                .compareTo(total.path("sum.principal").decimalValue()), loans.body());
        assertEquals(0, loansBefore.path("amount").decimalValue().add(new BigDecimal("1234.50"))
                .compareTo(total.path("amount").decimalValue()), loans.body());
        assertTrue(loans.body().contains("\"正常\""), "states labelled by the record type: " + loans.body());
        var repaid = api.get("/api/v1/programs/loans/reports/repayments-by-year?region=620502&year=" + TODAY.getYear());
        assertEquals(200, repaid.status(), repaid.body());
        assertEquals(repaidBefore.path("records").asLong() + 1, repaid.json().path("total").path("records").asLong());
        assertEquals("BAR", repaid.json().path("chart").asText());
        var csv = api.get("/api/v1/programs/loans/reports/loans-by-state?region=620502&format=csv");
        assertEquals(200, csv.status(), csv.body());
        assertTrue(csv.body().contains("贷款本金合计（元）"), csv.body());
    }

    /** A loan not repaid by its due date becomes overdue by itself, on the platform's clock, as user system. */
    @Test
    void aLoanFallsOverdueTheDayAfterItsDueDate() throws Exception {
        assertEquals(200, api.send("PUT", "/api/v1/regions/620502/programs/loans", "{\"enabled\":true}").status());
        var household = api.send("POST", "/api/v1/households", ProgramsIT.household(TODAY.minusYears(21)));
        String householdId = household.json().path("id").asText();
        String borrower = household.json().path("members").get(0).path("id").asText();
        String loan = """
                {"householdId":"%s","data":{"borrower":"%s","principal":10000,"issued":"%s","due":"%s"}}""";
        var pastDue = officer.send("POST", "/api/v1/programs/loans/records/loan",
                loan.formatted(householdId, borrower, TODAY.minusYears(3), TODAY.minusDays(1)));
        var dueToday = officer.send("POST", "/api/v1/programs/loans/records/loan",
                loan.formatted(householdId, borrower, TODAY.minusYears(3), TODAY));
        assertEquals(201, pastDue.status(), pastDue.body());
        assertEquals(201, dueToday.status(), dueToday.body());
        String path = "/api/v1/programs/loans/records/loan/";

        var run = api.awaitJob(api.send("POST", "/api/v1/admin/scheduled-actions", null));

        assertEquals("SUCCEEDED", run.json().path("state").asText(), run.body());
        var overdue = api.get(path + pastDue.json().path("id").asText()).json();
        assertEquals("OVERDUE", overdue.path("state").asText(), overdue.toString());
        var last = overdue.path("events").get(overdue.path("events").size() - 1);
        assertEquals("fall-due", last.path("name").asText());
        assertEquals("system", last.path("actor").asText());
        assertEquals("ACTIVE", api.get(path + dueToday.json().path("id").asText()).json().path("state").asText(),
                "due today is not yet overdue");
        assertEquals(403, officer.send("POST", path + dueToday.json().path("id").asText() + "/actions",
                "{\"action\":\"fall-due\"}").status(), "only the platform takes it");
    }

    /** A county's risk fund: its movements add up whatever eight officers send at once, each on its own version. */
    @Test
    void aCountysRiskFundCountsEveryMovementSentAtOnce() throws Exception {
        assertEquals(200, api.send("PUT", "/api/v1/regions/620502/programs/loans", "{\"enabled\":true}").status());
        var township = officer.send("POST", "/api/v1/programs/loans/records/risk-fund",
                "{\"region\":\"62\",\"data\":{\"bank\":\"甘肃省农村信用社\"}}");
        assertEquals(422, township.status(), township.body());
        assertEquals("region", Api.firstField(township));
        var fund = officer.send("POST", "/api/v1/programs/loans/records/risk-fund",
                "{\"region\":\"620502\",\"data\":{\"bank\":\"天水农商银行\"}}");
        assertEquals(201, fund.status(), fund.body());
        String path = "/api/v1/programs/loans/records/risk-fund/" + fund.json().path("id").asText();

        List<Supplier<Api.Reply>> deposits = java.util.stream.IntStream.range(0, 8)
                .<Supplier<Api.Reply>>mapToObj(i -> () -> officer.send("POST", path + "/entries", """
                        {"type":"movement","date":"%s","data":{"amount":125000,"kind":"DEPOSIT"}}"""
                        .formatted(TODAY)))
                .toList();
        var replies = Api.atOnce(deposits);

        assertEquals(List.of(201, 201, 201, 201, 201, 201, 201, 201),
                replies.stream().map(Api.Reply::status).toList());
        var read = api.get(path);
        assertEquals(9, read.json().path("version").asInt());
        assertEquals(0, new BigDecimal("1000000").compareTo(read.json().path("totals").path("movement").decimalValue()),
                read.body());
        var movements = api.get("/api/v1/programs/loans/reports/fund-movements?region=620502");
        assertEquals(200, movements.status(), movements.body());
        assertTrue(movements.body().contains("存入"), "grouped by the movement's kind: " + movements.body());
    }
}
