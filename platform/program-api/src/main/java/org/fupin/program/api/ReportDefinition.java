package org.fupin.program.api;

import java.util.List;

import org.fupin.registry.model.LocalizedText;

/**
 * A declared report: the platform groups the program's records by the dimensions and computes the measures, within
 * the caller's region and for the requested year. Rows come sorted by the dimensions, followed by a total row.
 *
 * @param source what is counted: applications (by the year they were filed) or granted benefits (by their year)
 * @param chart  how the web UI draws it, or {@code null} for a table only
 */
public record ReportDefinition(String id, LocalizedText title, Source source, List<Dimension> dimensions,
        List<Measure> measures, Chart chart) {
    public ReportDefinition(String id, LocalizedText title, Source source, List<Dimension> dimensions,
            List<Measure> measures) {
        this(id, title, source, dimensions, measures, null);
    }

    /** A chart of the report's first measure by its first dimension (by the second too, as series). */
    public enum Chart {
        BAR, LINE, PIE
    }

    public ReportDefinition {
        dimensions = List.copyOf(dimensions);
        measures = List.copyOf(measures);
    }

    public enum Source {
        APPLICATIONS, BENEFITS
    }

    /**
     * A grouping column. REGION groups by the region level below the requested region (a county's report lists its
     * townships) unless the request names a level; PERIOD by benefit period (e.g. a school term); YEAR by the
     * benefit's year, or the year an application was filed; STATE by workflow state; FIELD by a value of the
     * application form ({@code field}, labelled by its options when it is a code).
     */
    public record Dimension(Kind kind, String field, LocalizedText label) {
        public enum Kind {
            REGION, PERIOD, STATE, FIELD, YEAR
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
     * A computed column: distinct households, distinct people (the applications' members), records, or money; or,
     * over a numeric field of the application form ({@code field}), its sum, average, minimum or maximum.
     */
    public record Measure(Kind kind, String field, LocalizedText label) {
        public enum Kind {
            HOUSEHOLDS, PEOPLE, RECORDS, AMOUNT, SUM, AVERAGE, MIN, MAX;

            /** Whether the measure is over a form field. */
            public boolean overField() {
                return ordinal() >= SUM.ordinal();
            }
        }

        public Measure(Kind kind, LocalizedText label) {
            this(kind, null, label);
        }

        /** The measure's key in report rows: {@code people}, or {@code sum.income} for one over a field. */
        public String key() {
            String name = kind.name().toLowerCase(java.util.Locale.ROOT);
            return field == null ? name : name + "." + field;
        }
    }
}
