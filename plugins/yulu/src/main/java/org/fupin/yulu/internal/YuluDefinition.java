package org.fupin.yulu.internal;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.fupin.program.api.Field;
import org.fupin.program.api.FieldType;
import org.fupin.program.api.Form;
import org.fupin.program.api.Limit;
import org.fupin.program.api.Option;
import org.fupin.program.api.ParameterDefinition;
import org.fupin.program.api.ProgramDefinition;
import org.fupin.program.api.ProgramMessages;
import org.fupin.program.api.ProgramDescriptor;
import org.fupin.program.api.ReportDefinition;
import org.fupin.program.api.ReportDefinition.Dimension;
import org.fupin.program.api.ReportDefinition.Measure;
import org.fupin.program.api.ReportDefinition.Source;
import org.fupin.program.api.State;
import org.fupin.program.api.Transition;
import org.fupin.program.api.Workflow;
import org.fupin.registry.api.RegionLevel;
import org.fupin.registry.api.Role;

/** 雨露计划's declarations: descriptor, forms, workflow, reports and parameters, with texts from the bundles. */
final class YuluDefinition {
    static final String ID = "yulu";
    static final String AGENCY = "poverty-office";

    // parameters
    static final String TERM_AMOUNT = "termAmount";
    static final String MIN_AGE = "minAge";
    static final String MAX_AGE = "maxAge";
    static final String NOTICE_DAYS = "noticeDays";

    // forms and their fields
    static final String PAYMENT = "payment";
    static final String STUDENT = "student";
    static final String SCHOOL_NAME = "schoolName";
    static final String SCHOOL_TYPE = "schoolType";
    static final String SCHOOL_SUBTYPE = "schoolSubtype";
    static final String ENROLMENT_YEAR = "enrolmentYear";
    static final String PROGRAMME_YEARS = "programmeYears";
    static final String MAJOR = "major";
    static final String STUDENT_NUMBER = "studentNumber";
    static final String TERM_YEAR = "termYear";
    static final String SEASON = "season";
    static final String ENROLMENT_PROOF = "enrolmentProof";

    // workflow
    static final String SUBMITTED = "SUBMITTED";
    static final String VERIFIED = "VERIFIED";
    static final String APPROVED = "APPROVED";
    static final String REJECTED = "REJECTED";
    static final String CLOSED = "CLOSED";
    static final String VERIFY = "verify";
    static final String OBJECT = "object";
    static final String APPROVE = "approve";
    static final String REJECT = "reject";
    static final String PAY = "pay";
    static final String CLOSE = "close";

    private static final int FIRST_YEAR = 2000;
    private static final int LAST_YEAR = 2100;

    private YuluDefinition() {
    }

    static ProgramDefinition build(ProgramMessages t) {
        return new ProgramDefinition(descriptor(t), List.of(applicationForm(t), paymentForm(t)), workflow(t),
                reports(t), parameters(t), LIMITS);
    }

    /**
     * One open application per student (SUBMITTED, VERIFIED, APPROVED; a rejected or closed one no longer counts),
     * and one payment per student per term, across all the student's applications: the platform enforces both where
     * it writes.
     */
    static final List<Limit> LIMITS = List.of(
            Limit.openApplications("yulu.one-application-per-student", Limit.Per.MEMBER, 1, STUDENT),
            Limit.payments("yulu.one-payment-per-term", Limit.Per.MEMBER, Limit.Within.PERIOD, 1, SEASON));

    private static ProgramDescriptor descriptor(ProgramMessages t) {
        return new ProgramDescriptor(ID, t.text("program.name"), AGENCY, t.text("program.agency"),
                t.text("program.description"));
    }

    private static List<ParameterDefinition> parameters(ProgramMessages t) {
        return List.of(
                parameter(t, TERM_AMOUNT, ParameterDefinition.Type.MONEY, 1500, 0, 10000),
                parameter(t, MIN_AGE, ParameterDefinition.Type.INTEGER, 14, 10, 30),
                parameter(t, MAX_AGE, ParameterDefinition.Type.INTEGER, 30, 14, 60),
                parameter(t, NOTICE_DAYS, ParameterDefinition.Type.INTEGER, 5, 0, 30));
    }

    private static ParameterDefinition parameter(ProgramMessages t, String name, ParameterDefinition.Type type,
            long value, long min, long max) {
        return new ParameterDefinition(name, type, t.text("parameter." + name), BigDecimal.valueOf(value),
                BigDecimal.valueOf(min), BigDecimal.valueOf(max), t.text("parameter." + name + ".unit"));
    }

    private static Form applicationForm(ProgramMessages t) {
        return new Form(Form.APPLICATION, t.text("form." + Form.APPLICATION), List.of(
                field(t, STUDENT, FieldType.MEMBER, true).withHelp(t.text("field." + STUDENT + ".help")),
                field(t, SCHOOL_NAME, FieldType.TEXT, true).between(2, 60),
                code(t, SCHOOL_TYPE, SchoolType.values()),
                code(t, SCHOOL_SUBTYPE, SchoolSubtype.values()).withHelp(t.text("field." + SCHOOL_SUBTYPE + ".help")),
                field(t, ENROLMENT_YEAR, FieldType.INTEGER, true).between(FIRST_YEAR, LAST_YEAR),
                field(t, PROGRAMME_YEARS, FieldType.INTEGER, true).between(1, 5),
                field(t, MAJOR, FieldType.TEXT, false).atMost(60),
                field(t, STUDENT_NUMBER, FieldType.TEXT, false).atMost(40)));
    }

