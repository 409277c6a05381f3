package org.fupin.registry.internal;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.fupin.registry.api.Actor;
import org.fupin.registry.api.ConflictException;
import org.fupin.registry.api.Household;
import org.fupin.registry.api.HouseholdStatus;
import org.fupin.registry.api.LocalizedText;
import org.fupin.registry.api.ValidationException;
import org.fupin.registry.api.Violation;
import org.fupin.registry.internal.csv.Column;
import org.fupin.registry.internal.csv.CsvCharset;
import org.fupin.registry.internal.csv.HouseholdCsvReader;

/**
 * Bulk registration: from an uploaded CSV or from generated households. Each household is validated whole and
 * stored whole (a savepoint per household inside batch transactions of {@value #BATCH} households), or reported
 * with the line, column and reason. A household whose people already form exactly that household is counted as
 * unchanged, so importing the same file twice stores nothing twice.
 */
public class HouseholdImport {
    /** Households per transaction: larger batches touch each index page once for many rows. */
    static final int BATCH = 5000;
    static final int MAX_LISTED_REJECTIONS = 10_000;

    /** One rejected household (or one of its problems). */
    public record Rejection(long line, String household, String column, LocalizedText reason) {
    }

    public record Report(boolean dryRun, String charset, long households, long members, long stored, long unchanged,
            long rejected, List<Rejection> rejections, boolean rejectionsTruncated, long millis) {
    }

    /** Thrown inside a dry run's transaction to roll it back after counting. */
    private static final class DryRunRollback extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DryRunRollback() {
            super(null, null, false, false);
        }
    }

    private final RegistryStore store;
    private final SqlHouseholdRegistry registry;
    private final Clock clock;
    private final RegistryJson json = new RegistryJson();

    HouseholdImport(RegistryStore store, SqlHouseholdRegistry registry, Clock clock) {
        this.store = store;
        this.registry = registry;
        this.clock = clock;
    }

    /** Imports a CSV in the documented format (UTF-8 with or without BOM, or GBK). */
    public Report importCsv(InputStream body, boolean dryRun, Actor actor)
            throws IOException, HouseholdCsvReader.HeaderException {
        var opened = CsvCharset.open(body);
        try (var reader = new HouseholdCsvReader(opened.reader())) {
            return run(reader::next, dryRun, actor, opened.charset().name());
        }
    }

    /** Imports households made in code (the demo county), numbered as if they were lines of a file. */
    Report importHouseholds(List<Household> households, Actor actor) {
        var next = new int[] {0};
        return run(() -> {
            if (next[0] == households.size()) {
                return null;
            }
            Household h = households.get(next[0]++);
            return new HouseholdCsvReader.Parsed(String.valueOf(next[0]), next[0], List.of(), h, List.of());
        }, false, actor, "-");
    }

    private Report run(Supplier<HouseholdCsvReader.Parsed> source, boolean dryRun, Actor actor, String charset) {
        long started = System.nanoTime();
        var validator = registry.validatorFor(actor);
        var counts = new long[5]; // households, members, stored, unchanged, rejected
        var rejections = new ArrayList<Rejection>();
        var batch = new ArrayList<Valid>(BATCH);
        HouseholdCsvReader.Parsed parsed;
        while ((parsed = source.get()) != null) {
            counts[0]++;
            counts[1] += parsed.memberLines().isEmpty() ? parsed.draft().members().size() : parsed.memberLines().size();
            Valid valid = validate(parsed, validator, rejections);
            if (valid == null) {
                counts[4]++;
                continue;
            }
            batch.add(valid);
            if (batch.size() == BATCH) {
                store(batch, dryRun, actor, counts, rejections);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            store(batch, dryRun, actor, counts, rejections);
        }
        boolean truncated = rejections.size() > MAX_LISTED_REJECTIONS;
        return new Report(dryRun, charset, counts[0], counts[1], counts[2], counts[3], counts[4],
                truncated ? List.copyOf(rejections.subList(0, MAX_LISTED_REJECTIONS)) : List.copyOf(rejections),
                truncated, (System.nanoTime() - started) / 1_000_000);
    }

    private record Valid(HouseholdCsvReader.Parsed parsed, Household household, HouseholdStatus status) {
    }

    private Valid validate(HouseholdCsvReader.Parsed parsed, HouseholdValidator validator,
            List<Rejection> rejections) {
        if (!parsed.problems().isEmpty()) {
            for (var problem : parsed.problems()) {
                reject(rejections, new Rejection(problem.line(), parsed.key(), problem.column(), problem.reason()));
            }
            return null;
        }
        try {
            Household household = validator.normalise(parsed.draft(), registry.today());
            return new Valid(parsed, SqlHouseholdRegistry.withoutDerived(household),
                    SqlHouseholdRegistry.initialStatus(household));
        } catch (ValidationException invalid) {
            for (Violation violation : invalid.violations()) {
                reject(rejections, new Rejection(lineOf(parsed, violation.field()), parsed.key(),
                        Column.byField(violation.field()).map(Column::header).orElse(violation.field()),
                        violation.message()));
            }
            return null;
        }
    }

    private static long lineOf(HouseholdCsvReader.Parsed parsed, String field) {
        var member = java.util.regex.Pattern.compile("^members\\[(\\d+)]").matcher(field);
        if (member.find()) {
            int index = Integer.parseInt(member.group(1));
            if (index < parsed.memberLines().size()) {
                return parsed.memberLines().get(index);
            }
        }
        return parsed.line();
    }

    private static void reject(List<Rejection> rejections, Rejection rejection) {
        if (rejections.size() <= MAX_LISTED_REJECTIONS) {
            rejections.add(rejection);
        }
    }

    private void store(List<Valid> batch, boolean dryRun, Actor actor, long[] counts, List<Rejection> rejections) {
        Instant now = clock.instant();
        var batchCounts = new long[3];
        var batchRejections = new ArrayList<Rejection>();
        try {
            store.database().write(c -> {
                try (var writer = new HouseholdWriter(c, store.audit(), json)) {
                    for (Valid valid : batch) {
                        insertOne(c, writer, valid, now, actor, batchCounts, batchRejections);
                    }
                }
                if (dryRun) {
                    throw new DryRunRollback();
                }
                return null;
            });
        } catch (DryRunRollback rolledBack) {
            // counted, nothing kept
        }
        counts[2] += batchCounts[0];
        counts[3] += batchCounts[1];
        counts[4] += batchCounts[2];
        batchRejections.forEach(r -> reject(rejections, r));
    }

    private static void insertOne(Connection c, HouseholdWriter writer, Valid valid, Instant now, Actor actor,
            long[] batchCounts, List<Rejection> rejections) throws SQLException {
        Savepoint savepoint = c.setSavepoint();
        try {
            var outcome = writer.insert(valid.household(), valid.status(), now.atZone(SqlHouseholdRegistry.CHINA).toLocalDate(), now, actor,
                    "导入 / imported", Map.of());
            batchCounts[outcome instanceof HouseholdWriter.Inserted ? 0 : 1]++;
            c.releaseSavepoint(savepoint);
        } catch (ConflictException conflict) {
            c.rollback(savepoint);
            batchCounts[2]++;
            rejections.add(new Rejection(valid.parsed().line(), valid.parsed().key(), Column.ID_NUMBER.header(),
                    conflict.text()));
        }
    }
}
