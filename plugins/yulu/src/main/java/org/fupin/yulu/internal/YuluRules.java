package org.fupin.yulu.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.fupin.program.api.Application;
import org.fupin.program.api.BenefitGrant;
import org.fupin.program.api.ProgramMessages;
import org.fupin.program.api.ProgramPlugin;
import org.fupin.program.api.ProgramRules;
import org.fupin.program.api.Reason;
import org.fupin.program.api.RuleContext;
import org.fupin.program.api.Step;
import org.fupin.program.api.Verdict;
import org.fupin.registry.model.Household;
import org.fupin.registry.model.LocalizedText;
import org.fupin.registry.model.Member;
import org.osgi.service.component.annotations.Component;

/**
 * 雨露计划 (Rain and Dew Plan): 1,500 yuan per term (3,000 a year) for a child of a registered or monitored household
 * in full-time secondary or higher vocational education. Everything else is declared in
 * {@code PROGRAM-INF/program.json}: forms, workflow, the household statuses it supports, one open application per
 * student and one payment per student per term. These are the rules that need code. Stateless: every number comes
 * from the parameters in force, every date from the context. Values that the form already checks (required, bounds,
 * codes) are not checked again; a rule whose inputs are missing says nothing, since the form's own check reports
 * them.
 */
@ProgramPlugin(YuluRules.ID)
@Component(service = ProgramRules.class, property = ProgramRules.PROGRAM + "=" + YuluRules.ID)
public final class YuluRules implements ProgramRules {
    static final String ID = "yulu";

    // parameters
    static final String TERM_AMOUNT = "termAmount";
    static final String MIN_AGE = "minAge";
    static final String MAX_AGE = "maxAge";

    // form fields and actions
    static final String STUDENT = "student";
    static final String SCHOOL_TYPE = "schoolType";
    static final String SCHOOL_SUBTYPE = "schoolSubtype";
    static final String ENROLMENT_YEAR = "enrolmentYear";
    static final String PROGRAMME_YEARS = "programmeYears";
    static final String TERM_YEAR = "termYear";
    static final String SEASON = "season";
    static final String PAY = "pay";

    static final String CANDIDATE = "yulu.candidate";
    static final String NO_STUDENT = "yulu.no-student";
    static final String AGE = "yulu.age";
    static final String SCHOOL_SUBTYPE_RULE = "yulu.school-subtype";
    static final String ENROLMENT_YEAR_RULE = "yulu.enrolment-year";
    static final String PROGRAMME_OVER = "yulu.programme-over";
    static final String TERM_OUTSIDE_PROGRAMME = "yulu.term-outside-programme";
    static final String TERM_NOT_STARTED = "yulu.term-not-started";
    static final String STUDENT_LEFT_HOUSEHOLD = "yulu.student-left-household";

    private final ProgramMessages messages = ProgramMessages.load(YuluRules.class, ProgramMessages.DECLARED);

    @Override
    public Verdict eligibility(RuleContext context) {
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

    @Override
    public List<Reason> check(Step step, RuleContext context) {
        if (step.isFiling()) {
            return filing(step.data(), context);
        }
        if (PAY.equals(step.action())) {
            return payment(step, context);
        }
        return List.of();
    }

    @Override
    public List<BenefitGrant> benefits(Step step, RuleContext context) {
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
