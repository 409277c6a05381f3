package org.fupin.yulu.internal;

import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.Optional;

import org.fupin.program.api.ProgramMessages;
import org.fupin.registry.model.LocalizedText;

/**
 * A school term: the autumn term of year y starts on 1 September y and ends on 31 January y+1; the spring term of
 * year y starts on 1 February y and ends on 31 July y. A programme enrolled in year e lasting n years runs from
 * the autumn term of e to the spring term of e+n.
 */
record Term(int year, Season season) implements Comparable<Term> {
    /** In the order the terms come within a calendar year. */
    enum Season {
        SPRING(Month.FEBRUARY, Month.JULY),
        AUTUMN(Month.SEPTEMBER, Month.JANUARY);

        private final Month first;
        private final Month last;

        Season(Month first, Month last) {
            this.first = first;
            this.last = last;
        }

        static Optional<Season> of(String code) {
            for (Season season : values()) {
                if (season.name().equals(code)) {
                    return Optional.of(season);
                }
            }
            return Optional.empty();
        }
    }

    private static final Comparator<Term> ORDER = Comparator.comparingInt(Term::year).thenComparing(Term::season);

    Term {
        if (season == null) {
            throw new IllegalArgumentException("a term needs a season");
        }
    }

    /** The first term of a programme: the autumn term of the enrolment year. */
    static Term first(int enrolmentYear) {
        return new Term(enrolmentYear, Season.AUTUMN);
    }

    /** The last term of a programme: the spring term {@code programmeYears} after the enrolment year. */
    static Term last(int enrolmentYear, int programmeYears) {
        return new Term(enrolmentYear + programmeYears, Season.SPRING);
    }

    /**
     * The stable period key of the benefits paid for this term: the year and month the term starts, e.g.
     * {@code 2026-09} for the autumn term 2026 and {@code 2027-02} for the spring term 2027, so keys sort in time
     * order.
     */
    String period() {
        return YearMonth.of(year, season.first).toString();
    }

    LocalDate start() {
        return LocalDate.of(year, season.first, 1);
    }

    /** The last day of the term (the autumn term ends in January of the next year). */
    LocalDate end() {
        int endYear = season.last.compareTo(season.first) < 0 ? year + 1 : year;
        return YearMonth.of(endYear, season.last).atEndOfMonth();
    }

    LocalizedText label(ProgramMessages messages) {
        return messages.text("term." + season.name(), year);
    }

    @Override
    public int compareTo(Term other) {
        return ORDER.compare(this, other);
    }
}
