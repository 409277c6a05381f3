package org.fupin.program.api;

import java.math.BigDecimal;

/**
 * A limit that must hold across a program's applications, such as "one open application per student" or "at most
 * 10,000 yuan per person per year". The platform enforces it inside the transaction that writes the filing or the
 * step, so no two requests arriving together can both pass it; a rule never re-checks it by reading earlier
 * applications. A step that would exceed it is refused (HTTP 422) with a reason naming the limit, the applications
 * that count against it and {@code field}.
 *
 * @param rule         stable id reported with the refusal, e.g. {@code yulu.one-application-per-student}
 * @param measure      what is counted
 * @param per          whose applications or benefits are counted together: the application's member (applications
 *                     without a member are not counted) or its household
 * @param within       for {@link Measure#PAYMENTS} and {@link Measure#AMOUNT}: the benefits of the same period
 *                     ({@link BenefitGrant#period()}), of the same year ({@link BenefitGrant#year()}) or of all time;
 *                     ignored for {@link Measure#OPEN_APPLICATIONS}
 * @param max          the largest allowed count or amount (yuan), or {@code null} when {@code maxParameter} gives it
 * @param maxParameter a declared parameter giving the largest allowed count or amount for the household's county in
 *                     the year counted (the benefit's year; this year for open applications), or {@code null}
 * @param field        the form field a refusal is reported against (of the application form for filings, of the
 *                     action's form for steps), or {@code null}
 */
public record Limit(String rule, Measure measure, Per per, Within within, BigDecimal max, String maxParameter,
        String field) {
    public enum Measure {
        /** applications not in a terminal state, the one being filed included */
        OPEN_APPLICATIONS,
        /** benefits granted (each grant is one payment), the ones being granted included */
        PAYMENTS,
        /** the sum of benefits granted in yuan, the ones being granted included */
        AMOUNT
    }

    public enum Per {
        MEMBER, HOUSEHOLD
    }

    public enum Within {
        PERIOD, YEAR, LIFETIME
    }

    public Limit {
        if (rule == null || rule.isBlank() || measure == null || per == null) {
            throw new IllegalArgumentException("a limit needs a rule id, a measure and whom it counts per");
        }
        if ((max == null) == (maxParameter == null)) {
            throw new IllegalArgumentException("limit " + rule + " needs either max or maxParameter");
        }
        if (max != null && max.signum() < 0) {
            throw new IllegalArgumentException("limit " + rule + " has a negative max");
        }
        if (measure != Measure.OPEN_APPLICATIONS && within == null) {
            throw new IllegalArgumentException("limit " + rule + " counts benefits: say within which span");
        }
    }

    /** At most {@code max} open applications per member or household. */
    public static Limit openApplications(String rule, Per per, long max, String field) {
        return new Limit(rule, Measure.OPEN_APPLICATIONS, per, null, BigDecimal.valueOf(max), null, field);
    }

    /** At most {@code max} payments per member or household within a period, a year or a lifetime. */
    public static Limit payments(String rule, Per per, Within within, long max, String field) {
        return new Limit(rule, Measure.PAYMENTS, per, within, BigDecimal.valueOf(max), null, field);
    }

    /** At most the amount in the parameter {@code maxParameter} per member or household within a span. */
    public static Limit amount(String rule, Per per, Within within, String maxParameter, String field) {
        return new Limit(rule, Measure.AMOUNT, per, within, null, maxParameter, field);
    }
}
