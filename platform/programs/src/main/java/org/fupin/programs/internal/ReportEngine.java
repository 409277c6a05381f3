package org.fupin.programs.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.fupin.program.api.ReportDefinition.Dimension;
import org.fupin.program.api.ReportDefinition.Measure;
import org.fupin.program.api.ReportDefinition.Source;
import org.fupin.program.api.ReportDefinition;
import org.fupin.program.declaration.DeclarationCheck;
import org.fupin.program.declaration.ParameterValues;
import org.fupin.registry.api.HouseholdRegistry;
import org.fupin.registry.api.RegionDirectory;
import org.fupin.registry.model.LocalizedText;
import org.fupin.registry.model.Region;
import org.fupin.registry.model.RegionLevel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Evaluates a declared report in SQL over the program's applications and benefits, under one region prefix (the
 * caller's scope already applied) and optionally one year. The plugin declares dimensions and measures; the SQL is
 * the platform's, so a report works the same on every plugin and every database the platform supports.
 */
@Component(service = ReportEngine.class)
public class ReportEngine {
    /** A column: a dimension (with code and label per row) or a measure (a number). */
    record Column(String key, LocalizedText label, boolean measure) {
    }

    /** One row: each dimension's code and label, each measure's value (amounts in yuan). */
    record Row(Map<String, String> codes, Map<String, LocalizedText> labels, Map<String, Number> values) {
    }

    /**
     * A whole report: its columns, its rows sorted by the dimensions, the totals over all rows, and the chart its
     * program declares for it ({@code null}: a table only).
     */
    record Table(String report, LocalizedText title, String region, RegionLevel level, Integer year,
            java.time.LocalDate asOf, List<Column> columns, List<Row> rows, Map<String, Number> total,
            ReportDefinition.Chart chart) {
    }

    /**
     * What a request asks of a report beyond region and level: the year, the day counted up to ({@code null}: the
     * year's end, or all dates), only the rows short of the report's minimum, and the platform's today.
     */
    record Window(Integer year, java.time.LocalDate asOf, boolean shortOnly, java.time.LocalDate today) {
        /**
         * The year and day a report is counted for: as asked; a report with a minimum is always counted for one
         * year, this one by default, up to today within it or to the end of a past one.
         */
        Window settled(ReportDefinition report) {
            Integer settledYear = year != null ? year : asOf != null ? Integer.valueOf(asOf.getYear())
                    : report.minimum() != null ? Integer.valueOf(today.getYear()) : null;
            java.time.LocalDate upTo = asOf;
            if (upTo == null && settledYear != null && report.minimum() != null) {
                upTo = settledYear == today.getYear() ? today : java.time.LocalDate.of(settledYear, 12, 31);
            }
            return new Window(settledYear, upTo, shortOnly, today);
        }
    }

    private final ProgramStore store;
    private final RegionDirectory regions;
    private final ServedHouseholds households;
    private final ProgramCatalog catalog;

    @Activate
    public ReportEngine(@Reference ProgramStore store, @Reference RegionDirectory regions,
            @Reference HouseholdRegistry registry, @Reference ProgramCatalog catalog) {
        this.store = store;
        this.regions = regions;
        this.households = new ServedHouseholds(registry);
        this.catalog = catalog;
    }

