package org.fupin.yulu.internal;

import static org.fupin.yulu.internal.YuluDefinition.ENROLMENT_YEAR;
import static org.fupin.yulu.internal.YuluDefinition.MAX_AGE;
import static org.fupin.yulu.internal.YuluDefinition.MIN_AGE;
import static org.fupin.yulu.internal.YuluDefinition.PAY;
import static org.fupin.yulu.internal.YuluDefinition.PROGRAMME_YEARS;
import static org.fupin.yulu.internal.YuluDefinition.SCHOOL_SUBTYPE;
import static org.fupin.yulu.internal.YuluDefinition.SCHOOL_TYPE;
import static org.fupin.yulu.internal.YuluDefinition.SEASON;
import static org.fupin.yulu.internal.YuluDefinition.STUDENT;
import static org.fupin.yulu.internal.YuluDefinition.TERM_AMOUNT;
import static org.fupin.yulu.internal.YuluDefinition.TERM_YEAR;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.fupin.program.api.Application;
import org.fupin.program.api.BenefitGrant;
import org.fupin.program.api.ProgramMessages;
import org.fupin.program.api.Reason;
import org.fupin.program.api.RuleContext;
import org.fupin.program.api.Step;
import org.fupin.program.api.Verdict;
import org.fupin.registry.api.Household;
import org.fupin.registry.api.HouseholdStatus;
import org.fupin.registry.api.LocalizedText;
import org.fupin.registry.api.Member;

/**
 * 雨露计划's rules. Stateless: every number comes from the parameters in force, every date from the context.
 * Values that the form already checks (required, bounds, codes) are not checked again; a rule whose inputs are
 * missing says nothing, since the form's own check reports them.
 */
final class YuluRules {
    static final String HOUSEHOLD_STATUS = "yulu.household-status";
    static final String CANDIDATE = "yulu.candidate";
    static final String NO_STUDENT = "yulu.no-student";
    static final String AGE = "yulu.age";
    static final String SCHOOL_SUBTYPE_RULE = "yulu.school-subtype";
    static final String ENROLMENT_YEAR_RULE = "yulu.enrolment-year";
    static final String PROGRAMME_OVER = "yulu.programme-over";
    static final String TERM_OUTSIDE_PROGRAMME = "yulu.term-outside-programme";
    static final String TERM_NOT_STARTED = "yulu.term-not-started";
    static final String STUDENT_LEFT_HOUSEHOLD = "yulu.student-left-household";

    /** Registered (not yet out of poverty, or back in it) or exited but monitored. */
    static final Set<HouseholdStatus> SUPPORTED = EnumSet.of(HouseholdStatus.POOR, HouseholdStatus.RETURNED,
            HouseholdStatus.MONITORED);

    private final ProgramMessages messages;

    YuluRules(ProgramMessages messages) {
        this.messages = messages;
    }

    Verdict eligibility(RuleContext context) {
        Optional<Reason> status = householdStatus(context.household());
        if (status.isPresent()) {
            return Verdict.ineligible(List.of(status.get()));
        }
        int minAge = context.parameters().integer(MIN_AGE);
        int maxAge = context.parameters().integer(MAX_AGE);
        List<Reason> candidates = new ArrayList<>();
        for (Member member : context.household().members()) {
            Optional<SchoolType> type = SchoolType.of(member.schoolStatus());
            if (type.isPresent() && member.age() != null && member.age() >= minAge && member.age() <= maxAge) {
                candidates.add(Reason.onMember(CANDIDATE, member.id(),
                        messages.text("rule.candidate", member.name(), member.age(), type.get().stage())));
            }
        }
        if (candidates.isEmpty()) {
            return Verdict.ineligible(List.of(Reason.of(NO_STUDENT, messages.text("rule.no-student", minAge, maxAge))));
        }
        return Verdict.eligible(candidates);
    }

    List<Reason> check(Step step, RuleContext context) {
        if (step.isFiling()) {
            return filing(step.data(), context);
        }
        if (PAY.equals(step.action())) {
            return payment(step, context);
        }
        return List.of();
    }

    List<BenefitGrant> benefits(Step step, RuleContext context) {
        if (!PAY.equals(step.action())) {
            return List.of();
        }
        Term term = term(step.data())
                .orElseThrow(() -> new IllegalArgumentException("a payment needs a term year and a season"));
        // the amount in force in the term's own year, also when the term is paid late
        BigDecimal amount = context.parameters(term.year()).value(TERM_AMOUNT);
        return List.of(new BenefitGrant(term.period(), term.year(), term.label(messages), amount));
    }

