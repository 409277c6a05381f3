package org.fupin.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.fupin.registry.api.Actor;
import org.fupin.registry.api.HouseholdQuery;
import org.fupin.registry.model.HealthStatus;
import org.fupin.registry.model.Household;
import org.fupin.registry.model.Member;
import org.fupin.registry.model.MemberChangeReason;
import org.fupin.registry.model.Relation;
import org.fupin.registry.model.Role;
import org.fupin.registry.model.Sex;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Full ID numbers on the record for those who edit it; in lists and exports for county and province only. */
class IdNumberMaskingTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    static final Actor KEEPER = new Actor("clerk", "620502", null, Set.of(Role.VILLAGE_CLERK));

    @TempDir
    static Path dir;
    static TestStorage storage;
    static SqlHouseholdRegistry registry;
    static Household household;
    static String head;
    static String disabled;
    static String certificate;

    @BeforeAll
    static void open() {
        storage = TestStorage.open(dir);
        registry = storage.registry(CLOCK);
        Household draft = Samples.household(Samples.OTHER_VILLAGE, 7);
        var members = new ArrayList<>(draft.members());
        Member son = members.get(2);
        members.set(2, new Member(null, son.name(), son.sex(), son.idNumber(), son.relation(), son.ethnicity(),
                son.education(), son.schoolStatus(), son.schoolGrade(), HealthStatus.DISABLED, son.idNumber() + "42",
                son.labourAbility(), son.workStatus(), son.workMonths(), false, true, true, null, null));
        household = registry.create(SqlHouseholdRegistryTest.copy(draft, members, draft.pairings()), KEEPER);
        household = registry.addMember(household.id(), 1, Samples.member("王小宝", Sex.MALE, Relation.GRANDCHILD,
                Samples.id("620502", LocalDate.of(2026, 5, 1), 903)), MemberChangeReason.BIRTH,
                LocalDate.of(2026, 5, 1), null, KEEPER);
        head = household.head().orElseThrow().idNumber();
        disabled = household.members().get(2).idNumber();
        certificate = household.members().get(2).disabilityCertificate();
    }

    @AfterAll
    static void close() {
        storage.close();
    }

    @Test
    void aMaskKeepsTheAddressCodeAndTheLastFourCharacters() {
        Member member = Samples.member("王建国", Sex.MALE, Relation.HEAD, "62050219700301231X");
        Member withCertificate = new Member(null, "王小明", Sex.MALE, "620502200509010033", Relation.SON, "01", null,
                null, null, HealthStatus.DISABLED, "62050220050901003342", null, null, null, false, false, false, null,
                null);
        Household masked = IdNumberMasking.masked(SqlHouseholdRegistryTest.copy(household,
                List.of(member, withCertificate), List.of()));

        assertEquals("620502********231X", masked.members().get(0).idNumber());
        assertEquals("620502********0033", masked.members().get(1).idNumber());
        assertEquals("620502**********3342", masked.members().get(1).disabilityCertificate());
        assertEquals("王小明", masked.members().get(1).name());
    }

    @ParameterizedTest(name = "{0}: record {1}, lists and exports {2}")
    @CsvSource(textBlock = """
            VILLAGE_CLERK,    full,   masked
            TOWNSHIP_OFFICER, full,   masked
            COUNTY_ADMIN,     full,   full
            PROVINCE_ADMIN,   full,   full
            PROGRAM_OFFICER,  masked, masked
            PAIRED_CADRE,     masked, masked
            AUDITOR,          masked, masked
            ,                 masked, masked
            """)
    void whoSeesFullIdNumbers(Role role, String onRecord, String inLists) throws Exception {
        Actor actor = new Actor("user", "620502", null, role == null ? Set.of() : Set.of(role));
        boolean fullRecord = "full".equals(onRecord);
        boolean fullLists = "full".equals(inLists);

        Household found = registry.find(household.id(), actor).orElseThrow();
        String served = registry.findJson(household.id(), actor).orElseThrow();
        var born = registry.history(household.id(), actor).memberChanges().get(0).member();
        // searching by the full number finds the household whatever the role
        var summary = registry.search(query(head), actor).items().get(0);
        var csv = new ByteArrayOutputStream();
        registry.exportCsv(query(head), actor, csv);
        String exported = csv.toString(StandardCharsets.UTF_8);

        assertEquals(shown(head, fullRecord), found.head().orElseThrow().idNumber());
        assertEquals(shown(certificate, fullRecord), found.members().get(2).disabilityCertificate());
        assertEquals(new RegistryJson().write(found), served);
        assertTrue(served.contains("\"idNumber\":\"" + shown(disabled, fullRecord) + "\""), served);
        assertEquals(fullRecord, served.contains(head));
        assertEquals(shown(household.members().get(4).idNumber(), fullRecord), born.idNumber());
        assertEquals(household.id(), summary.id());
        assertEquals(shown(head, fullLists), summary.headIdNumber());
        assertTrue(exported.contains("," + shown(head, fullLists) + ","), exported);
        assertTrue(exported.contains("," + shown(certificate, fullLists) + ","), exported);
        assertEquals(fullLists, exported.contains(disabled));
    }

    private static String shown(String number, boolean full) {
        return full ? number : number.substring(0, 6) + "*".repeat(number.length() - 10)
                + number.substring(number.length() - 4);
    }

    private static HouseholdQuery query(String text) {
        return new HouseholdQuery(null, null, null, null, text, 0, 20, null);
    }
}
