package org.fupin.programs.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.fupin.registry.model.Role;

import org.junit.jupiter.api.Test;

import jakarta.annotation.security.RolesAllowed;

/**
 * The roles refused before a body is read are the roles the service would refuse after reading it: the two lists
 * cannot drift apart.
 */
class RolesAllowedTest {
    @Test
    void filingIsRefusedBeforeItsBodyOnlyToTheRoleNoProgramMayDeclareAFiler() {
        assertEquals(Arrays.stream(Role.values()).filter(r -> r != Role.AUDITOR).map(Enum::name)
                .collect(Collectors.toSet()), allowed(ProgramResource.class, "file"));
    }

    @Test
    void workflowStepsAreLeftToEachProgramsDeclaredRoles() {
        assertNull(annotation(ProgramResource.class, "transition"), "a program may declare any role for an action");
    }

    @Test
    void onlyAdministratorsEnableProgramsAndSetParameters() {
        assertEquals(Set.of("PROVINCE_ADMIN", "COUNTY_ADMIN"), allowed(CountyProgramResource.class, "enable"));
        assertEquals(Set.of("PROVINCE_ADMIN", "COUNTY_ADMIN"), allowed(CountyProgramResource.class, "parameters"));
    }

    static Set<String> allowed(Class<?> resource, String method) {
        return Set.of(annotation(resource, method).value());
    }

    static RolesAllowed annotation(Class<?> resource, String method) {
        return Arrays.stream(resource.getMethods()).filter(m -> m.getName().equals(method)).findFirst().orElseThrow()
                .getAnnotation(RolesAllowed.class);
    }
}
