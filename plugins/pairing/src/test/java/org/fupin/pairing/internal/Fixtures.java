package org.fupin.pairing.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fupin.plugin.testkit.Households;
import org.fupin.plugin.testkit.ProgramUnderTest;
import org.fupin.plugin.testkit.TestRuleContext;
import org.fupin.program.api.Field;
import org.fupin.program.api.Form;
import org.fupin.program.api.ProgramRecord;
import org.fupin.program.api.Reason;
import org.fupin.program.api.RecordWrite;
import org.fupin.registry.model.Household;
import org.fupin.registry.model.HouseholdStatus;
import org.fupin.registry.model.IdNumber;
import org.fupin.registry.model.Relation;

/** The program as the platform runs it, and the records and writes its tests are made of. */
final class Fixtures {
    /** 结对帮扶 as the platform runs it: its declaration read and checked from the class path, with its rules. */
    static final ProgramUnderTest PAIRING = ProgramUnderTest.of(new PairingRules()).assertValid();
    static final LocalDate TODAY = LocalDate.of(2026, 10, 15);
    static final String COUNTY = "620502";
    static final String TOWNSHIP = "620502101";
    static final String VILLAGE = Households.VILLAGE;
    static final Household HOUSEHOLD = Households.household(HouseholdStatus.POOR,
            Households.member("m-0", "马永福", 52).relation(Relation.HEAD).build(),
            Households.member("m-1", "马小燕", 14).relation(Relation.DAUGHTER).build());
    /** GB 11643's own example: 北京市朝阳区, born 31 December 1949, check character X. */
    static final String CADRE_ID = "11010519491231002X";

    private Fixtures() {
    }

    /** A valid ID number with these first 17 digits. */
    static String idNumber(String first17) {
        return first17 + IdNumber.checkCharacter(first17);
    }

    /** A record as the rules see it, its values typed by its form as the platform types them. */
    static ProgramRecord record(String id, String type, String state, String region, Map<String, Object> data) {
        String household = PairingRules.PAIRING.equals(type) ? HOUSEHOLD.id() : null;
        return new ProgramRecord(id, type, state, household, null, null, region, typed(formOf(type), data), Map.of(),
                Instant.EPOCH);
    }

    /** A valid record of each type as created: in its region, dated well before {@link #TODAY}. */
    static ProgramRecord valid(String type) {
        return switch (type) {
            case PairingRules.UNIT -> record(null, type, "ACTIVE", COUNTY, Map.of("unitName", "天水市农业农村局",
                    "unitKind", "CITY", "contact", "王建国", "phone", "0938-8212345"));
            case PairingRules.VILLAGE_LINK -> record(null, type, "ACTIVE", VILLAGE, Map.of("unit", "天水市农业农村局",
                    "since", "2024-03-01", "until", "2026-12-31"));
            case PairingRules.PROJECT -> record(null, type, "PLANNED", VILLAGE, Map.of("unit", "天水市农业农村局",
                    "projectName", "北崖村村组道路硬化", "projectKind", "ROAD", "budget", "300000"));
            case PairingRules.CONTACT_POINT -> record(null, type, "ACTIVE", TOWNSHIP, Map.of("leader", "刘志强",
                    "post", "秦州区副区长", "rank", "DIVISION", "since", "2024-01-15"));
            case PairingRules.PAIRING -> record(null, type, "ACTIVE", VILLAGE, pairing(CADRE_ID, "SECTION", "KEY"));
            case PairingRules.TEAM -> record(null, type, "ACTIVE", VILLAGE, Map.of("sentBy", "天水市农业农村局",
                    "formedOn", "2024-09-02", "termYears", 3));
            case PairingRules.TEAM_MEMBER -> member(null, "王建国", "SERVING", "2024-09-02", null);
            case PairingRules.VILLAGE_PLAN -> record(null, type, "ACTIVE", VILLAGE, plan("THREE_YEAR", 2024, 2026));
            case PairingRules.ASSESSMENT -> record(null, type, "SCORED", COUNTY, Map.of("unit", "天水市农业农村局",
                    "year", 2025, "presence", "92.5", "visits", "88", "plans", "90", "exits", "75"));
            case PairingRules.CADRE_ASSESSMENT -> record(null, type, "SCORED", COUNTY, Map.of("cadreName", "李春梅",
                    "cadreId", CADRE_ID, "year", 2025, "presence", "90", "visits", "95", "plans", "85", "exits", "80"));
            default -> throw new IllegalArgumentException(type);
        };
    }