    Table run(InstalledProgram program, ReportDefinition report, String regionPrefix, RegionLevel level,
            Window asked) {
        Window window = asked.settled(report);
        Integer year = window.year();
        RegionLevel grouping = level != null ? level : childLevel(regionPrefix);
        int length = codeLength(grouping);
        Counted counted = Counted.of(report);
        var parameters = new ParameterValues(program.definition(), store.overrides(program.id()), regionPrefix,
                year != null ? year : window.today().getYear());
        List<String> select = new ArrayList<>();
        List<Object> selectArguments = new ArrayList<>();
        List<Column> columns = new ArrayList<>();
        for (Dimension d : report.dimensions()) {
            switch (d.kind()) {
                case REGION -> select.add("substr(" + counted.region() + ", 1, " + length + ")");
                case PERIOD -> select.add(counted.period());
                // with a field: the state of the application that APPLICATION field names (a measure's progress)
                case STATE -> select.add(d.field() == null ? "a.state" : "(SELECT x.program || ':' || x.state FROM "
                        + "program_application x WHERE x.id = json_extract(" + counted.data() + ", "
                        + literal("$." + d.field()) + "))");
                case YEAR -> select.add(counted.year());
                case FIELD -> {
                    select.add("json_extract(" + counted.data() + ", ?)");
                    selectArguments.add("$." + d.field());
                }
                case RECORD -> select.add("a.id");
            }
            columns.add(new Column(key(d), d.label(), false));
        }
        // a record's label: the value of its labelling field and its region, after the measures
        var byRecord = report.dimensions().stream().filter(d -> d.kind() == Dimension.Kind.RECORD).findFirst();
        String recordLabels = byRecord.map(d -> ", MAX(" + (d.field() == null ? "NULL"
                : "json_extract(a.data, " + literal("$." + d.field()) + ")") + "), MAX(a.region)").orElse("");
        List<String> measures = new ArrayList<>();
        for (Measure m : report.measures()) {
            // a field's value as a number; the checker allows field measures over numeric fields of the counted form
            String number = m.field() == null ? null
                    : "CAST(json_extract(" + counted.data() + ", '$." + m.field() + "') AS REAL)";
            measures.add(switch (m.kind()) {
                case HOUSEHOLDS -> "COUNT(DISTINCT a.household_id)";
                case PEOPLE -> "COUNT(DISTINCT a.member_id)";
                case RECORDS -> "COUNT(*)";
                case AMOUNT -> counted.amount();
                case SUM -> "COALESCE(SUM(" + number + "), 0)";
                case AVERAGE -> "AVG(" + number + ")";
                case MIN -> "MIN(" + number + ")";
                case MAX -> "MAX(" + number + ")";
                // the declaration's ids are checked names: safe as SQL literals
                case BALANCE -> "COALESCE(SUM(" + number + " - (SELECT COALESCE(SUM(e.amount_fen), 0) FROM "
                        + "program_record_event e WHERE e.record_id = a.id AND e.kind = 'ENTRY' AND e.name = "
                        + literal(m.entry()) + ") / 100.0), 0)";
                case SHARE -> "ROUND(100.0 * SUM(CASE WHEN a.state IN (" + String.join(", ", m.states().stream()
                        .map(ReportEngine::literal).toList()) + ") THEN 1 ELSE 0 END) / COUNT(*), 2)";
                // the households counted; their share of those served is worked out per row below
                case COVERAGE -> "COUNT(DISTINCT a.household_id)";
                case DAYS -> m.entry() == null ? "COUNT(DISTINCT e.date)"
                        : "COALESCE(SUM((SELECT COUNT(DISTINCT d.date) FROM program_record_event d WHERE d.record_id = "
                                + "a.id AND d.kind = 'ENTRY' AND d.name = " + literal(m.entry())
                                + dateWindow("d.date", year, window.asOf()) + ")), 0)";
                case REGIONS -> "COUNT(DISTINCT a.region)";
                case WEIGHTED -> weighted(m, parameters);
            });
            columns.add(new Column(m.key(), m.label(), true));
        }
        if (report.minimum() != null) {
            columns.add(new Column(MINIMUM, Texts.text("report.minimum"), true));
            columns.add(new Column(SHORT, Texts.text("report.short"), true));
        }
        if (report.rank()) {
            columns.add(0, new Column(RANK, Texts.text("report.rank"), true));
        }
        // a RECORDS report with a minimum judges every record existing in the year: those created by its end
        String yearFilter = report.source() == Source.RECORDS && report.minimum() != null
                ? counted.yearFilter().replace(" = ?", " <= ?") : counted.yearFilter();
        String from = counted.from() + (year == null ? "" : " AND " + yearFilter)
                + (report.source() == Source.ENTRIES && window.asOf() != null
                        ? " AND e.date <= " + literal(window.asOf().toString()) : "")
                + (report.states().isEmpty() ? "" : " AND a.state IN ("
                        + String.join(", ", java.util.Collections.nCopies(report.states().size(), "?")) + ")");
        List<Object> whereArguments = new ArrayList<>(List.of(program.id()));
        if (report.record() != null) {
            whereArguments.add(report.record());
        }
        if (report.entry() != null) {
            whereArguments.add(report.entry());
        }
        whereArguments.addAll(List.of(regionPrefix, regionPrefix + "\uffff"));
        if (year != null) {
            whereArguments.add(counted.yearArgument(year));
        }
        whereArguments.addAll(report.states());
        boolean benefits = report.source() == Source.BENEFITS;
        String periodLabels = benefits && hasPeriod(report) ? ", MAX(b.period_zh), MAX(b.period_en)" : "";
        String grouped = "SELECT " + String.join(", ", select) + (select.isEmpty() ? "" : ", ")
                + String.join(", ", measures) + periodLabels + recordLabels + from
                + (select.isEmpty() ? "" : " GROUP BY " + groupBy(select.size()) + " ORDER BY " + groupBy(select.size()));
        String totals = "SELECT " + String.join(", ", measures) + from;
        List<Object> groupedArguments = new ArrayList<>(selectArguments);
        groupedArguments.addAll(whereArguments);

        return store.database().read(c -> {
            List<Row> rows = new ArrayList<>();
            try (var s = c.prepareStatement(grouped)) {
                bind(s, groupedArguments);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        rows.add(row(program, report, r, select.size(), !periodLabels.isEmpty(),
                                !recordLabels.isEmpty()));
                    }
                }
            }
            Map<String, Number> total = new LinkedHashMap<>();
            try (var s = c.prepareStatement(totals)) {
                bind(s, whereArguments);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    for (int i = 0; i < report.measures().size(); i++) {
                        total.put(report.measures().get(i).key(), value(report.measures().get(i), r, i + 1));
                    }
                }
            }
            if (report.minimum() != null && report.dimensions().size() == 1
                    && report.dimensions().get(0).kind() == Dimension.Kind.RECORD) {
                rows.addAll(uncounted(c, program, report, rows, regionPrefix, year));
            }
            rows.sort(order(program, report));
            coverage(program, report, rows, total, regionPrefix);
            List<Row> shown = minimum(report, rows, parameters, window);
            if (report.rank()) {
                shown = ranked(report, shown);
            }
            return new Table(report.id(), report.title(), regionPrefix, grouping, year, window.asOf(), columns, shown,
                    total, report.chart());
        });
    }

    /**
     * The records a report of one row per record and a minimum did not count — a team with no day in its village yet,
     * a leader who never visited — each with nothing counted: they are the first to fall short. Those of the report's
     * type and states in the region, existing by the end of the year counted.
     */
    private List<Row> uncounted(java.sql.Connection c, InstalledProgram program, ReportDefinition report,
            List<Row> counted, String regionPrefix, Integer year) throws java.sql.SQLException {
        var seen = new java.util.HashSet<String>();
        counted.forEach(row -> seen.add(row.codes().get("record")));
        Dimension byRecord = report.dimensions().get(0);
        List<Object> arguments = new ArrayList<>(List.of(program.id(), report.record(), regionPrefix,
                regionPrefix + "\uffff"));
        arguments.addAll(report.states());
        String sql = "SELECT a.id, " + (byRecord.field() == null ? "NULL"
                : "json_extract(a.data, " + literal("$." + byRecord.field()) + ")") + ", a.region FROM program_record a "
                + "WHERE a.program = ? AND a.type = ? AND a.region >= ? AND a.region < ?"
                + (report.states().isEmpty() ? "" : " AND a.state IN ("
                        + String.join(", ", java.util.Collections.nCopies(report.states().size(), "?")) + ")")
                + (year == null ? "" : " AND " + YEAR_CREATED + " <= " + literal(String.valueOf(year)));
        List<Row> rows = new ArrayList<>();
        try (var s = c.prepareStatement(sql)) {
            bind(s, arguments);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    if (seen.contains(r.getString(1))) {
                        continue;
                    }
                    Map<String, String> codes = new LinkedHashMap<>();
                    codes.put("record", r.getString(1));
                    Map<String, LocalizedText> labels = new LinkedHashMap<>();
                    labels.put("record", recordLabel(r.getString(2), r.getString(3)));
                    Map<String, Number> values = new LinkedHashMap<>();
                    for (Measure m : report.measures()) {
                        values.put(m.key(), m.kind() == Measure.Kind.AMOUNT ? BigDecimal.ZERO.setScale(2)
                                : m.kind().overField() || m.kind() == Measure.Kind.WEIGHTED ? null : (Number) 0L);
                    }
                    rows.add(new Row(codes, labels, values));
                }
            }
        }
        return rows;
    }

    static final String MINIMUM = "minimum";
    static final String SHORT = "short";
    static final String RANK = "rank";

    /**
     * Each row's minimum — the parameter in force for the region asked, prorated to the day counted up to when the
     * report says so (rounded down: a row is short only when it is below it) — and how far its measure falls short
     * of it; only the rows short of it when asked.
     */
    static List<Row> minimum(ReportDefinition report, List<Row> rows, ParameterValues parameters,
            Window window) {
        var minimum = report.minimum();
        if (minimum == null) {
            return rows;
        }
        BigDecimal required = parameters.value(minimum.parameter());
        if (minimum.prorated() && window.asOf() != null) {
            var day = window.asOf();
            required = required.multiply(BigDecimal.valueOf(day.getDayOfYear()))
                    .divide(BigDecimal.valueOf(day.lengthOfYear()), 0, java.math.RoundingMode.DOWN);
        }
        List<Row> kept = new ArrayList<>(rows.size());
        for (Row row : rows) {
            Number reached = row.values().get(minimum.measure());
            BigDecimal value = reached == null ? BigDecimal.ZERO : new BigDecimal(reached.toString());
            BigDecimal gap = required.subtract(value).max(BigDecimal.ZERO);
            row.values().put(MINIMUM, number(required));
            row.values().put(SHORT, number(gap));
            if (!window.shortOnly() || gap.signum() > 0) {
                kept.add(row);
            }
        }
        return kept;
    }

    /** A whole number as one (220 days), else its decimals (2.5). */
    private static Number number(BigDecimal value) {
        BigDecimal plain = value.stripTrailingZeros();
        return plain.scale() <= 0 ? (Number) plain.longValueExact() : plain;
    }

    /** Rows by their first measure, largest first (ties by their order so far), numbered from 1. */
    private static List<Row> ranked(ReportDefinition report, List<Row> rows) {
        String first = report.measures().get(0).key();
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort(java.util.Comparator.comparing((Row row) -> row.values().get(first) == null ? null
                : new BigDecimal(row.values().get(first).toString()),
                java.util.Comparator.nullsLast(java.util.Comparator.reverseOrder())));
        for (int i = 0; i < sorted.size(); i++) {
            sorted.get(i).values().put(RANK, i + 1);
        }
        return sorted;
    }

    /** The dates of a year up to a day, as an SQL condition on {@code column}; nothing when neither is given. */
    private static String dateWindow(String column, Integer year, java.time.LocalDate upTo) {
        String condition = "";
        if (year != null) {
            condition += " AND " + column + " >= " + literal(year + "-01-01") + " AND " + column + " <= "
                    + literal(year + "-12-31");
        }
        if (upTo != null) {
            condition += " AND " + column + " <= " + literal(upTo.toString());
        }
        return condition;
    }

    /** WEIGHTED: each record's number fields times their weights, over the weights' sum; averaged over the rows. */
    private static String weighted(Measure m, ParameterValues parameters) {
        List<String> terms = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (var weight : m.weights().entrySet()) {
            BigDecimal value = parameters.value(weight.getValue());
            sum = sum.add(value);
            // field names are checked identifiers and weights numbers: safe as SQL text
            terms.add("CAST(json_extract(a.data, " + literal("$." + weight.getKey()) + ") AS REAL) * "
                    + value.toPlainString());
        }
        return sum.signum() == 0 ? "NULL" : "AVG((" + String.join(" + ", terms) + ") / " + sum.toPlainString() + ")";
    }

    /**
     * The SQL of what a report counts: its rows ({@code from}, with the program, for records their type and for
     * entries their type if named, and the region range as parameters), and the expressions of its region, period,
     * year (as text), form values and money in fen. The row being counted's parent is always {@code a}: the
     * application, or the record.
     */
    private record Counted(String from, String region, String period, String year, String data, String amount,
            String yearFilter, boolean numericYear) {
        /** The year as the filter compares it: a number on the indexed year columns, else the text of a date. */
        Object yearArgument(int value) {
            return numericYear ? (Object) value : String.valueOf(value);
        }

        static Counted of(ReportDefinition report) {
            return switch (report.source()) {
                case APPLICATIONS -> new Counted(" FROM program_application a LEFT JOIN (SELECT application_id, "
                        + "SUM(amount_fen) AS fen FROM program_benefit GROUP BY application_id) s "
                        + "ON s.application_id = a.id WHERE a.program = ? AND a.village >= ? AND a.village < ?",
                        "a.village", "CAST(a.filed_year AS TEXT)", "CAST(a.filed_year AS TEXT)", "a.data",
                        "COALESCE(SUM(s.fen), 0)", "a.filed_year = ?", true);
                case BENEFITS -> new Counted(" FROM program_benefit b JOIN program_application a "
                        + "ON a.id = b.application_id WHERE b.program = ? AND b.village >= ? AND b.village < ?",
                        "b.village", "b.period", "CAST(b.year AS TEXT)", "a.data", "COALESCE(SUM(b.amount_fen), 0)",
                        "b.year = ?", true);
                case RECORDS -> new Counted(" FROM program_record a LEFT JOIN (SELECT record_id, "
                        + "SUM(amount_fen) AS fen FROM program_record_event WHERE kind = 'ENTRY' GROUP BY record_id) s "
                        + "ON s.record_id = a.id WHERE a.program = ? AND a.type = ? AND a.region >= ? AND a.region < ?",
                        "a.region", YEAR_CREATED, YEAR_CREATED, "a.data", "COALESCE(SUM(s.fen), 0)",
                        YEAR_CREATED + " = ?", false);
                case ENTRIES -> new Counted(" FROM program_record_event e JOIN program_record a ON a.id = e.record_id"
                        + " WHERE e.kind = 'ENTRY' AND a.program = ? AND a.type = ?"
                        + (report.entry() == null ? "" : " AND e.name = ?") + " AND a.region >= ? AND a.region < ?",
                        "a.region", "substr(e.date, 1, 7)", "substr(e.date, 1, 4)", "e.data",
                        "COALESCE(SUM(e.amount_fen), 0)", "substr(e.date, 1, 4) = ?", false);
            };
        }
    }

    /** The year a record was created, in Beijing (stored instants are UTC: eight hours behind). */
    private static final String YEAR_CREATED = "strftime('%Y', a.created_at, '+8 hours')";

    private Row row(InstalledProgram program, ReportDefinition report, ResultSet r, int dimensions,
            boolean periodLabels, boolean recordLabels) throws java.sql.SQLException {
        Map<String, String> codes = new LinkedHashMap<>();
        Map<String, LocalizedText> labels = new LinkedHashMap<>();
        Map<String, Number> values = new LinkedHashMap<>();
        int periodColumn = dimensions + report.measures().size() + 1;
        int recordColumn = periodColumn + (periodLabels ? 2 : 0);
        for (int i = 0; i < dimensions; i++) {
            Dimension d = report.dimensions().get(i);
            String code = r.getString(i + 1);
            codes.put(key(d), code);
            labels.put(key(d), switch (d.kind()) {
                case REGION -> regions.find(code).map(Region::name).map(n -> new LocalizedText(n, n))
                        .orElse(new LocalizedText(code, code));
                case PERIOD -> periodLabels ? new LocalizedText(r.getString(periodColumn), r.getString(periodColumn + 1))
                        : new LocalizedText(code, code);
                case YEAR -> new LocalizedText(code + "年", code);
                case STATE -> d.field() != null ? linkedState(code)
                        : states(program, report, d).stream().filter(s -> s.id().equals(code)).findFirst()
                                .map(s -> s.label()).orElse(new LocalizedText(code, code));
                case FIELD -> code == null ? new LocalizedText("（未填）", "(blank)")
                        : DeclarationCheck.countedForm(program.definition(), report).flatMap(f -> f.field(d.field()))
                                .flatMap(f -> f.option(code)).map(o -> o.label())
                                .orElse(new LocalizedText(code, code));
                case RECORD -> recordLabels ? recordLabel(r.getString(recordColumn), r.getString(recordColumn + 1))
                        : new LocalizedText(code, code);
            });
        }
        for (int i = 0; i < report.measures().size(); i++) {
            values.put(report.measures().get(i).key(), value(report.measures().get(i), r, dimensions + i + 1));
        }
        return new Row(codes, labels, values);
    }

    /** A record by the value of its labelling field, then its region's name: "王建国 · 皂郊镇". */
    private LocalizedText recordLabel(String value, String region) {
        String place = regions.find(region).map(Region::name).orElse(region);
        String label = value == null || value.isBlank() ? place : value + " · " + place;
        return new LocalizedText(label, label);
    }

    /**
     * Rows by their dimensions in turn: states in workflow order, records by their labels, everything else by code
     * (blank last).
     */
    private static java.util.Comparator<Row> order(InstalledProgram program, ReportDefinition report) {
        java.util.Comparator<Row> order = (a, b) -> 0;
        for (Dimension d : report.dimensions()) {
            String key = key(d);
            List<String> states = states(program, report, d).stream().map(s -> s.id()).toList();
            java.util.Comparator<String> codes = d.kind() == Dimension.Kind.STATE
                    ? java.util.Comparator.comparingInt(code -> states.indexOf(code) < 0 ? states.size() : states.indexOf(code))
                    : java.util.Comparator.naturalOrder();
            if (d.kind() == Dimension.Kind.RECORD) {
                order = order.thenComparing(row -> row.labels().get(key).zh(), java.util.Comparator.nullsLast(
                        java.text.Collator.getInstance(Locale.CHINA)));
            }
            order = order.thenComparing(row -> row.codes().get(key), java.util.Comparator.nullsLast(codes));
        }
        return order;
    }

    /** The states a report's STATE dimension lists: the workflow's, or the counted record type's. */
    private static List<org.fupin.program.api.State> states(InstalledProgram program, ReportDefinition report,
            Dimension dimension) {
        if (dimension.kind() == Dimension.Kind.STATE && dimension.field() != null) {
            return List.of();
        }
        return report.record() == null ? program.definition().workflow().states()
                : program.definition().record(report.record()).map(r -> r.states()).orElse(List.of());
    }

    /**
     * The state of a linked application ({@code program:state}), labelled by its program and that program's state:
     * "雨露计划 · 已审批"; none linked yet, or a program no longer installed, as such.
     */
    private LocalizedText linkedState(String code) {
        if (code == null) {
            return new LocalizedText("（未关联申请）", "(no application linked)");
        }
        String programId = code.substring(0, code.indexOf(':'));
        String state = code.substring(code.indexOf(':') + 1);
        return catalog.find(programId).map(p -> {
            var name = p.definition().descriptor().name();
            var label = p.definition().workflow().states().stream().filter(st -> st.id().equals(state)).findFirst()
                    .map(st -> st.label()).orElse(new LocalizedText(state, state));
            return new LocalizedText(name.zh() + " · " + label.zh(), name.en() + " · " + label.en());
        }).orElse(new LocalizedText(programId + " · " + state, programId + " · " + state));
    }

    /**
     * COVERAGE: each row's households counted as a percentage of the households in its region whose status the
     * program serves (the total row: of the asked region), to two decimals; {@code null} where there are none.
     */
    private void coverage(InstalledProgram program, ReportDefinition report, List<Row> rows, Map<String, Number> total,
            String regionPrefix) {
        var measures = report.measures().stream().filter(m -> m.kind() == Measure.Kind.COVERAGE).toList();
        if (measures.isEmpty()) {
            return;
        }
        Map<String, Long> served = new java.util.HashMap<>();
        java.util.function.Function<String, Long> servedIn = region -> served.computeIfAbsent(region,
                r -> households.served(program, r));
        for (Measure m : measures) {
            for (Row row : rows) {
                row.values().put(m.key(), percent(row.values().get(m.key()), servedIn.apply(row.codes().get("region"))));
            }
            total.put(m.key(), percent(total.get(m.key()), servedIn.apply(regionPrefix)));
        }
    }

    private static Number percent(Number counted, long of) {
        return counted == null || of == 0 ? null : BigDecimal.valueOf(counted.longValue() * 100.0 / of)
                .setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros();
    }

    private static void bind(java.sql.PreparedStatement statement, List<?> arguments) throws java.sql.SQLException {
        for (int i = 0; i < arguments.size(); i++) {
            statement.setObject(i + 1, arguments.get(i));
        }
    }

    private static String literal(String id) {
        return "'" + id.replace("'", "''") + "'";
    }

    /**
     * Counts as whole numbers, money in yuan; a field's sum, average, minimum or maximum, a share and a weighted score
     * to two decimals.
     */
    private static Number value(Measure measure, ResultSet r, int column) throws java.sql.SQLException {
        if (measure.kind() == Measure.Kind.SHARE || measure.kind() == Measure.Kind.WEIGHTED) {
            double raw = r.getDouble(column);
            return r.wasNull() ? null : BigDecimal.valueOf(raw).setScale(2, java.math.RoundingMode.HALF_UP)
                    .stripTrailingZeros();
        }
        if (measure.field() != null) {
            double raw = r.getDouble(column);
            return r.wasNull() ? null : BigDecimal.valueOf(raw).setScale(2, java.math.RoundingMode.HALF_UP)
                    .stripTrailingZeros();
        }
        long raw = r.getLong(column);
        return measure.kind() == Measure.Kind.AMOUNT ? BigDecimal.valueOf(raw, 2) : (Number) raw;
    }

    private static boolean hasPeriod(ReportDefinition report) {
        return report.dimensions().stream().anyMatch(d -> d.kind() == Dimension.Kind.PERIOD);
    }

    static String key(Dimension d) {
        if (d.kind() == Dimension.Kind.STATE && d.field() != null) {
            return "state." + d.field();
        }
        return d.kind() == Dimension.Kind.FIELD ? d.field() : d.kind().name().toLowerCase(Locale.ROOT);
    }

    private static String groupBy(int count) {
        return String.join(", ", java.util.stream.IntStream.rangeClosed(1, count).mapToObj(String::valueOf).toList());
    }

    /** The level a region's report lists by default: the one below it (a village lists itself). */
    static RegionLevel childLevel(String prefix) {
        return switch (prefix.length()) {
            case 0 -> RegionLevel.PROVINCE;
            case 2 -> RegionLevel.CITY;
            case 4 -> RegionLevel.COUNTY;
            case 6 -> RegionLevel.TOWNSHIP;
            default -> RegionLevel.VILLAGE;
        };
    }

    static int codeLength(RegionLevel level) {
        return switch (level) {
            case PROVINCE -> 2;
            case CITY -> 4;
            case COUNTY -> 6;
            case TOWNSHIP -> 9;
            case VILLAGE -> 12;
        };
    }
}
