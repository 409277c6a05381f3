package org.fupin.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * 扶贫小额信贷 as the distribution ships it, installed while the platform runs: one loan from the household's credit
 * rating through the application, the bank's approval and disbursement, the interest subsidy, an extension and the
 * repayments to 结清; another left unpaid, which the platform's clock makes overdue the day after it is due and hands
 * to the risk fund (代偿) on the 91st day overdue, not the 90th — over HTTP.
 */
@Timeout(180)
class MicrocreditIT {
    static final String PROGRAM = "/api/v1/programs/microcredit";
    static Api api;
    static Api officer;
    static BundleContext context;

    @BeforeAll
    static void start(@InjectBundleContext BundleContext bundleContext) throws Exception {
        context = bundleContext;
        api = Api.admin(context);
        officer = api.user("it-microcredit", "620502", "rural-credit", "PROGRAM_OFFICER");
        ShippedPlugins.install(api, context, "microcredit");
        // the county lends at most ten times its risk fund: a fund of 1,000,000 lets it lend 10,000,000
        fund(officer, "620502", "1000000");
    }

    /** A risk fund of the county with one deposit. */
    private static void fund(Api who, String county, String deposit) {
        var fund = who.send("POST", PROGRAM + "/records/fund", """
                {"region":"%s","data":{"bank":"农村信用合作联社","openedOn":"2024-01-10"}}""".formatted(county));
        assertEquals(201, fund.status(), fund.body());
        assertEquals(201, who.send("POST", PROGRAM + "/records/fund/" + fund.json().path("id").asText() + "/entries",
                """
                {"type":"deposit","date":"2024-01-15","data":{"amount":%s,"source":"COUNTY_BUDGET"}}"""
                        .formatted(deposit)).status());
    }

    @AfterAll
    static void stop() throws Exception {
        ShippedPlugins.remove(api, context, "microcredit");
    }

    /** A loan is never repaid beyond what is owed, also by eight repayments booked at once. */
    @Test
    void eightRepaymentsAtOnceNeverRepayMoreThanIsOwed() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        JsonNode household = household(today);
        String householdId = household.path("id").asText();
        assertEquals(201, officer.send("POST", PROGRAM + "/records/rating", rating(householdId, 85, "AA", today))
                .status());
        String loanPath = disbursedLoan(householdId, household.path("members").get(0).path("id").asText(), "30000",
                12, today);

        var answers = Api.atOnce(java.util.stream.IntStream.range(0, 8)
                .<java.util.function.Supplier<Api.Reply>>mapToObj(i ->
                        () -> officer.send("POST", loanPath + "/entries", repayment(today, "10000"))).toList());