    static Map<String, Object> pairing(String cadreId, String rank, String kind) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("cadreName", "李春梅");
        data.put("cadreId", cadreId);
        data.put("rank", rank);
        data.put("kind", kind);
        data.put("unit", "秦州区农业农村局");
        data.put("unitLevel", "COUNTY");
        data.put("post", "科长");
        data.put("phone", "13893800001");
        data.put("since", "2025-03-01");
        return data;
    }

    static Map<String, Object> plan(String kind, int from, int to) {
        return Map.of("planKind", kind, "unit", "天水市农业农村局", "fromYear", from, "toYear", to, "exitTarget", 12,
                "incomeTarget", "8000", "fundTarget", "500000");
    }

    static ProgramRecord member(String id, String name, String state, String from, String until) {
        Map<String, Object> data = new HashMap<>(Map.of("memberName", name, "role", "MEMBER", "unit", "秦州区农业农村局",
                "unitLevel", "COUNTY", "from", from));
        if (until != null) {
            data.put("until", until);
        }
        return record(id, PairingRules.TEAM_MEMBER, state, VILLAGE, data);
    }

    /** The record with some of its values replaced (typed), as a form would send them. */
    static ProgramRecord with(ProgramRecord record, Map<String, Object> values) {
        Map<String, Object> data = new HashMap<>(record.data());
        data.putAll(typed(formOf(record.type()), values));
        return new ProgramRecord(record.id(), record.type(), record.state(), record.householdId(), record.memberId(),
                record.applicationId(), record.region(), data, record.totals(), record.createdAt());
    }

    static ProgramRecord in(ProgramRecord record, String region) {
        return new ProgramRecord(record.id(), record.type(), record.state(), record.householdId(), record.memberId(),
                record.applicationId(), region, record.data(), record.totals(), record.createdAt());
    }

    static RecordWrite create(ProgramRecord record) {
        return new RecordWrite(RecordWrite.Kind.CREATE, null, record, record.data(), null, null);
    }

    static RecordWrite edit(ProgramRecord record, Map<String, Object> values) {
        return new RecordWrite(RecordWrite.Kind.EDIT, null, record, with(record, values).data(), null, null);
    }

    static RecordWrite action(ProgramRecord record, String action, Map<String, Object> values) {
        String form = PAIRING.definition().record(record.type()).orElseThrow().action(action).orElseThrow().form();
        return new RecordWrite(RecordWrite.Kind.ACTION, action, record,
                form == null ? Map.of() : typed(PAIRING.definition().form(form).orElseThrow(), values), null, "原因");
    }

    static RecordWrite entry(ProgramRecord record, String entry, LocalDate on, Map<String, Object> values) {
        String form = PAIRING.definition().record(record.type()).orElseThrow().entry(entry).orElseThrow().form();
        return new RecordWrite(RecordWrite.Kind.ENTRY, entry, record,
                typed(PAIRING.definition().form(form).orElseThrow(), values), on, null);
    }

    /** What the rules see of a write to a region's record in {@code region}, or to the household's pairing. */
    static TestRuleContext context(ProgramRecord record, LocalDate today, ProgramRecord... others) {
        TestRuleContext context = record.householdId() != null ? PAIRING.context(HOUSEHOLD, today)
                : PAIRING.regionContext(record.region(), today);
        return context.withRecords(others);
    }

    /** The rules' reasons for a write, checking that each says why in both languages. */
    static List<String> rules(RecordWrite write, TestRuleContext context) {
        List<Reason> reasons = PAIRING.program().checkRecord(write, context);
        reasons.forEach(Fixtures::readable);
        return reasons.stream().map(Reason::rule).toList();
    }

    static void readable(Reason reason) {
        assertFalse(reason.message().zh().isBlank(), reason::toString);
        assertFalse(reason.message().en().isBlank(), reason::toString);
        assertFalse(reason.message().zh().contains("{") || reason.message().en().contains("{"), reason::toString);
        assertTrue(reason.rule().startsWith(PairingRules.ID + "."), reason::toString);
    }

    static Form formOf(String type) {
        return PAIRING.definition().form(PAIRING.definition().record(type).orElseThrow().form()).orElseThrow();
    }

    /**
     * Values as the platform hands them to rules (§3.2): dates as {@code LocalDate}, integers as {@code Long},
     * money and decimals as {@code BigDecimal}, the rest as given.
     */
    static Map<String, Object> typed(Form form, Map<String, Object> values) {
        Map<String, Object> typed = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            Field field = form.field(name).orElseThrow(() -> new IllegalArgumentException(form.id() + " has no "
                    + name));
            typed.put(name, value == null ? null : switch (field.type()) {
                case DATE -> value instanceof LocalDate ? value : LocalDate.parse(value.toString());
                case INTEGER -> ((Number) (value instanceof String s ? Long.valueOf(s) : value)).longValue();
                case MONEY, DECIMAL -> new BigDecimal(value.toString()).stripTrailingZeros();
                default -> value;
            });
        });
        return typed;
    }
}
