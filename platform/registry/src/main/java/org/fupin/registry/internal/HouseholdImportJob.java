package org.fupin.registry.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.io.input.BoundedInputStream;
import org.fupin.jobs.api.JobContext;
import org.fupin.registry.api.Actor;
import org.fupin.registry.api.ExtensionField;
import org.fupin.registry.internal.csv.CsvCharset;
import org.fupin.registry.internal.csv.CsvRows;
import org.fupin.registry.internal.csv.HouseholdReader;
import org.fupin.registry.internal.csv.XlsxRows;

/**
 * An import as a background job: reads the uploaded file from the job's folder, reports progress (bytes of a CSV
 * read of its size; rows of a workbook), writes every rejection to {@value #REJECTIONS} in the job's folder as it
 * happens, and stops between households when cancelled. The upload is deleted once read.
 */
public final class HouseholdImportJob {
    public static final String KIND = "household-import";
    public static final String REJECTIONS = "rejections.csv";
    public static final List<String> REJECTION_HEADERS = List.of("行号", "户编号", "列", "原因");
    /** The result lists this many rejections; the file holds them all. */
    static final int LISTED = 100;

    private HouseholdImportJob() {
    }

    /** The upload's file name in the job's folder. */
    public static String upload(boolean xlsx) {
        return xlsx ? "upload.xlsx" : "upload.csv";
    }

    /**
     * Reads the upload's header (and a CSV's encoding) before the job is started, so that a file that is not in
     * the import format is refused at once, not by a job that fails later.
     */
    public static void checkHeader(Path file, boolean xlsx, Map<String, ExtensionField> extensions)
            throws IOException, HouseholdReader.HeaderException {
        if (xlsx) {
            try (var rows = XlsxRows.open(file)) {
                new HouseholdReader(rows, extensions);
            }
        } else {
            try (InputStream in = Files.newInputStream(file);
                    var rows = new CsvRows(
                            CsvCharset.open(in).reader())) {
                new HouseholdReader(rows, extensions);
            }
        }
    }

    public static Map<String, Object> run(HouseholdImport importer, JobContext context, boolean xlsx, boolean dryRun,
            Actor actor) throws IOException, HouseholdReader.HeaderException {
        Path file = context.folder().resolve(upload(xlsx));
        long size = Files.size(file);
        try (BufferedWriter out = Files.newBufferedWriter(context.folder().resolve(REJECTIONS), StandardCharsets.UTF_8);
                CSVPrinter rejections = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            out.write('\uFEFF'); // Excel reads UTF-8 only with its byte order mark
            rejections.printRecord(REJECTION_HEADERS);
            HouseholdImport.Report report;
            if (xlsx) {
                report = importer.importXlsx(file, dryRun, actor, listener(context, rejections, null, -1));
            } else {
                try (InputStream raw = Files.newInputStream(file);
                        BoundedInputStream counted = BoundedInputStream.builder().setInputStream(raw).get()) {
                    report = importer.importCsv(counted, dryRun, actor, listener(context, rejections, counted, size));
                }
            }
            return result(report, context.cancelled());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static HouseholdImport.Listener listener(JobContext context, CSVPrinter rejections,
            BoundedInputStream counted, long size) {
        return new HouseholdImport.Listener() {
            @Override
            public void progress(long households, long rowsRead, long stored, long unchanged, long rejected) {
                var counts = new LinkedHashMap<String, Long>();
                counts.put("rowsRead", rowsRead);
                counts.put("households", households);
                counts.put("stored", stored);
                counts.put("unchanged", unchanged);
                counts.put("rejected", rejected);
                // a CSV's progress is its bytes read; a workbook is a zip, whose rows have no known total
                long done = counted == null ? rowsRead : Math.min(counted.getCount(), size);
                context.progress(done, counted == null ? -1 : size, counts);
            }

            @Override
            public void rejection(HouseholdImport.Rejection rejection) {
                try {
                    rejections.printRecord(rejection.line(), rejection.household(), rejection.column(),
                            rejection.reason().zh());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public boolean cancelled() {
                return context.cancelled();
            }
        };
    }

    private static Map<String, Object> result(HouseholdImport.Report report, boolean cancelled) {
        var result = new LinkedHashMap<String, Object>();
        result.put("dryRun", report.dryRun());
        result.put("complete", report.complete());
        result.put("cancelled", cancelled);
        result.put("charset", report.charset());
        result.put("households", report.households());
        result.put("members", report.members());
        result.put("stored", report.stored());
        result.put("unchanged", report.unchanged());
        result.put("rejected", report.rejected());
        result.put("rejections", report.rejections().stream().limit(LISTED).map(r -> {
            var rejection = new LinkedHashMap<String, Object>();
            rejection.put("line", r.line());
            rejection.put("household", r.household());
            rejection.put("column", r.column());
            rejection.put("reason", r.reason().zh());
            return rejection;
        }).toList());
        result.put("rejectionsListed", Math.min(LISTED, report.rejections().size()));
        result.put("millis", report.millis());
        return result;
    }
}
