package org.fupin.program.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * One of the program's own records ({@link RecordType}) as a rule sees it: a designated relocation area of the
 * household's village, a settlement site of its county, a loan of one of its members.
 *
 * @param householdId the household it is attached to (also for a member's or an application's record), or
 *                    {@code null} for a region's record
 * @param region      the village of the household or application, or the region a region's record belongs to
 * @param data        its values, typed by its form as an application's
 * @param totals      per entry type that sums an amount, the sum of its entries so far (a risk fund's deposits)
 */
public record ProgramRecord(String id, String type, String state, String householdId, String memberId,
        String applicationId, String region, Map<String, Object> data, Map<String, BigDecimal> totals,
        Instant createdAt) {
    public ProgramRecord {
        data = Map.copyOf(data);
        totals = totals == null ? Map.of() : Map.copyOf(totals);
    }
}
