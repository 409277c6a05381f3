package org.fupin.registry.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.fupin.registry.api.AccessDeniedException;
import org.fupin.registry.api.Actor;
import org.fupin.registry.api.ConflictException;
import org.fupin.registry.api.ValidationException;
import org.fupin.registry.api.Violation;
import org.fupin.registry.csv.Column;
import org.fupin.registry.internal.csv.CsvCharset;
import org.fupin.registry.internal.csv.CsvRows;
import org.fupin.registry.internal.csv.HouseholdReader;
import org.fupin.registry.internal.csv.XlsxRows;
import org.fupin.registry.model.Household;
import org.fupin.registry.model.LocalizedText;
import org.fupin.registry.model.Member;

/**
 * Bulk registration: from an uploaded CSV or XLSX file, or from generated households. Each household is
 * validated whole and stored whole (in batch transactions of {@value #BATCH} households), or reported with the
 * line, column and reason. A household whose people already form exactly that household is counted as
 * unchanged, so importing the same file twice stores nothing twice.
 */
public class HouseholdImport {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(HouseholdImport.class);
    /** Households per transaction: larger batches touch each index page once for many rows. */
    static final int BATCH = 5000;
    static final int MAX_LISTED_REJECTIONS = 10_000;

    /** One rejected household (or one of its problems). */
    public record Rejection(long line, String household, String column, LocalizedText reason) {
    }

    /**
     * @param complete false when the file could not be read to its end (the last rejection says where and why), or
     *                 when the import was stopped on request
     * @param charset  the CSV's encoding as detected; {@code null} for XLSX
     */
    public record Report(boolean dryRun, boolean complete, String charset, long households, long members,
            long stored, long unchanged, long rejected, List<Rejection> rejections, boolean rejectionsTruncated,
            long millis) {
    }

    /**
     * Follows an import while it runs: the counts after each batch is stored, every rejection (not only the first
     * {@value #MAX_LISTED_REJECTIONS} the report lists), and whether to stop. Stopping ends the import after the
     * batch being written: what was stored before stays, consistent.
     */
    public interface Listener {
        Listener NONE = new Listener() {
        };

        default void progress(long households, long rowsRead, long stored, long unchanged, long rejected) {
        }

        default void rejection(Rejection rejection) {
        }

        default boolean cancelled() {
            return false;
        }
    }

    /** Every rejection goes to the listener; the first {@value #MAX_LISTED_REJECTIONS} also to the report. */
    private static final class RejectionLog {
        private final List<Rejection> listed = new ArrayList<>();
        private final Listener listener;

        RejectionLog(Listener listener) {
            this.listener = listener;
        }

        void add(Rejection rejection) {
            listener.rejection(rejection);
            if (listed.size() <= MAX_LISTED_REJECTIONS) {
                listed.add(rejection);
            }
        }
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
            throws IOException, HouseholdReader.HeaderException {
        return importCsv(body, dryRun, actor, Listener.NONE);
    }

    public Report importCsv(InputStream body, boolean dryRun, Actor actor, Listener listener)
            throws IOException, HouseholdReader.HeaderException {
        HouseholdEditors.require(actor, HouseholdEditors.Write.IMPORT);
        var opened = CsvCharset.open(body);
        try (var rows = new CsvRows(opened.reader())) {
            return read(new HouseholdReader(rows, registry.extensionFields()), dryRun, actor, opened.charset().name(), listener);
        }
    }

