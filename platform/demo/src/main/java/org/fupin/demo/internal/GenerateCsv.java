package org.fupin.demo.internal;

import org.fupin.registry.csv.HouseholdCsvWriter;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a household CSV of generated households, for imports and benchmarks:
 *
 * <pre>
 * java -cp org.fupin.demo.jar:org.fupin.registry.api.jar org.fupin.demo.internal.GenerateCsv \
 *     --households N --out file.csv [--seed S] [--regions villages.csv.gz] [--county 620502] [--today YYYY-MM-DD]
 * </pre>
 *
 * {@code --county} is any code prefix ({@code 62} spreads the households over all of Gansu); without
 * {@code --regions} the bundled villages of 620502 秦州区 are used. {@code --out -} writes to standard output.
 */
public final class GenerateCsv {
    private static final String USAGE = "usage: GenerateCsv --households N --out FILE|- [--seed S] "
            + "[--regions villages.csv.gz] [--county PREFIX (default 620502)] [--today YYYY-MM-DD]";
    private static final Set<String> OPTIONS = Set.of("--households", "--out", "--seed", "--regions", "--county",
            "--today");

    private GenerateCsv() {
    }

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs the command; returns the exit status: 0 done, 1 failed, 2 wrong arguments. */
    static int run(String[] args, OutputStream stdout, PrintStream err) {
        Map<String, String> options;
        int households;
        long seed;
        LocalDate today;
        try {
            options = options(args);
            households = Integer.parseInt(required(options, "--households"));
            seed = Long.parseLong(options.getOrDefault("--seed", "1"));
            today = LocalDate.parse(options.getOrDefault("--today", LocalDate.now().toString()));
            required(options, "--out");
        } catch (IllegalArgumentException | DateTimeParseException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
        String prefix = options.getOrDefault("--county", VillageCodes.BUNDLED_COUNTY);
        try {
            List<String> villages = villages(options.get("--regions"), prefix);
            if (villages.isEmpty()) {
                err.println("no villages under " + prefix);
                return 1;
            }
            long started = System.nanoTime();
            String out = options.get("--out");
            try (OutputStream file = "-".equals(out) ? null : Files.newOutputStream(Path.of(out));
                    HouseholdCsvWriter csv = new HouseholdCsvWriter(file == null ? stdout : file)) {
                new HouseholdGenerator(seed, today).generate(villages, households, household -> {
                    try {
                        csv.write(household);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                csv.flush();
                err.printf("wrote %d households (%d members) in %d villages under %s to %s in %.1f s%n",
                        csv.householdsWritten(), csv.membersWritten(), villages.size(), prefix, out,
                        (System.nanoTime() - started) / 1e9);
            }
            return 0;
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            err.println("failed: " + e.getMessage());
            return 1;
        }
    }

    private static List<String> villages(String regions, String prefix) throws IOException {
        if (regions == null) {
            if (!prefix.startsWith(VillageCodes.BUNDLED_COUNTY)) {
                throw new IllegalArgumentException("without --regions only the villages of "
                        + VillageCodes.BUNDLED_COUNTY + " are available, not " + prefix);
            }
            return VillageCodes.bundled(prefix);
        }
        try (InputStream in = Files.newInputStream(Path.of(regions))) {
            return VillageCodes.read(in, prefix);
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!OPTIONS.contains(args[i]) || i + 1 == args.length) {
                throw new IllegalArgumentException("unknown option or missing value: " + args[i]);
            }
            options.put(args[i], args[i + 1]);
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }
}
