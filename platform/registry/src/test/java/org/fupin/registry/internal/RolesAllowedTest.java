package org.fupin.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.fupin.registry.internal.http.HouseholdResource;
import org.fupin.registry.internal.http.ImportResource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import jakarta.annotation.security.RolesAllowed;

/** The roles refused before a body is read are exactly those that may not write households (HouseholdEditors). */
class RolesAllowedTest {
    @ParameterizedTest(name = "{0}.{1}")
    @CsvSource({
            "HouseholdResource, create",
            "HouseholdResource, update",
            "HouseholdResource, addMember",
            "HouseholdResource, removeMember",
            "HouseholdResource, changeStatus",
            "ImportResource,    importCsv",
            "ImportResource,    importXlsx",
    })
    void everyHouseholdWriteIsOpenToTheEditorsOnly(String resource, String method) {
        Class<?> type = "ImportResource".equals(resource) ? ImportResource.class : HouseholdResource.class;
        RolesAllowed allowed = Arrays.stream(type.getMethods()).filter(m -> m.getName().equals(method)).findFirst()
                .orElseThrow().getAnnotation(RolesAllowed.class);

        assertEquals(HouseholdEditors.ROLES.stream().map(Enum::name).collect(Collectors.toSet()),
                Set.of(allowed.value()));
    }
}
