package org.fupin.registry.api;

import java.math.BigDecimal;

/** One row of a household search: enough to list and pick, not the whole record. */
public record HouseholdSummary(String id, long version, String villageCode, String villageGroup, String headName,
        String headIdNumber, int memberCount, HouseholdAttribute attribute, Cause mainCause, HouseholdStatus status,
        Integer latestIncomeYear, BigDecimal latestPerCapitaNetIncome) {
}
