package org.fupin.program.api;

import java.util.List;

import org.fupin.registry.model.LocalizedText;

/**
 * A declared report: the platform groups the program's records by the dimensions and computes the measures, within
 * the caller's region and for the requested year. Rows come sorted by the dimensions, followed by a total row.
 *
 * @param source what is counted: applications (by the year they were filed), granted benefits (by their year), the
 *               records of one type (by the year they were created) or their dated entries (by the entry's date)
 * @param chart  how the web UI draws it, or {@code null} for a table only
 * @param record the record type a RECORDS or ENTRIES report counts, {@code null} otherwise
 * @param entry  the entry type an ENTRIES report counts ({@code null}: every entry of the record type)
 * @param states only applications (for BENEFITS: benefits of applications) or records in these states are counted;
 *               empty: every state
 * @param minimum what each row is to reach, and so who falls short of it; {@code null}: none (since 2.5)
 * @param rank   rows sorted by the first measure, largest first, and numbered (since 2.5)
 */
public record ReportDefinition(String id, LocalizedText title, Source source, List<Dimension> dimensions,
        List<Measure> measures, Chart chart, String record, String entry, List<String> states, Minimum minimum,
        boolean rank) {
    public ReportDefinition(String id, LocalizedText title, Source source, List<Dimension> dimensions,
            List<Measure> measures, Chart chart, String record, String entry, List<String> states) {
        this(id, title, source, dimensions, measures, chart, record, entry, states, null, false);
    }

    /**
     * A minimum each row's measure (by its key, e.g. {@code days}) is to reach: the value of a parameter in force for
     * the region asked, prorated to the day of the year the report is counted up to when {@code prorated} (a team's
     * 220 days a year are 110 by the first of July). Rows get the minimum and how far they fall short of it (0: met).
     *
     * @since 2.5
     */
    public record Minimum(String measure, String parameter, boolean prorated) {
    }
    public ReportDefinition(String id, LocalizedText title, Source source, List<Dimension> dimensions,
            List<Measure> measures, Chart chart, String record, String entry) {
        this(id, title, source, dimensions, measures, chart, record, entry, List.of());
    }

    public ReportDefinition(String id, LocalizedText title, Source source, List<Dimension> dimensions,
            List<Measure> measures) {
        this(id, title, source, dimensions, measures, null);
    }

    public ReportDefinition(String id, LocalizedText title, Source source, List<Dimension> dimensions,
            List<Measure> measures, Chart chart) {
        this(id, title, source, dimensions, measures, chart, null, null);
    }

    /** A chart of the report's first measure by its first dimension (by the second too, as series). */
    public enum Chart {
        BAR, LINE, PIE
    }

    public ReportDefinition {
        dimensions = List.copyOf(dimensions);
        measures = List.copyOf(measures);
        states = states == null ? List.of() : List.copyOf(states);
    }

    public enum Source {
        APPLICATIONS, BENEFITS, RECORDS, ENTRIES
    }

    /**
     * A grouping column. REGION groups by the region level below the requested region (a county's report lists its
     * townships) unless the request names a level; PERIOD by benefit period (e.g. a school term), or an entry's month;
     * YEAR by the benefit's year, the year an application was filed or a record created, or an entry's year; STATE by
     * workflow state, or the record's state; FIELD by a value of the form counted ({@code field}: the application
     * form, the record's form for RECORDS, the entry's for ENTRIES; labelled by its options when it is a code).
     */
    public record Dimension(Kind kind, String field, LocalizedText label) {
        public enum Kind {
            REGION, PERIOD, STATE, FIELD, YEAR,
            /** one row per record (RECORDS, ENTRIES), labelled by {@code field} of its form and its region's name */
            RECORD
        }

        public static Dimension region(LocalizedText label) {
            return new Dimension(Kind.REGION, null, label);
        }

        public static Dimension period(LocalizedText label) {
            return new Dimension(Kind.PERIOD, null, label);
        }

        public static Dimension state(LocalizedText label) {
            return new Dimension(Kind.STATE, null, label);
        }

        public static Dimension field(String applicationField, LocalizedText label) {
            return new Dimension(Kind.FIELD, applicationField, label);
        }
    }

    /**
     * A computed column: distinct households, distinct people (the applications' or records' members), records (the
     * rows counted: applications, benefits, records or entries), or money (benefits; for records, their entries'
     * amounts); or, over a numeric field of the form counted ({@code field}), its sum, average, minimum or maximum.
     */
    public record Measure(Kind kind, String field, LocalizedText label, String entry, List<String> states,
            java.util.Map<String, String> weights) {
        /**
         * HOUSEHOLDS, PEOPLE, RECORDS, AMOUNT count; SUM, AVERAGE, MIN, MAX go over a number field; BALANCE is a
         * record field's sum less the amounts of the records' entries of one type (a loan's principal less its
         * repayments: what is owed); SHARE is the percentage of the counted rows in some states (the overdue rate);
         * COVERAGE the percentage of the households the program serves in the row's region that the row counts (the
         * households rated among those registered). Since 2.5: DAYS, the distinct dates of the entries counted (an
         * ENTRIES report), or of each record's entries of one type in the year (RECORDS); REGIONS, the distinct
         * regions of the records counted (villages with a team); WEIGHTED, the average of a record's number fields
         * weighted by parameters (an assessment's score).
         */
        public enum Kind {
            HOUSEHOLDS, PEOPLE, RECORDS, AMOUNT, SUM, AVERAGE, MIN, MAX, BALANCE, SHARE, COVERAGE, DAYS, REGIONS,
            WEIGHTED;

            /** Whether the measure is over a form field. */
            public boolean overField() {
                return this == SUM || this == AVERAGE || this == MIN || this == MAX || this == BALANCE;
            }
        }

        public Measure {
            states = states == null ? List.of() : List.copyOf(states);
            weights = weights == null ? java.util.Map.of() : java.util.Collections.unmodifiableMap(
                    new java.util.LinkedHashMap<>(weights));
        }

        public Measure(Kind kind, String field, LocalizedText label, String entry, List<String> states) {
            this(kind, field, label, entry, states, null);
        }

        public Measure(Kind kind, String field, LocalizedText label) {
            this(kind, field, label, null, List.of());
        }

        public Measure(Kind kind, LocalizedText label) {
            this(kind, null, label);
        }

        /**
         * The measure's key in report rows: {@code people}, {@code sum.income} for one over a field,
         * {@code days.visit} for the days of a record's entries of one type.
         */
        public String key() {
            String name = kind.name().toLowerCase(java.util.Locale.ROOT);
            String of = field != null ? field : kind == Kind.DAYS ? entry : null;
            return of == null ? name : name + "." + of;
        }
    }
}