    private static Form paymentForm(ProgramMessages t) {
        return new Form(PAYMENT, t.text("form." + PAYMENT), List.of(
                field(t, TERM_YEAR, FieldType.INTEGER, true).between(FIRST_YEAR, LAST_YEAR)
                        .withHelp(t.text("field." + TERM_YEAR + ".help")),
                code(t, SEASON, Term.Season.AUTUMN, Term.Season.SPRING),
                field(t, ENROLMENT_PROOF, FieldType.TEXT, true).between(1, 60)
                        .withHelp(t.text("field." + ENROLMENT_PROOF + ".help"))));
    }

    private static Field field(ProgramMessages t, String name, FieldType type, boolean required) {
        return Field.of(name, type, t.text("field." + name), required);
    }

    /** A required CODE field whose options are the codes, in this order, labelled {@code option.<field>.<code>}. */
    private static Field code(ProgramMessages t, String name, Enum<?>... codes) {
        List<Option> options = Arrays.stream(codes)
                .map(code -> new Option(code.name(), t.text("option." + name + "." + code.name())))
                .toList();
        return Field.code(name, t.text("field." + name), true, options);
    }

    private static Workflow workflow(ProgramMessages t) {
        return new Workflow(SUBMITTED, List.of(
                State.of(SUBMITTED, t.text("state." + SUBMITTED)),
                State.withNotice(VERIFIED, t.text("state." + VERIFIED), NOTICE_DAYS),
                State.of(APPROVED, t.text("state." + APPROVED)),
                State.terminal(REJECTED, t.text("state." + REJECTED)),
                State.terminal(CLOSED, t.text("state." + CLOSED))),
                List.of(
                        transition(t, VERIFY, List.of(SUBMITTED), VERIFIED, Set.of(Role.TOWNSHIP_OFFICER),
                                RegionLevel.TOWNSHIP, null, false, false),
                        transition(t, OBJECT, List.of(VERIFIED), SUBMITTED,
                                Set.of(Role.VILLAGE_CLERK, Role.TOWNSHIP_OFFICER), RegionLevel.VILLAGE, null, true,
                                false),
                        transition(t, APPROVE, List.of(VERIFIED), APPROVED,
                                Set.of(Role.PROGRAM_OFFICER, Role.COUNTY_ADMIN), RegionLevel.COUNTY, null, false,
                                true),
                        transition(t, REJECT, List.of(SUBMITTED, VERIFIED), REJECTED,
                                Set.of(Role.TOWNSHIP_OFFICER, Role.PROGRAM_OFFICER, Role.COUNTY_ADMIN),
                                RegionLevel.TOWNSHIP, null, true, false),
                        transition(t, PAY, List.of(APPROVED), APPROVED, Set.of(Role.PROGRAM_OFFICER),
                                RegionLevel.COUNTY, PAYMENT, false, false),
                        transition(t, CLOSE, List.of(APPROVED), CLOSED,
                                Set.of(Role.PROGRAM_OFFICER, Role.COUNTY_ADMIN), RegionLevel.COUNTY, null, true,
                                false)));
    }

    private static Transition transition(ProgramMessages t, String action, List<String> from, String to,
            Set<Role> roles, RegionLevel level, String form, boolean reasonRequired, boolean afterNotice) {
        return new Transition(action, t.text("action." + action), from, to, roles, level, form, reasonRequired,
                afterNotice);
    }

    private static List<ReportDefinition> reports(ProgramMessages t) {
        Measure people = new Measure(Measure.Kind.PEOPLE, t.text("measure.people"));
        Measure amount = new Measure(Measure.Kind.AMOUNT, t.text("measure.amount"));
        return List.of(
                report(t, "students-by-region", Source.BENEFITS,
                        List.of(Dimension.region(t.text("dimension.region"))), List.of(people, amount)),
                report(t, "students-by-term", Source.BENEFITS,
                        List.of(Dimension.period(t.text("dimension.term"))), List.of(people, amount)),
                report(t, "students-by-school-type", Source.BENEFITS,
                        List.of(Dimension.field(SCHOOL_TYPE, t.text("field." + SCHOOL_TYPE))),
                        List.of(people, amount)),
                report(t, "applications-by-state", Source.APPLICATIONS,
                        List.of(Dimension.region(t.text("dimension.region")),
                                Dimension.state(t.text("dimension.state"))),
                        List.of(new Measure(Measure.Kind.RECORDS, t.text("measure.records")))));
    }

    private static ReportDefinition report(ProgramMessages t, String id, Source source, List<Dimension> dimensions,
            List<Measure> measures) {
        return new ReportDefinition(id, t.text("report." + id), source, dimensions, measures);
    }
}
