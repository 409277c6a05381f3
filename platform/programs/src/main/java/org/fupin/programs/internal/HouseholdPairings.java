package org.fupin.programs.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.fupin.program.api.RecordType;
import org.fupin.registry.api.Actor;
import org.fupin.registry.api.HouseholdRegistry;
import org.fupin.registry.api.ValidationException;
import org.fupin.registry.api.Violation;
import org.fupin.registry.model.CadreUnitLevel;
import org.fupin.registry.model.Pairing;

/**
 * Keeps a household's 建档立卡 pairing (帮扶责任人) in step with a program's records that name it
 * ({@link RecordType#householdPairing()}): a new record pairs the household, a record that ends ends the pairing. Each
 * runs inside the record's own write transaction, so the two never disagree.
 */
final class HouseholdPairings {
    private final HouseholdRegistry registry;

    HouseholdPairings(HouseholdRegistry registry) {
        this.registry = registry;
    }

    /** What creating the record does to its household: appends the pairing its values name. */
    Runnable created(RecordType type, String householdId, Map<String, Object> values, Actor actor) {
        var mapping = type.householdPairing();
        if (mapping == null || householdId == null) {
            return () -> { };
        }
        var pairing = new Pairing((String) values.get(mapping.cadreName()), text(values, mapping.cadreUnit()),
                text(values, mapping.cadrePost()), text(values, mapping.cadrePhone()),
                mapping.unitLevel() == null || values.get(mapping.unitLevel()) == null ? null
                        : CadreUnitLevel.valueOf((String) values.get(mapping.unitLevel())),
                (LocalDate) values.get(mapping.startDate()), null);
        return () -> {
            try {
                registry.pair(householdId, pairing, actor);
            } catch (ValidationException e) {
                // the registry names its own paths (pairings[3].startDate): report them on the record's fields
                throw new ValidationException(e.violations().stream().map(v -> new Violation(
                        "data." + field(mapping, v.field()), v.message())).toList());
            }
        };
    }

    /** What an action ending the record does: ends the household's pairing on that day, if it is still this one. */
    Runnable ended(RecordType type, String householdId, Map<String, Object> values, LocalDate on, Actor actor) {
        var mapping = type.householdPairing();
        if (mapping == null || householdId == null) {
            return () -> { };
        }
        return () -> registry.endPairing(householdId, (String) values.get(mapping.cadreName()),
                (LocalDate) values.get(mapping.startDate()), on, actor);
    }

    /** A record of the type may not change the fields its household's pairing history keeps. */
    static List<Violation> unchangeable(RecordType type, Map<String, Object> before, Map<String, Object> after) {
        var mapping = type.householdPairing();
        if (mapping == null) {
            return List.of();
        }
        return java.util.stream.Stream.of(mapping.cadreName(), mapping.startDate())
                .filter(name -> !Objects.equals(before.get(name), after.get(name)))
                .map(name -> new Violation("data." + name, Texts.text("record.pairing.kept", name))).toList();
    }

    private static String text(Map<String, Object> values, String field) {
        return field == null ? null : (String) values.get(field);
    }

    private static String field(RecordType.HouseholdPairing mapping, String registryPath) {
        String leaf = registryPath.substring(registryPath.lastIndexOf('.') + 1);
        String mapped = switch (leaf) {
            case "cadreName" -> mapping.cadreName();
            case "cadreUnit" -> mapping.cadreUnit();
            case "cadrePost" -> mapping.cadrePost();
            case "cadrePhone" -> mapping.cadrePhone();
            case "unitLevel" -> mapping.unitLevel();
            default -> mapping.startDate();
        };
        return mapped == null ? mapping.startDate() : mapped;
    }
}
