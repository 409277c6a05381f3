package org.fupin.programs.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import org.fupin.program.api.Benefit;
import org.fupin.program.api.Conflict;
import org.fupin.program.api.Limit;
import org.fupin.program.api.Parameters;
import org.fupin.program.api.Reason;
import org.fupin.program.api.ProgramDefinition;
import org.fupin.program.api.State;
import org.fupin.program.api.Step;
import org.fupin.registry.api.ValidationException;
import org.fupin.registry.api.Violation;
import org.fupin.registry.model.Household;
import org.fupin.registry.model.LocalizedText;
import org.fupin.registry.model.Member;

/**
 * A program's declared {@link Limit}s, checked on the writer connection inside the transaction that stores a filing
 * or a step. The database has one writer and runs one transaction at a time, so what this reads cannot change before
 * the write commits: two filings or payments arriving together are counted one after the other.
 *
 * @param definition the program's declaration
 * @param parameters the parameters in force for the household's county, by year
 * @param thisYear   the year open applications are counted in (for limits whose maximum is a parameter)
 */
record LimitCheck(ProgramDefinition definition, IntFunction<Parameters> parameters, int thisYear) {

    /**
     * What is being written: the application (its program, household and member), the action ({@code file} for a
     * filing) and the benefits it grants.
     */
    record Write(String applicationId, String program, String householdId, String memberId, String action,
            List<Benefit> granted) {
        boolean filing() {
            return Step.FILE.equals(action);
        }
    }