    private List<Reason> filing(Map<String, Object> data, RuleContext context) {
        List<Reason> reasons = new ArrayList<>();
        householdStatus(context.household()).ifPresent(reasons::add);

        String studentId = text(data, STUDENT);
        member(context.household(), studentId).ifPresent(student -> age(student, context).ifPresent(reasons::add));

        Optional<SchoolType> type = SchoolType.of(text(data, SCHOOL_TYPE));
        Optional<SchoolSubtype> subtype = SchoolSubtype.of(text(data, SCHOOL_SUBTYPE));
        if (type.isPresent() && subtype.isPresent() && subtype.get().type() != type.get()) {
            reasons.add(Reason.onField(SCHOOL_SUBTYPE_RULE, SCHOOL_SUBTYPE,
                    messages.text("rule.school-subtype", option(SCHOOL_SUBTYPE, subtype.get()),
                            option(SCHOOL_TYPE, type.get()), option(SCHOOL_TYPE, subtype.get().type()))));
        }

        Long enrolmentYear = integer(data, ENROLMENT_YEAR);
        Long programmeYears = integer(data, PROGRAMME_YEARS);
        LocalDate today = context.today();
        if (enrolmentYear != null && enrolmentYear > today.getYear()) {
            reasons.add(Reason.onField(ENROLMENT_YEAR_RULE, ENROLMENT_YEAR,
                    messages.text("rule.enrolment-year", enrolmentYear, today.getYear())));
        }
        if (enrolmentYear != null && programmeYears != null) {
            Term last = Term.last(Math.toIntExact(enrolmentYear), Math.toIntExact(programmeYears));
            if (today.isAfter(last.end())) {
                reasons.add(Reason.onField(PROGRAMME_OVER, ENROLMENT_YEAR,
                        messages.text("rule.programme-over", enrolmentYear, programmeYears, last.end())));
            }
        }

        return reasons;
    }

    private List<Reason> payment(Step step, RuleContext context) {
        Optional<Term> paid = term(step.data());
        Application application = step.application();
        String studentId = application.memberId() != null ? application.memberId()
                : text(application.data(), STUDENT);
        List<Reason> reasons = new ArrayList<>();
        if (paid.isPresent()) {
            Term term = paid.get();
            Long enrolmentYear = integer(application.data(), ENROLMENT_YEAR);
            Long programmeYears = integer(application.data(), PROGRAMME_YEARS);
            if (enrolmentYear != null && programmeYears != null) {
                Term first = Term.first(Math.toIntExact(enrolmentYear));
                Term last = Term.last(Math.toIntExact(enrolmentYear), Math.toIntExact(programmeYears));
                if (term.compareTo(first) < 0 || term.compareTo(last) > 0) {
                    reasons.add(Reason.onField(TERM_OUTSIDE_PROGRAMME, TERM_YEAR,
                            messages.text("rule.term-outside-programme", term.label(messages), first.label(messages),
                                    last.label(messages))));
                }
            }
            if (context.today().isBefore(term.start())) {
                reasons.add(Reason.onField(TERM_NOT_STARTED, TERM_YEAR,
                        messages.text("rule.term-not-started", term.label(messages), term.start())));
            }
        }
        if (member(context.household(), studentId).isEmpty()) {
            reasons.add(Reason.of(STUDENT_LEFT_HOUSEHOLD,
                    messages.text("rule.student-left-household", Objects.toString(studentId, ""))));
        }
        return reasons;
    }

    private Optional<Reason> householdStatus(Household household) {
        HouseholdStatus status = household.status();
        if (status != null && SUPPORTED.contains(status)) {
            return Optional.empty();
        }
        Object label = status == null ? messages.text("status.unknown") : status;
        return Optional.of(Reason.of(HOUSEHOLD_STATUS, messages.text("rule.household-status", label)));
    }

    private Optional<Reason> age(Member student, RuleContext context) {
        int minAge = context.parameters().integer(MIN_AGE);
        int maxAge = context.parameters().integer(MAX_AGE);
        if (student.age() == null) {
            return Optional.of(Reason.onField(AGE, STUDENT, messages.text("rule.age.unknown", student.name())));
        }
        if (student.age() < minAge || student.age() > maxAge) {
            return Optional.of(Reason.onField(AGE, STUDENT,
                    messages.text("rule.age", student.name(), student.age(), minAge, maxAge)));
        }
        return Optional.empty();
    }

    /** A code's label, as the form's options show it. */
    private LocalizedText option(String field, Enum<?> code) {
        return messages.text("option." + field + "." + code.name());
    }

    private static Optional<Member> member(Household household, String memberId) {
        if (memberId == null) {
            return Optional.empty();
        }
        return household.members().stream().filter(m -> memberId.equals(m.id())).findFirst();
    }

    private static Optional<Term> term(Map<String, Object> data) {
        Long year = integer(data, TERM_YEAR);
        return year == null ? Optional.empty()
                : Term.Season.of(text(data, SEASON)).map(season -> new Term(Math.toIntExact(year), season));
    }

    private static String text(Map<String, Object> data, String name) {
        return data.get(name) instanceof String value ? value : null;
    }

    private static Long integer(Map<String, Object> data, String name) {
        return data.get(name) instanceof Number value ? value.longValue() : null;
    }
}
