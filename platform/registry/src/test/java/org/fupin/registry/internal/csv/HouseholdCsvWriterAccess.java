package org.fupin.registry.internal.csv;

/** Lets tests in the parent package reach the writer's cell neutralisation. */
public final class HouseholdCsvWriterAccess {
    private HouseholdCsvWriterAccess() {
    }

    public static String safe(String cell) {
        return HouseholdCsvWriter.safe(cell);
    }
}
