package org.fupin.yulu.internal;

import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.fupin.program.api.ProgramDemo;
import org.fupin.program.api.Reason;
import org.fupin.registry.model.Member;
import org.osgi.service.component.annotations.Component;

/**
 * 雨露计划 in the demo county: every candidate student (at most {@value #MAX_CASES}) applies in the autumn they
 * enrolled, up to three years back; most are verified, approved after the notice and paid each term since, some
 * finish and are closed, some are rejected or objected to during the notice, and the latest are still submitted or on
 * notice; a few applied late, in the last days, and are on the village's notice today. Everything follows from the candidates and the random, so every machine shows the same.
 */
@Component(service = ProgramDemo.class, property = ProgramDemo.PROGRAM + "=" + YuluRules.ID)
public final class YuluDemo implements ProgramDemo {
    static final int MAX_CASES = 400;
    /** Days from verification to approval: past the default notice of 5 days, as a county would approve. */
    private static final int NOTICE_AND_APPROVAL = 9;

    @Override
    public List<Case> cases(List<Candidate> candidates, Random random, LocalDate today) {
        List<Case> cases = new ArrayList<>();
        for (Candidate candidate : candidates) {
            for (Reason reason : candidate.verdict().reasons()) {
                Optional<Member> student = candidate.household().members().stream()
                        .filter(m -> m.id().equals(reason.memberId())).findFirst();
                Optional<SchoolType> type = student.flatMap(s -> SchoolType.of(s.schoolStatus()));
                if (type.isPresent() && cases.size() < MAX_CASES) {
                    cases.add(story(candidate.household().id(), student.get(), type.get(), random, today));
                }
            }
        }
        cases.sort(Comparator.comparing(Case::filedOn));
        return cases;
    }

    private static Case story(String householdId, Member student, SchoolType type, Random random, LocalDate today) {
        // the latest autumn whose filing season (September) is over
        int latest = today.isBefore(LocalDate.of(today.getYear(), Month.OCTOBER, 1)) ? today.getYear() - 1
                : today.getYear();
        int enrolled = latest - random.nextInt(4);
        LocalDate filed = LocalDate.of(enrolled, Month.SEPTEMBER, 5).plusDays(random.nextInt(25));
        List<SchoolSubtype> subtypes = java.util.Arrays.stream(SchoolSubtype.values())
                .filter(s -> s.type() == type).toList();
        Map<String, Object> data = Map.of(YuluRules.STUDENT, student.id(), "schoolName",
                type == SchoolType.SECONDARY_VOCATIONAL ? "天水市职业技术学校" : "甘肃林业职业技术学院",
                YuluRules.SCHOOL_TYPE, type.name(), YuluRules.SCHOOL_SUBTYPE,
                subtypes.get(random.nextInt(subtypes.size())).name(), YuluRules.ENROLMENT_YEAR, enrolled,
                YuluRules.PROGRAMME_YEARS, 3);
        Timeline timeline = new Timeline(today);
        int roll = random.nextInt(100);
        LocalDate verified = filed.plusDays(3 + random.nextInt(4));
        if (enrolled == latest && roll < 15) {
            return new Case(householdId, filed, data, List.of());
        }
        timeline.add("verify", verified, Map.of(), null);
        if (enrolled == latest && roll < 25) {
            return new Case(householdId, filed, data, timeline.actions());
        }
        if (roll >= 25 && roll < 31) {
            timeline.add("reject", verified.plusDays(4), Map.of(), "公示期间群众反映该生未在校就读，经核实属实，不予资助");
            return new Case(householdId, filed, data, timeline.actions());
        }
        if (enrolled == latest && roll >= 36 && roll < 40) {
            // a late application (补报): filed in the last days, verified, and on the village's notice today
            LocalDate late = today.minusDays(2 + random.nextInt(3));
            Timeline recent = new Timeline(today);
            recent.add("verify", late.plusDays(1), Map.of(), null);
            return new Case(householdId, late, data, recent.actions());
        }
        LocalDate approved = verified.plusDays(NOTICE_AND_APPROVAL);
        if (roll >= 31 && roll < 36) {
            timeline.add("object", verified.plusDays(2), Map.of(), "公示期间有群众反映学籍信息不符，退回核实");
            verified = verified.plusDays(12);
            timeline.add("verify", verified, Map.of(), null);
            approved = verified.plusDays(NOTICE_AND_APPROVAL);
        }
        timeline.add("approve", approved, Map.of(), null);
        Term last = Term.last(enrolled, 3);
        LocalDate paidBefore = approved;
        for (Term term = Term.first(enrolled); term.compareTo(last) <= 0; term = next(term)) {
            LocalDate paid = later(term.start().plusDays(25 + random.nextInt(20)), paidBefore.plusDays(2));
            String proof = "XJ" + term.period().replace("-", "") + String.format("%04d", random.nextInt(10_000));
            if (!timeline.add("pay", paid, Map.of(YuluRules.TERM_YEAR, term.year(), YuluRules.SEASON,
                    term.season().name(), "enrolmentProof", proof), null)) {
                break;
            }
            paidBefore = paid;
        }
        if (today.isAfter(last.end().plusDays(30))) {
            timeline.add("close", last.end().plusDays(15), Map.of(), "学业期满，资助结束");
        } else if (roll > 96) {
            timeline.add("close", paidBefore.plusDays(40), Map.of(), "学生退学，停止资助");
        }
        return new Case(householdId, filed, data, timeline.actions());
    }

    private static Term next(Term term) {
        return term.season() == Term.Season.AUTUMN ? new Term(term.year() + 1, Term.Season.SPRING)
                : new Term(term.year(), Term.Season.AUTUMN);
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
