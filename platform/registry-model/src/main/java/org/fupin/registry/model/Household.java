package org.fupin.registry.model;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A registered household (建档立卡户): what {@code GET /households/{id}} returns and what POST and PUT accept.
 * Server-managed fields — {@code id}, {@code version}, {@code region}, {@code createdAt}, {@code updatedAt},
 * members' ids and derived fields, income totals — are ignored on input. {@code status} is read only when a
 * household is registered (default POOR; any non-terminal status, so existing registers can be migrated) and
 * afterwards changes only through a status change with a reason.
 *
 * @param villageCode  12-digit statistical division code of the village (村)
 * @param villageGroup 村民小组, free text (e.g. "三组")
 * @param mainCause    主要致贫原因, exactly one
 * @param otherCauses  其他致贫原因, at most two, distinct, not the main cause
 * @param extensions   fields that programs add to the register, keyed {@code programId.field} (e.g.
 *                     {@code housing.dangerGrade}); on input a {@code null} value clears the field, and a field left
 *                     out of a change keeps its value
 */
public record Household(
        String id,
        Long version,
        String villageCode,
        String villageGroup,
        String phone,
        String bankName,
        String bankAccount,
        IdentificationStandard identificationStandard,
        HouseholdAttribute attribute,
        Cause mainCause,
        List<Cause> otherCauses,
        HouseholdStatus status,
        Integer identifiedYear,
        List<Member> members,
        List<AnnualIncome> incomes,
        Housing housing,
        Assurances assurances,
        List<Pairing> pairings,
        Map<String, Object> extensions,
        Region region,
        Instant createdAt,
        Instant updatedAt) {

    public Household {
        otherCauses = otherCauses == null ? List.of() : List.copyOf(otherCauses);
        members = members == null ? List.of() : List.copyOf(members);
        incomes = incomes == null ? List.of() : List.copyOf(incomes);
        pairings = pairings == null ? List.of() : List.copyOf(pairings);
        // a null value is kept: it is how a change clears an extension field
        extensions = extensions == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
    }

    /** The head of household (户主), if the household has one. */
    public java.util.Optional<Member> head() {
        return members.stream().filter(m -> m.relation() == Relation.HEAD).findFirst();
    }

    /** A copy with other extension fields. */
    public Household withExtensions(Map<String, Object> newExtensions) {
        return new Household(id, version, villageCode, villageGroup, phone, bankName, bankAccount,
                identificationStandard, attribute, mainCause, otherCauses, status, identifiedYear, members, incomes,
                housing, assurances, pairings, newExtensions, region, createdAt, updatedAt);
    }

    /** A copy with other 两不愁三保障 assurances. */
    public Household withAssurances(Assurances newAssurances) {
        return new Household(id, version, villageCode, villageGroup, phone, bankName, bankAccount,
                identificationStandard, attribute, mainCause, otherCauses, status, identifiedYear, members, incomes,
                housing, newAssurances, pairings, extensions, region, createdAt, updatedAt);
    }

    /** A copy with the server-managed fields replaced. */
    public Household managed(String newId, Long newVersion, HouseholdStatus newStatus, List<Member> newMembers,
            List<AnnualIncome> newIncomes, List<Pairing> newPairings, Region newRegion, Instant created,
            Instant updated) {
        return new Household(newId, newVersion, villageCode, villageGroup, phone, bankName, bankAccount,
                identificationStandard, attribute, mainCause, otherCauses, newStatus, identifiedYear, newMembers,
                newIncomes, housing, assurances, newPairings, extensions, newRegion, created, updated);
    }
}