    /** Throws a {@link ValidationException} naming every limit the write would exceed; reads only. */
    void enforce(Connection c, Write write) throws SQLException {
        List<Violation> violations = new ArrayList<>();
        for (Limit limit : definition.limits()) {
            String subject = limit.per() == Limit.Per.MEMBER ? write.memberId() : write.householdId();
            if (subject == null) {
                continue;
            }
            switch (limit.measure()) {
                case OPEN_APPLICATIONS -> {
                    if (write.filing()) {
                        openApplications(c, limit, write, subject, violations);
                    }
                }
                case PAYMENTS, AMOUNT -> benefits(c, limit, write, subject, violations);
            }
        }
        for (Conflict conflict : definition.conflicts()) {
            if (conflict.actions().contains(write.action())) {
                conflicting(c, conflict, write, violations);
            }
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
    }

    /**
     * The other program's earliest application of the household in one of the conflict's states, if any; or, for a
     * conflict with records, its earliest record of that type of the household in one of them.
     */
    private static void conflicting(Connection c, Conflict conflict, Write write, List<Violation> violations)
            throws SQLException {
        boolean records = conflict.record() != null;
        String sql = "SELECT id, state FROM " + (records ? "program_record" : "program_application")
                + " WHERE program = ? AND household_id = ?" + (records ? " AND type = ?" : "") + " AND state IN ("
                + String.join(",", Collections.nCopies(conflict.states().size(), "?")) + ") ORDER BY created_at, id "
                + "LIMIT 1";
        try (var s = c.prepareStatement(sql)) {
            int i = 1;
            s.setString(i++, conflict.program());
            s.setString(i++, write.householdId());
            if (records) {
                s.setString(i++, conflict.record());
            }
            for (String state : conflict.states()) {
                s.setString(i++, state);
            }
            try (var r = s.executeQuery()) {
                if (r.next()) {
                    violations.add(new Violation(write.filing() ? "householdId" : "action", records
                            ? Texts.text("conflict.record", conflict.program(), r.getString(1), r.getString(2),
                                    write.action(), conflict.rule(), conflict.record())
                            : Texts.text("conflict.other", conflict.program(), r.getString(1), r.getString(2),
                                    write.action(), conflict.rule())));
                }
            }
        }
    }

    /**
     * The limits on open applications that a filing now would exceed, as eligibility reasons naming the applications
     * that count: one for the household, or one per member (with its id) for a limit per member. {@code open}: the
     * program's applications of the household that are not in a terminal state.
     */
    List<Reason> exhausted(List<ProgramStore.OpenApplication> open, Household household) {
        List<Reason> reasons = new ArrayList<>();
        for (Limit limit : definition.limits()) {
            if (limit.measure() != Limit.Measure.OPEN_APPLICATIONS) {
                continue;
            }
            BigDecimal max = max(limit, thisYear);
            Map<String, List<String>> bySubject = new LinkedHashMap<>();
            for (var application : open) {
                String subject = limit.per() == Limit.Per.MEMBER ? application.memberId() : household.id();
                if (subject != null) {
                    bySubject.computeIfAbsent(subject, k -> new ArrayList<>()).add(application.id());
                }
            }
            bySubject.forEach((subject, ids) -> {
                if (BigDecimal.valueOf(ids.size() + 1L).compareTo(max) > 0) {
                    LocalizedText why = Texts.text("limit.open-applications", per(limit), String.join(", ", ids),
                            plain(max));
                    reasons.add(limit.per() == Limit.Per.MEMBER
                            ? Reason.onMember(limit.rule(), subject, named(household, subject, why))
                            : Reason.of(limit.rule(), why));
                }
            });
        }
        return reasons;
    }

    /** The reason about a member, with the member's name before it. */
    private static LocalizedText named(Household household, String memberId, LocalizedText why) {
        String name = household.members().stream().filter(m -> memberId.equals(m.id())).map(Member::name).findFirst()
                .orElse(memberId);
        return new LocalizedText(name + "：" + why.zh(), name + ": " + why.en());
    }

    private void openApplications(Connection c, Limit limit, Write write, String subject, List<Violation> violations)
            throws SQLException {
        List<String> open = definition.workflow().states().stream().filter(s -> !s.terminal()).map(State::id)
                .toList();
        String sql = "SELECT id FROM program_application WHERE program = ? AND "
                + (limit.per() == Limit.Per.MEMBER ? "member_id" : "household_id") + " = ? AND state IN ("
                + String.join(",", Collections.nCopies(open.size(), "?")) + ") ORDER BY created_at, id";
        List<String> ids = new ArrayList<>();
        try (var s = c.prepareStatement(sql)) {
            s.setString(1, write.program());
            s.setString(2, subject);
            for (int i = 0; i < open.size(); i++) {
                s.setString(3 + i, open.get(i));
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getString(1));
                }
            }
        }
        BigDecimal max = max(limit, thisYear);
        if (BigDecimal.valueOf(ids.size() + 1L).compareTo(max) > 0) {
            violations.add(violation(limit, Texts.text("limit.open-applications", per(limit),
                    String.join(", ", ids), plain(max))));
        }
    }

    private void benefits(Connection c, Limit limit, Write write, String subject, List<Violation> violations)
            throws SQLException {
        // the new grants by the span they count in: their period, their year, or all of them together
        Map<String, List<Benefit>> bySpan = new LinkedHashMap<>();
        for (Benefit benefit : write.granted()) {
            bySpan.computeIfAbsent(span(limit, benefit), k -> new ArrayList<>()).add(benefit);
        }
        for (var entry : bySpan.entrySet()) {
            Benefit first = entry.getValue().get(0);
            String sql = "SELECT application_id, amount_fen FROM program_benefit WHERE program = ? AND "
                    + (limit.per() == Limit.Per.MEMBER ? "member_id" : "household_id") + " = ?"
                    + switch (limit.within()) {
                        case PERIOD -> " AND period = ?";
                        case YEAR -> " AND year = ?";
                        case LIFETIME -> "";
                    };
            long count = 0;
            long fen = 0;
            Set<String> applications = new LinkedHashSet<>();
            try (var s = c.prepareStatement(sql)) {
                s.setString(1, write.program());
                s.setString(2, subject);
                switch (limit.within()) {
                    case PERIOD -> s.setString(3, first.period());
                    case YEAR -> s.setInt(3, first.year());
                    case LIFETIME -> { }
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        applications.add(r.getString(1));
                        count++;
                        fen += r.getLong(2);
                    }
                }
            }
            int year = limit.within() == Limit.Within.LIFETIME ? thisYear : first.year();
            BigDecimal max = max(limit, year);
            BigDecimal before = limit.measure() == Limit.Measure.PAYMENTS ? BigDecimal.valueOf(count)
                    : BigDecimal.valueOf(fen, 2);
            BigDecimal adding = limit.measure() == Limit.Measure.PAYMENTS ? BigDecimal.valueOf(entry.getValue().size())
                    : entry.getValue().stream().map(Benefit::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (before.add(adding).compareTo(max) <= 0) {
                continue;
            }
            LocalizedText within = within(limit, first);
            String others = applications.stream().collect(Collectors.joining(", "));
            violations.add(violation(limit, limit.measure() == Limit.Measure.PAYMENTS
                    ? Texts.text("limit.payments", per(limit), within, plain(before), others, plain(max))
                    : Texts.text("limit.amount", per(limit), within, plain(before), others, plain(adding),
                            plain(max))));
        }
    }

    private BigDecimal max(Limit limit, int year) {
        return limit.max() != null ? limit.max() : parameters.apply(year).value(limit.maxParameter());
    }

    private static String span(Limit limit, Benefit benefit) {
        return switch (limit.within()) {
            case PERIOD -> benefit.period();
            case YEAR -> String.valueOf(benefit.year());
            case LIFETIME -> "";
        };
    }

    private static LocalizedText within(Limit limit, Benefit benefit) {
        return switch (limit.within()) {
            case PERIOD -> Texts.text("limit.within.PERIOD", benefit.periodLabel());
            case YEAR -> Texts.text("limit.within.YEAR", benefit.year());
            case LIFETIME -> Texts.text("limit.within.LIFETIME");
        };
    }

    private static LocalizedText per(Limit limit) {
        return Texts.text("limit.per." + limit.per().name());
    }

    private static Violation violation(Limit limit, LocalizedText message) {
        return new Violation(limit.field() == null ? limit.rule() : "data." + limit.field(), message);
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
