package org.fupin.registry.internal;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.fupin.registry.api.AccessDeniedException;
import org.fupin.registry.api.Actor;
import org.fupin.registry.api.HouseholdQuery;
import org.fupin.registry.api.NotFoundException;
import org.fupin.registry.internal.csv.HouseholdReader;
import org.fupin.registry.model.Household;
import org.fupin.registry.model.HouseholdStatus;
import org.fupin.registry.model.MemberChangeReason;
import org.fupin.registry.model.RegionLevel;
import org.fupin.registry.model.Relation;
import org.fupin.registry.model.Role;
import org.fupin.registry.model.Sex;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Who may write households: the four roles that keep the register; everyone in scope may read them. */
class HouseholdWriteRightsTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    static final Actor KEEPER = actorWith(Role.VILLAGE_CLERK);

    @TempDir
    static Path dir;
    static TestStorage storage;
    static SqlHouseholdRegistry registry;
    static int next = 1;

    @BeforeAll
    static void open() {
        storage = TestStorage.open(dir);
        registry = storage.registry(CLOCK);
    }

    @AfterAll
    static void close() {
        storage.close();
    }

    static Actor actorWith(Role... roles) {
        return new Actor("user", "620502", null, roles.length == 0 ? Set.of() : EnumSet.of(roles[0], roles));
    }

    /** Each write the registry offers, done by an actor on a household of its own. */
    static Map<String, Function<Actor, Object>> writes() {
        var writes = new LinkedHashMap<String, Function<Actor, Object>>();
        writes.put("create", actor -> registry.create(Samples.household(next++), actor));
        writes.put("update", actor -> {
            Household household = kept();
            return registry.update(household.id(), 1, household, actor);
        });
        writes.put("addMember", actor -> registry.addMember(kept().id(), 1, Samples.member("王小宝", Sex.MALE,
                Relation.GRANDCHILD, Samples.id("620502", LocalDate.of(2026, 5, 1), 2 * next++ + 1)),
                MemberChangeReason.BIRTH, LocalDate.of(2026, 5, 1), null, actor));
        writes.put("removeMember", actor -> {
            Household household = kept();
            return registry.removeMember(household.id(), 1, household.members().get(3).id(),
                    MemberChangeReason.MARRIAGE_OUT, LocalDate.of(2026, 10, 1), null, actor);
        });
        writes.put("changeStatus", actor -> registry.changeStatus(kept().id(), 1, HouseholdStatus.EXITED,
                LocalDate.of(2026, 1, 1), "达标", actor));
        writes.put("register", actor -> registry.register(List.of(Samples.household(next++)), actor));
        writes.put("importCsv", actor -> {
            try {
                return registry.importer().importCsv(new ByteArrayInputStream(
                        HouseholdImportTest.HEADER.getBytes(StandardCharsets.UTF_8)), true, actor);
            } catch (IOException | HouseholdReader.HeaderException e) {
                throw new IllegalStateException(e);
            }
        });
        return writes;
    }

    private static Household kept() {
        return registry.create(Samples.household(next++), KEEPER);
    }

    @ParameterizedTest(name = "{0}: may write {1}")
    @CsvSource(textBlock = """
            VILLAGE_CLERK,    true
            TOWNSHIP_OFFICER, true
            COUNTY_ADMIN,     true
            PROVINCE_ADMIN,   true
            PROGRAM_OFFICER,  false
            PAIRED_CADRE,     false
            AUDITOR,          false
            ,                 false
            """)
    void everyWriteNeedsARoleThatKeepsTheRegister(Role role, boolean allowed) {
        Actor actor = role == null ? actorWith() : actorWith(role);

        assertAll(writes().entrySet().stream().map(write -> (Executable) () -> {
            if (allowed) {
                assertDoesNotThrow(() -> write.getValue().apply(actor), write.getKey());
            } else {
                assertThrows(AccessDeniedException.class, () -> write.getValue().apply(actor), write.getKey());
            }
        }));
    }

    @Test
    void theRefusalNamesTheActionAndTheRolesThatMayDoItAndChangesNothing() {
        Household household = kept();

        var refused = assertThrows(AccessDeniedException.class,
                () -> registry.update(household.id(), 1, household, actorWith(Role.AUDITOR, Role.PAIRED_CADRE)));

        assertEquals("修改户信息需要以下角色之一：村级信息员、乡镇干部、县级管理员、省级管理员", refused.text().zh());
        assertEquals("changing a household needs one of these roles: village clerk, township officer, "
                + "county administrator, province administrator", refused.text().en());
        assertEquals(1L, registry.find(household.id(), KEEPER).orElseThrow().version());
    }

    @Test
    void aWriteToAHouseholdOutsideTheRegionIsNotFoundWhateverTheRoles() {
        Household household = kept();
        var auditorElsewhere = new Actor("auditor", "620503", null, Set.of(Role.AUDITOR));
        var adminElsewhere = new Actor("admin", "620503", null, Set.of(Role.COUNTY_ADMIN));

        assertThrows(NotFoundException.class, () -> registry.update(household.id(), 1, household, auditorElsewhere));
        assertThrows(NotFoundException.class, () -> registry.changeStatus(household.id(), 1, HouseholdStatus.EXITED,
                LocalDate.of(2026, 1, 1), "达标", auditorElsewhere));
        assertThrows(NotFoundException.class, () -> registry.update(household.id(), 1, household, adminElsewhere));
    }

    @Test
    void anAuditorReadsEverythingInTheRegion() {
        Household household = kept();
        Actor auditor = actorWith(Role.AUDITOR);

        assertEquals(household.id(), registry.find(household.id(), auditor).orElseThrow().id());
        assertTrue(registry.findJson(household.id(), auditor).isPresent());
        assertEquals(household.id(), registry.history(household.id(), auditor).householdId());
        assertTrue(registry.search(new HouseholdQuery("620502", null, null, null, null, 0, 500, null), auditor)
                .items().stream().anyMatch(s -> s.id().equals(household.id())));
        assertTrue(registry.countBy(storage.regions.find("620502").orElseThrow(), RegionLevel.TOWNSHIP, null,
                auditor).households() > 0);
    }
}