    /**
     * Imports the first worksheet of an XLSX workbook with the columns of the documented format. The upload is
     * kept in a temporary file while it is read, since a workbook is a zip read out of order.
     *
     * @throws IOException also when the file is not an XLSX workbook
     */
    public Report importXlsx(InputStream body, boolean dryRun, Actor actor)
            throws IOException, HouseholdReader.HeaderException {
        Path file = Files.createTempFile("fupin-import-", ".xlsx");
        try {
            Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
            return importXlsx(file, dryRun, actor, Listener.NONE);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Imports the first worksheet of the XLSX workbook in {@code file}. */
    public Report importXlsx(Path file, boolean dryRun, Actor actor, Listener listener)
            throws IOException, HouseholdReader.HeaderException {
        HouseholdEditors.require(actor, HouseholdEditors.Write.IMPORT);
        try (var rows = XlsxRows.open(file)) {
            return read(new HouseholdReader(rows, registry.extensionFields()), dryRun, actor, null, listener);
        }
    }

    /**
     * A syntax or encoding error part-way stops the reading, not the import: what was read before it is stored
     * as usual and the report says where the file became unreadable.
     */
    private Report read(HouseholdReader reader, boolean dryRun, Actor actor, String charset, Listener listener) {
        var unreadable = new UncheckedIOException[1];
        Report report = run(() -> {
            try {
                return reader.next();
            } catch (UncheckedIOException e) {
                unreadable[0] = e;
                return null;
            }
        }, reader::lastLine, dryRun, actor, charset, listener);
        if (unreadable[0] == null) {
            return report;
        }
        long line = reader.lastLine() + 1;
        String cause = String.valueOf(unreadable[0].getCause().getMessage());
        var rejections = new ArrayList<>(report.rejections());
        var unreadableFromHere = new Rejection(line, "", "", new LocalizedText(
                "文件从第 " + line + " 行起无法读取（" + cause + "），其后的户均未导入；之前的户已按上述结果处理",
                "the file cannot be read from line " + line + " on (" + cause
                        + "); nothing after it was imported, everything before it was handled as reported"));
        rejections.add(unreadableFromHere);
        listener.rejection(unreadableFromHere);
        return new Report(report.dryRun(), false, report.charset(), report.households(), report.members(),
                report.stored(), report.unchanged(), report.rejected(), rejections, report.rejectionsTruncated(),
                report.millis());
    }

    /** Imports households made in code (the demo county), numbered as if they were lines of a file. */
    Report importHouseholds(List<Household> households, Actor actor) {
        HouseholdEditors.require(actor, HouseholdEditors.Write.IMPORT);
        var next = new int[] {0};
        return run(() -> {
            if (next[0] == households.size()) {
                return null;
            }
            Household h = households.get(next[0]++);
            return new HouseholdReader.Parsed(String.valueOf(next[0]), next[0], List.of(), h, List.of());
        }, () -> next[0], false, actor, "-", Listener.NONE);
    }

    /**
     * Parses and validates on the calling thread while the previous batch is written on another, so the two
     * cores share the work; at most one batch waits, so memory stays flat.
     */
    private Report run(Supplier<HouseholdReader.Parsed> source, java.util.function.LongSupplier rowsRead,
            boolean dryRun, Actor actor, String charset, Listener listener) {
        long started = System.nanoTime();
        var validator = registry.validatorFor(actor);
        long households = 0;
        long members = 0;
        long rejected = 0;
        var totals = new BatchResult(0, 0, 0, new ArrayList<>());
        var rejections = new RejectionLog(listener);
        var batch = new ArrayList<Valid>(BATCH);
        ExecutorService writer = Executors.newSingleThreadExecutor(r -> new Thread(r, "fupin-import-writer"));
        Future<BatchResult> writing = null;
        long reading = 0;
        long checking = 0;
        long waiting = 0;
        try {
            HouseholdReader.Parsed parsed;
            long mark = System.nanoTime();
            while (!listener.cancelled() && (parsed = source.get()) != null) {
                long read = System.nanoTime();
                reading += read - mark;
                households++;
                members += parsed.memberLines().isEmpty() ? parsed.draft().members().size()
                        : parsed.memberLines().size();
                Valid valid = validate(parsed, validator, rejections);
                mark = System.nanoTime();
                checking += mark - read;
                if (valid == null) {
                    rejected++;
                    continue;
                }
                batch.add(valid);
                if (batch.size() == BATCH) {
                    totals = totals.plus(await(writing), rejections);
                    listener.progress(households, rowsRead.getAsLong(), totals.stored(), totals.unchanged(),
                            rejected + totals.rejected());
                    var full = List.copyOf(batch);
                    writing = writer.submit(() -> store(full, dryRun, actor));
                    batch.clear();
                    long submitted = System.nanoTime();
                    waiting += submitted - mark;
                    mark = submitted;
                }
            }
            totals = totals.plus(await(writing), rejections);
            if (!batch.isEmpty() && !listener.cancelled()) {
                totals = totals.plus(store(List.copyOf(batch), dryRun, actor), rejections);
            }
        } finally {
            writer.shutdownNow();
        }
        LOG.info("Imported {} households: reading {} ms, validating {} ms, waiting for the writer {} ms",
                households, reading / 1_000_000, checking / 1_000_000, waiting / 1_000_000);
        listener.progress(households, rowsRead.getAsLong(), totals.stored(), totals.unchanged(),
                rejected + totals.rejected());
        List<Rejection> listed = rejections.listed;
        boolean truncated = listed.size() > MAX_LISTED_REJECTIONS;
        return new Report(dryRun, !listener.cancelled(), charset, households, members, totals.stored(),
                totals.unchanged(), rejected + totals.rejected(),
                truncated ? List.copyOf(listed.subList(0, MAX_LISTED_REJECTIONS)) : List.copyOf(listed),
                truncated, (System.nanoTime() - started) / 1_000_000);
    }

    /** What one batch transaction did. */
    private record BatchResult(long stored, long unchanged, long rejected, List<Rejection> rejections) {
        BatchResult plus(BatchResult other, RejectionLog into) {
            if (other == null) {
                return this;
            }
            other.rejections().forEach(into::add);
            return new BatchResult(stored + other.stored(), unchanged + other.unchanged(),
                    rejected + other.rejected(), List.of());
        }
    }

    private static BatchResult await(Future<BatchResult> writing) {
        if (writing == null) {
            return null;
        }
        try {
            return writing.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("import interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private record Valid(HouseholdReader.Parsed parsed, HouseholdWriter.Prepared household) {
    }

    private Valid validate(HouseholdReader.Parsed parsed, HouseholdValidator validator, RejectionLog rejections) {
        if (!parsed.problems().isEmpty()) {
            for (var problem : parsed.problems()) {
                rejections.add(new Rejection(problem.line(), parsed.key(), problem.column(), problem.reason()));
            }
            return null;
        }
        try {
            Household household = validator.normalise(parsed.draft(), registry.today());
            // prepared here, on the reading thread: the writer thread is the import's bottleneck
            return new Valid(parsed, HouseholdWriter.prepare(
                    SqlHouseholdRegistry.withoutDerived(registry.located(household)),
                    SqlHouseholdRegistry.initialStatus(household), clock.instant(), store, json));
        } catch (AccessDeniedException denied) {
            // an extension field the importer may not set
            rejections.add(new Rejection(parsed.line(), parsed.key(), "extensions", denied.text()));
            return null;
        } catch (ValidationException invalid) {
            for (Violation violation : invalid.violations()) {
                rejections.add(new Rejection(lineOf(parsed, violation.field()), parsed.key(),
                        Column.byField(violation.field()).map(Column::header).orElse(violation.field()),
                        violation.message()));
            }
            return null;
        }
    }

    private static long lineOf(HouseholdReader.Parsed parsed, String field) {
        var member = java.util.regex.Pattern.compile("^members\\[(\\d+)]").matcher(field);
        if (member.find()) {
            int index = Integer.parseInt(member.group(1));
            if (index < parsed.memberLines().size()) {
                return parsed.memberLines().get(index);
            }
        }
        return parsed.line();
    }

    private BatchResult store(List<Valid> batch, boolean dryRun, Actor actor) {
        long started = System.nanoTime();
        var counts = new long[3];
        var rejections = new ArrayList<Rejection>();
        try {
            store.database().write(c -> {
                try (var writer = new HouseholdWriter(c, store.audit(), json, actor)) {
                    writer.prefetch(batch.stream().flatMap(v -> v.household().stored().members().stream())
                            .map(Member::idNumber).toList());
                    for (Valid valid : batch) {
                        insertOne(writer, valid, counts, rejections);
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
        LOG.debug("Stored a batch of {} households in {} ms", batch.size(), (System.nanoTime() - started) / 1_000_000);
        return new BatchResult(counts[0], counts[1], counts[2], rejections);
    }

    /**
     * Inserts one household or records why not. The writer checks every person before it writes a row, so a
     * refused household has written nothing and needs no savepoint; any other failure rolls back the batch.
     */
    private static void insertOne(HouseholdWriter writer, Valid valid, long[] batchCounts,
            List<Rejection> rejections) throws SQLException {
        try {
            Instant prepared = valid.household().stored().createdAt();
            var outcome = writer.insert(valid.household(), prepared.atZone(SqlHouseholdRegistry.CHINA).toLocalDate(),
                    "导入 / imported");
            batchCounts[outcome instanceof HouseholdWriter.Inserted ? 0 : 1]++;
        } catch (ConflictException conflict) {
            batchCounts[2]++;
            rejections.add(new Rejection(valid.parsed().line(), valid.parsed().key(), Column.ID_NUMBER.header(),
                    conflict.text()));
        }
    }
}
