package org.fupin.registry.api;

import java.math.BigDecimal;

import org.fupin.registry.model.Cause;
import org.fupin.registry.model.HouseholdAttribute;
import org.fupin.registry.model.HouseholdStatus;

/** One row of a household search: enough to list and pick, not the whole record. */
public record HouseholdSummary(String id, long version, String villageCode, String villageGroup, String headName,
        String headIdNumber, int memberCount, HouseholdAttribute attribute, Cause mainCause, HouseholdStatus status,
        Integer latestIncomeYear, BigDecimal latestPerCapitaNetIncome) {
}