        assertEquals(3, answers.stream().filter(a -> a.status() == 201).count(), "30,000 owed: three of 10,000");
        answers.stream().filter(a -> a.status() != 201).forEach(a -> {
            assertEquals(422, a.status(), a.body());
            assertEquals("data.amount", Api.firstField(a));
        });
        assertEquals(0, new java.math.BigDecimal("30000").compareTo(officer.get(loanPath).json().path("totals")
                .path("repayment").decimalValue()));
    }

    @Test
    void aRatedHouseholdBorrowsHasItsInterestPaidExtendsOnceAndSettles() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        JsonNode household = household(today);
        String householdId = household.path("id").asText();
        String borrower = household.path("members").get(0).path("id").asText();

        var wrongGrade = officer.send("POST", PROGRAM + "/records/rating", rating(householdId, 85, "AAA", today));
        assertEquals(422, wrongGrade.status(), wrongGrade.body());
        assertEquals("data.grade", Api.firstField(wrongGrade));
        assertEquals(201, officer.send("POST", PROGRAM + "/records/rating", rating(householdId, 85, "AA", today))
                .status());
        refused(application(householdId, borrower, "30000.01", false), "data.amount", "AA: at most 30,000");
        refused(application(householdId, borrower, "20000", true), "data.enterpriseUse", "户贷企用");
        String loanPath = disbursedLoan(householdId, borrower, "30000", 12, today);

        // the interest of the first 30 days on 30,000 at 4.35 %: 108.75
        var subsidy = "{\"type\":\"interest-subsidy\",\"date\":\"%s\",\"data\":{\"periodStart\":\"%s\","
                + "\"periodEnd\":\"%s\",\"amount\":%s}}";
        var wrongSubsidy = officer.send("POST", loanPath + "/entries", subsidy.formatted(today, today,
                today.plusDays(29), "108.76"));
        assertEquals(422, wrongSubsidy.status(), wrongSubsidy.body());
        assertTrue(wrongSubsidy.body().contains("108.75"), wrongSubsidy.body());
        assertEquals(201, officer.send("POST", loanPath + "/entries", subsidy.formatted(today, today,
                today.plusDays(29), "108.75")).status());
        var overpaid = officer.send("POST", loanPath + "/entries", repayment(today, "30000.01"));
        assertEquals(422, overpaid.status(), overpaid.body());

        LocalDate due = today.plusMonths(12);
        var tooLong = officer.send("POST", loanPath + "/actions", extension(due.plusMonths(12).plusDays(1), today));
        assertEquals(422, tooLong.status(), "an extension of at most a year: " + tooLong.body());
        var extended = officer.send("POST", loanPath + "/actions", extension(due.plusMonths(6), today));
        assertEquals(200, extended.status(), extended.body());
        assertEquals("EXTENDED", extended.json().path("state").asText());
        assertEquals(due.plusMonths(6).toString(), extended.json().path("data").path("dueDate").asText(),
                "the extension's due date is the loan's now");
        assertEquals(409, officer.send("POST", loanPath + "/actions", extension(due.plusMonths(7), today)).status(),
                "extended once");

        assertEquals(422, officer.send("POST", loanPath + "/actions", "{\"action\":\"settle\"}").status(),
                "not repaid yet");
        assertEquals(201, officer.send("POST", loanPath + "/entries", repayment(today, "30000")).status());
        var settled = officer.send("POST", loanPath + "/actions", "{\"action\":\"settle\"}");
        assertEquals(200, settled.status(), settled.body());
        assertEquals("SETTLED", settled.json().path("state").asText());
    }

    @Test
    void anUnpaidLoanFallsOverdueTheDayAfterItIsDueAndGoesToTheRiskFundOnThe91stDay() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        JsonNode household = household(today);
        String householdId = household.path("id").asText();
        String borrower = household.path("members").get(0).path("id").asText();
        assertEquals(201, officer.send("POST", PROGRAM + "/records/rating", rating(householdId, 95, "AAA", today))
                .status());
        String loanPath = disbursedLoan(householdId, borrower, "50000", 6, today);
        int dueIn = (int) ChronoUnit.DAYS.between(today, today.plusMonths(6));
        try {
            assertEquals("NORMAL", runScheduledAt(dueIn, loanPath), "due today is not overdue");
            assertEquals("OVERDUE", runScheduledAt(dueIn + 1, loanPath));
            var again = officer.send("POST", PROGRAM + "/applications", application(householdId, borrower, "5000",
                    false));
            assertEquals(422, again.status(), "no new loan while one is overdue: " + again.body());
            assertTrue(again.body().contains("microcredit.none-while-overdue"), again.body());
            assertEquals("OVERDUE", runScheduledAt(dueIn + 1 + 90, loanPath), "90 days overdue");
            assertEquals("COMPENSATED", runScheduledAt(dueIn + 1 + 91, loanPath), "91 days overdue");
        } finally {
            ProgramsIT.moveClock(context, 0);
        }
        var fund = officer.send("POST", PROGRAM + "/records/fund", """
                {"region":"620502","data":{"bank":"秦州区农村信用合作联社","openedOn":"%s"}}""".formatted(today));
        assertEquals(201, fund.status(), fund.body());
        String entries = PROGRAM + "/records/fund/" + fund.json().path("id").asText() + "/entries";
        assertEquals(201, officer.send("POST", entries, """
                {"type":"deposit","date":"%s","data":{"amount":40000,"source":"COUNTY_BUDGET"}}""".formatted(today))
                .status());
        var tooMuch = officer.send("POST", entries, compensation(today, "50000"));
        assertEquals(422, tooMuch.status(), "the fund holds 40,000: " + tooMuch.body());
        assertEquals(201, officer.send("POST", entries, """
                {"type":"deposit","date":"%s","data":{"amount":1960000,"source":"COUNTY_BUDGET"}}""".formatted(today))
                .status());
        assertEquals(201, officer.send("POST", entries, compensation(today, "50000")).status());
    }

    /** DOMAIN.md §6: a county lends about ten times its risk fund; eight loans at once against room for three. */
    @Test
    void eightLoansAtOnceStayWithinTenTimesTheCountysRiskFund() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        Api maiji = api.user("it-microcredit-maiji", "620503", "rural-credit", "PROGRAM_OFFICER");
        assertEquals(200, api.send("PUT", "/api/v1/regions/620503/programs/microcredit", "{\"enabled\":true}")
                .status());
        fund(maiji, "620503", "3500");
        List<String> loans = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            var created = api.send("POST", "/api/v1/households", ProgramsIT.household(today.minusYears(16))
                    .replace(ProgramsIT.VILLAGE, "620503001001"));
            assertEquals(201, created.status(), created.body());
            String householdId = created.json().path("id").asText();
            String borrower = created.json().path("members").get(0).path("id").asText();
            assertEquals(201, maiji.send("POST", PROGRAM + "/records/rating", rating(householdId, 95, "AAA", today))
                    .status());
            var filed = maiji.send("POST", PROGRAM + "/applications", application(householdId, borrower, "10000",
                    false));
            assertEquals(201, filed.status(), filed.body());
            String applicationId = filed.json().path("id").asText();
            String path = PROGRAM + "/applications/" + applicationId + "/transitions";
            for (String action : List.of("recommend", "review", "approve")) {
                assertEquals(200, maiji.send("POST", path, "{\"action\":\"" + action + "\"}").status(), action);
            }
            assertEquals(200, maiji.send("POST", path, """
                    {"action":"disburse","data":{"contractNumber":"MJ-IT-%d","disbursedOn":"%s"}}"""
                    .formatted(i, today)).status());
            loans.add("""
                    {"applicationId":"%s","data":{"borrower":"%s","contractNumber":"MJ-IT-%d","principal":10000,
                     "issuedOn":"%s","termMonths":12,"dueDate":"%s"}}""".formatted(applicationId, borrower, i, today,
                    today.plusMonths(12)));
        }

        var answers = Api.atOnce(loans.stream().<java.util.function.Supplier<Api.Reply>>map(body ->
                () -> maiji.send("POST", PROGRAM + "/records/loan", body)).toList());

        assertEquals(3, answers.stream().filter(a -> a.status() == 201).count(), "35,000 of room: three loans");
        var refused = answers.stream().filter(a -> a.status() != 201).toList();
        assertEquals(5, refused.size());
        for (var refusal : refused) {
            assertEquals(422, refusal.status(), refusal.body());
            assertEquals("data.principal", Api.firstField(refusal));
            assertTrue(refusal.body().contains("microcredit.county-cap"), refusal.body());
        }
        String loan = PROGRAM + "/records/loan/" + answers.stream().filter(a -> a.status() == 201).findFirst()
                .orElseThrow().json().path("id").asText();
        assertEquals(201, maiji.send("POST", loan + "/entries", repayment(today, "4000")).status());
        JsonNode outstanding = maiji.get(PROGRAM + "/reports/outstanding-by-region?region=620503").json()
                .path("total");
        assertEquals(0, new java.math.BigDecimal("26000").compareTo(outstanding.path("balance.principal")
                .decimalValue()), "30,000 lent, 4,000 repaid: " + outstanding);
        assertEquals(0, outstanding.path("share").decimalValue().signum(), "none overdue: " + outstanding);
        JsonNode coverage = maiji.get(PROGRAM + "/reports/rating-coverage?region=620503").json().path("total");
        assertEquals(8, coverage.path("households").asLong(), coverage.toString());
        assertTrue(coverage.path("coverage").decimalValue().signum() > 0
                && coverage.path("coverage").decimalValue().compareTo(java.math.BigDecimal.valueOf(100)) <= 0,
                "8 rated among the county's households served: " + coverage);
    }

    @Test
    void everyReportAsJsonCsvAndXlsx() {
        ShippedPlugins.everyReportAnswers(officer, "microcredit");
    }

    /** The loan's state after the platform's scheduled actions ran with the clock {@code days} ahead. */
    private static String runScheduledAt(int days, String loanPath) throws Exception {
        ProgramsIT.moveClock(context, days);
        var run = api.awaitJob(api.send("POST", "/api/v1/admin/scheduled-actions", null));
        assertEquals("SUCCEEDED", run.json().path("state").asText(), run.body());
        return officer.get(loanPath).json().path("state").asText();
    }

    /** An application filed, recommended, reviewed, approved and disbursed; its loan recorded: the loan's path. */
    private static String disbursedLoan(String householdId, String borrower, String amount, int months,
            LocalDate today) {
        var filed = officer.send("POST", PROGRAM + "/applications", application(householdId, borrower, amount, false)
                .replace("\"termMonths\":12", "\"termMonths\":" + months));
        assertEquals(201, filed.status(), filed.body());
        String applicationId = filed.json().path("id").asText();
        String path = PROGRAM + "/applications/" + applicationId + "/transitions";
        for (String action : List.of("recommend", "review", "approve")) {
            assertEquals(200, officer.send("POST", path, "{\"action\":\"" + action + "\"}").status(), action);
        }
        assertEquals(200, officer.send("POST", path, """
                {"action":"disburse","data":{"contractNumber":"XD-IT-%s","disbursedOn":"%s"}}"""
                .formatted(applicationId.substring(0, 8), today)).status());
        var loan = officer.send("POST", PROGRAM + "/records/loan", """
                {"applicationId":"%s","data":{"borrower":"%s","contractNumber":"XD-IT-%s","principal":%s,
                 "issuedOn":"%s","termMonths":%d,"dueDate":"%s"}}""".formatted(applicationId, borrower,
                applicationId.substring(0, 8), amount, today, months, today.plusMonths(months)));
        assertEquals(201, loan.status(), loan.body());
        return PROGRAM + "/records/loan/" + loan.json().path("id").asText();
    }

    private static JsonNode household(LocalDate today) {
        var created = api.send("POST", "/api/v1/households", ProgramsIT.household(today.minusYears(16)));
        assertEquals(201, created.status(), created.body());
        return created.json();
    }

    /** A rating of {@code score} points (at least 60): integrity and labour 30 each, the rest industry, then income. */
    private static String rating(String householdId, int score, String grade, LocalDate on) {
        int industry = Math.min(20, score - 60);
        return """
                {"householdId":"%s","data":{"integrity":30,"labour":30,"industry":%d,"income":%d,"grade":"%s",
                 "ratedOn":"%s"}}""".formatted(householdId, industry, score - 60 - industry, grade, on);
    }

    private static String application(String householdId, String borrower, String amount, boolean enterpriseUse) {
        return """
                {"householdId":"%s","data":{"borrower":"%s","amount":%s,"termMonths":12,"purpose":"BREEDING",
                 "enterpriseUse":%s}}""".formatted(householdId, borrower, amount, enterpriseUse);
    }

    private static String repayment(LocalDate on, String amount) {
        return "{\"type\":\"repayment\",\"date\":\"%s\",\"data\":{\"amount\":%s}}".formatted(on, amount);
    }

    private static String extension(LocalDate due, LocalDate on) {
        return "{\"action\":\"extend\",\"note\":\"养殖周期延长，申请展期\",\"data\":{\"dueDate\":\"%s\",\"extendedOn\":\"%s\"}}"
                .formatted(due, on);
    }

    private static String compensation(LocalDate on, String amount) {
        return "{\"type\":\"compensation\",\"date\":\"%s\",\"data\":{\"amount\":%s,\"contractNumber\":\"XD-IT\"}}"
                .formatted(on, amount);
    }

    private static void refused(String filing, String field, String why) {
        var answer = officer.send("POST", PROGRAM + "/applications", filing);
        assertEquals(422, answer.status(), why + ": " + answer.body());
        assertEquals(field, Api.firstField(answer), why + ": " + answer.body());
    }
}
