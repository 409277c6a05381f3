package org.fupin.accounts.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.fupin.accounts.api.Account;
import org.fupin.accounts.api.AccountChange;
import org.fupin.accounts.api.LoginRefusedException;
import org.fupin.accounts.api.NewAccount;
import org.fupin.database.internal.SqlAuditLog;
import org.fupin.database.internal.SqliteDatabase;
import org.fupin.database.internal.TestDatabases;
import org.fupin.registry.api.AccessDeniedException;
import org.fupin.registry.api.Actor;
import org.fupin.registry.api.ConflictException;
import org.fupin.registry.api.NotFoundException;
import org.fupin.registry.api.RegionDirectory;
import org.fupin.registry.api.ValidationException;
import org.fupin.registry.api.Violation;
import org.fupin.registry.model.Region;
import org.fupin.registry.model.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Accounts and sign-in on a real SQLite file. */
class AccountsTest {
    static final String PASSWORD = "fupin-demo";
    static final Actor PROVINCE = new Actor("admin", "62", null, Set.of(Role.PROVINCE_ADMIN));
    static final Actor COUNTY = new Actor("qinzhou", "620502", null, Set.of(Role.COUNTY_ADMIN));
    static final Actor CLERK = new Actor("clerk", "620502101202", null, Set.of(Role.VILLAGE_CLERK));
    static final Set<String> KNOWN = Set.of("62", "6205", "620502", "620503", "620502101", "620502101202",
            "620502101203", "63",
            "630102");

    @TempDir
    Path dir;
    SqliteDatabase database;
    MutableClock clock = new MutableClock(Instant.parse("2026-11-22T01:00:00Z"));
    Sessions sessions;
    SqlAccounts accounts;
    PasswordLogin login;

    @BeforeEach
    void start() {
        database = new SqliteDatabase(dir.resolve("fupin.db"), TestDatabases.config("NORMAL", 2, 16));
        database.migrate("platform", TestDatabases.migrationsOnClassPath("db/platform"), "db/platform");
        database.migrate("accounts", TestDatabases.migrationsOnClassPath("db/accounts"), "db/accounts");
        var store = new AccountStore(database, new SqlAuditLog(database, clock));
        RegionDirectory regions = mock(RegionDirectory.class);
        when(regions.find(anyString())).thenAnswer(i -> {
            String code = i.getArgument(0);
            return KNOWN.contains(code)
                    ? Optional.of(new Region(code, code, Region.levelOf(code).orElseThrow(), null, List.of()))
                    : Optional.empty();
        });
        var hasher = new PasswordHasher();
        sessions = new Sessions(store, clock, Duration.ofHours(8));
        var throttle = new LoginThrottle(clock, 5, 20, Duration.ofMinutes(15));
        accounts = new SqlAccounts(store, hasher, sessions, throttle, regions, clock);
        login = new PasswordLogin(store, hasher, sessions, throttle);
        accounts.create(user("admin", "62", null, Role.PROVINCE_ADMIN), Actor.unrestricted("system"));
    }

    @AfterEach
    void stop() {
        database.close();
    }

    static NewAccount user(String name, String region, String agency, Role... roles) {
        return new NewAccount(name, "名字", PASSWORD, region, agency, roles.length == 0 ? Set.of()
                : EnumSet.of(roles[0], roles));
    }

    static Stream<Arguments> invalidAccounts() {
        return Stream.of(
                Arguments.of(new NewAccount("Qin", "秦", PASSWORD, "620502", null, Set.of(Role.COUNTY_ADMIN)), "username"),
                Arguments.of(new NewAccount("qz", "秦", PASSWORD, "620502", null, Set.of(Role.COUNTY_ADMIN)), "username"),
                Arguments.of(new NewAccount("qinzhou", " ", PASSWORD, "620502", null, Set.of(Role.COUNTY_ADMIN)), "displayName"),
                Arguments.of(new NewAccount("qinzhou", "秦", "short-pw1", "620502", null, Set.of(Role.COUNTY_ADMIN)), "password"),
                Arguments.of(new NewAccount("qinzhou", "秦", "x".repeat(129), "620502", null, Set.of(Role.COUNTY_ADMIN)), "password"),
                Arguments.of(new NewAccount("qinzhou1234", "秦", "qinzhou1234", "620502", null, Set.of(Role.COUNTY_ADMIN)), "password"),
                Arguments.of(user("qinzhou", "620599", null, Role.COUNTY_ADMIN), "region"),
                Arguments.of(user("xining", "630102", null, Role.COUNTY_ADMIN), "region"),
                Arguments.of(user("country", "", null, Role.PROVINCE_ADMIN), "region"),
                Arguments.of(user("qinzhou", "620502", null), "roles"),
                Arguments.of(user("qinzhou", "620502101", null, Role.COUNTY_ADMIN), "roles"),
                Arguments.of(user("clerk", "620502101", null, Role.VILLAGE_CLERK), "roles"),
                Arguments.of(user("town", "620502", null, Role.TOWNSHIP_OFFICER), "roles"),
                Arguments.of(user("yulu", "620502", null, Role.PROGRAM_OFFICER), "agency"),
                Arguments.of(user("yulu", "620502", "Poverty Office", Role.PROGRAM_OFFICER), "agency"));
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("invalidAccounts")
    void anInvalidAccountNamesTheFieldAndStoresNothing(NewAccount account, String field) {
        var refused = assertThrows(ValidationException.class, () -> accounts.create(account, PROVINCE));

        assertEquals(List.of(field), refused.violations().stream().map(Violation::field).distinct().toList(),
                refused.violations().toString());
        assertEquals(1, accounts.list(0, 50, PROVINCE).total());
    }

    @Test
    void aRoleAtTheWrongLevelIsExplainedInBothLanguages() {
        var refused = assertThrows(ValidationException.class,
                () -> accounts.create(user("clerk", "620502101", null, Role.VILLAGE_CLERK), PROVINCE));

        var message = refused.violations().get(0).message();
        assertEquals("村级信息员须属于村级区划（区划代码前 12 位）", message.zh());
        assertEquals("village clerk needs a village-level region (a region code of 12 digits)", message.en());
    }

    @Test
    void validAccountsAtEveryLevel() {
        accounts.create(user("qinzhou", "620502", null, Role.COUNTY_ADMIN), PROVINCE);
        accounts.create(user("town", "620502101", null, Role.TOWNSHIP_OFFICER), PROVINCE);
        accounts.create(user("clerk", "620502101202", null, Role.VILLAGE_CLERK), PROVINCE);
        accounts.create(user("yulu", "620502", "poverty-office", Role.PROGRAM_OFFICER), PROVINCE);
        accounts.create(user("auditor", "6205", null, Role.AUDITOR), PROVINCE);

        assertEquals(6, accounts.list(0, 50, PROVINCE).total());
        assertEquals("poverty-office", accounts.find("yulu", PROVINCE).orElseThrow().actor().agency());
    }

    @Test
    void aCountyAdministratorManagesOnlyTheirCountyAndGrantsNoProvinceRole() {
        accounts.create(user("qinzhou", "620502", null, Role.COUNTY_ADMIN), PROVINCE);
        accounts.create(user("maiji", "620503", null, Role.COUNTY_ADMIN), PROVINCE);

        assertThrows(AccessDeniedException.class,
                () -> accounts.create(user("boss", "62", null, Role.PROVINCE_ADMIN), COUNTY));
        var outside = assertThrows(ValidationException.class,
                () -> accounts.create(user("maiji2", "620503", null, Role.AUDITOR), COUNTY));
        assertEquals("region", outside.violations().get(0).field());
        accounts.create(user("clerk", "620502101202", null, Role.VILLAGE_CLERK), COUNTY);

        assertEquals(List.of("clerk", "qinzhou"), accounts.list(0, 50, COUNTY).items().stream()
                .map(Account::username).toList());
        assertTrue(accounts.find("maiji", COUNTY).isEmpty(), "outside the county: as if it did not exist");
        assertThrows(NotFoundException.class, () -> accounts.setEnabled("maiji", false, COUNTY));
        assertEquals("qinzhou", accounts.find("clerk", COUNTY).orElseThrow().createdBy());
    }

    @Test
    void onlyAdministratorsManageUsers() {
        assertThrows(AccessDeniedException.class, () -> accounts.list(0, 50, CLERK));
        assertThrows(AccessDeniedException.class,
                () -> accounts.create(user("clerk2", "620502101202", null, Role.VILLAGE_CLERK), CLERK));
        assertThrows(AccessDeniedException.class, () -> accounts.find("admin",
                new Actor("auditor", "62", null, Set.of(Role.AUDITOR))));
    }

    @Test
    void aTakenUserNameIsAConflict() {
        var taken = assertThrows(ConflictException.class,
                () -> accounts.create(user("admin", "620502", null, Role.COUNTY_ADMIN), PROVINCE));
        assertEquals("username_taken", taken.code());
    }

    @Test
    void signInGivesAnExpiringTokenStoredOnlyAsAHash() throws Exception {
        var session = login.login("admin", PASSWORD, "10.0.0.1");

        assertEquals(Instant.parse("2026-11-22T09:00:00Z"), session.expiresAt());
        assertEquals(Optional.of(PROVINCE), login.authenticate(session.token()));
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("fupin.db"));
                var r = c.createStatement().executeQuery("SELECT token_hash FROM session")) {
            assertTrue(r.next());
            assertNotEquals(session.token(), r.getString(1));
            assertEquals(Sessions.hash(session.token()), r.getString(1));
        }

        clock.advance(Duration.ofHours(8));
        assertEquals(Optional.empty(), login.authenticate(session.token()), "expired after 8 hours");
    }

    @Test
    void sessionsLeaveMemoryWhenTheyExpireEvenIfNeverPresentedAgain() {
        for (int i = 0; i < 5; i++) {
            var session = login.login("admin", PASSWORD, "10.0.0." + i);
            assertTrue(login.authenticate(session.token()).isPresent());
        }
        assertEquals(5, sessions.cached());

        clock.advance(Duration.ofHours(7).plusMinutes(59));
        assertEquals(5, sessions.cached(), "still valid");
        clock.advance(Duration.ofMinutes(1));

        assertEquals(0, sessions.cached(), "gone from memory at their expiry, none presented again");
    }

    @Test
    void wrongPasswordsUnknownAndDisabledUsersFailAlike() {
        accounts.create(user("qinzhou", "620502", null, Role.COUNTY_ADMIN), PROVINCE);
        accounts.setEnabled("qinzhou", false, PROVINCE);

        for (String[] attempt : new String[][] { { "admin", "wrong-password" }, { "nobody", PASSWORD },
                { "qinzhou", PASSWORD }, { null, null } }) {
            var refused = assertThrows(LoginRefusedException.class,
                    () -> login.login(attempt[0], attempt[1], "10.0.0." + attempt.length));
            assertFalse(refused.locked());
            assertEquals("wrong user name or password", refused.getMessage());
        }
    }

    @Test
    void fiveFailuresLockTheAccountEvenForTheRightPassword() {
        for (int i = 0; i < 5; i++) {
            assertThrows(LoginRefusedException.class, () -> login.login("admin", "wrong-password", "10.0.0.1"));
        }
        var locked = assertThrows(LoginRefusedException.class, () -> login.login("admin", PASSWORD, "10.0.0.2"));
        assertTrue(locked.locked());
        assertEquals(Duration.ofMinutes(15), locked.retryAfter());

        clock.advance(Duration.ofMinutes(15));
        login.login("admin", PASSWORD, "10.0.0.2");
    }

    @Test
    void logoutAndDisablingEndSessionsAtOnce() {
        accounts.create(user("qinzhou", "620502", null, Role.COUNTY_ADMIN), PROVINCE);
        var first = login.login("qinzhou", PASSWORD, "10.0.0.1");
        var second = login.login("qinzhou", PASSWORD, "10.0.0.1");
        assertTrue(login.authenticate(first.token()).isPresent());
        assertTrue(login.authenticate(second.token()).isPresent());

        login.logout(first.token());
        assertEquals(Optional.empty(), login.authenticate(first.token()));
        assertTrue(login.authenticate(second.token()).isPresent());

        accounts.setEnabled("qinzhou", false, PROVINCE);
        assertEquals(Optional.empty(), login.authenticate(second.token()));
        assertThrows(LoginRefusedException.class, () -> login.login("qinzhou", PASSWORD, "10.0.0.1"));

        accounts.setEnabled("qinzhou", true, PROVINCE);
        assertTrue(login.authenticate(login.login("qinzhou", PASSWORD, "10.0.0.1").token()).isPresent());
    }

    @Test
    void guessingTheCurrentPasswordWithAStolenSessionLocksTheAccountToo() {
        for (int i = 0; i < 5; i++) {
            assertThrows(ValidationException.class,
                    () -> accounts.changePassword(PROVINCE, "guess-number-x", "new-password-1", null));
        }
        var locked = assertThrows(LoginRefusedException.class,
                () -> accounts.changePassword(PROVINCE, PASSWORD, "new-password-1", null));
        assertTrue(locked.locked());
        assertThrows(LoginRefusedException.class, () -> login.login("admin", PASSWORD, "10.0.0.9"));

        clock.advance(Duration.ofMinutes(15));
        accounts.changePassword(PROVINCE, PASSWORD, "new-password-1", null);
        login.login("admin", "new-password-1", "10.0.0.9");
    }

    @Test
    void nobodyDisablesThemselves() {
        var refused = assertThrows(ConflictException.class, () -> accounts.setEnabled("admin", false, PROVINCE));
        assertEquals("cannot_disable_self", refused.code());
    }

    @Test
    void changingThePasswordNeedsTheCurrentOneAndEndsOtherSessions() {
        var kept = login.login("admin", PASSWORD, "10.0.0.1");
        var other = login.login("admin", PASSWORD, "10.0.0.2");

        var wrong = assertThrows(ValidationException.class,
                () -> accounts.changePassword(PROVINCE, "not-the-password", "new-password-1", kept.token()));
        assertEquals("currentPassword", wrong.violations().get(0).field());
        var weak = assertThrows(ValidationException.class,
                () -> accounts.changePassword(PROVINCE, PASSWORD, "short", kept.token()));
        assertEquals("newPassword", weak.violations().get(0).field());

        accounts.changePassword(PROVINCE, PASSWORD, "new-password-1", kept.token());

        assertTrue(login.authenticate(kept.token()).isPresent());
        assertEquals(Optional.empty(), login.authenticate(other.token()));
        assertThrows(LoginRefusedException.class, () -> login.login("admin", PASSWORD, "10.0.0.3"));
        login.login("admin", "new-password-1", "10.0.0.3");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        a county administrator moves a clerk to another village of the county | COUNTY   | clerk2   | {"region":"620502101203"}                  | ok
        a county administrator makes a clerk a township officer                | COUNTY   | clerk2   | {"region":"620502101","roles":["TOWNSHIP_OFFICER"]} | ok
        the role must fit the region's level                                   | COUNTY   | clerk2   | {"roles":["TOWNSHIP_OFFICER"]}              | roles
        a region outside the administrator's                                   | COUNTY   | clerk2   | {"region":"620503"}                          | region
        a program officer needs an agency                                      | COUNTY   | officer2 | {"agency":""}                                | agency
        a county administrator grants no province role                         | COUNTY   | clerk2   | {"region":"62","roles":["PROVINCE_ADMIN"]}   | denied
        a user outside the administrator's region does not exist for them      | COUNTY   | other    | {"displayName":"新名字"}                      | not_found
        nobody changes their own roles                                         | PROVINCE | admin    | {"roles":["AUDITOR"]}                        | cannot_change_self
        but their own display name, yes                                        | PROVINCE | admin    | {"displayName":"省管理员"}                     | ok
        an empty display name                                                  | PROVINCE | clerk2   | {"displayName":" "}                           | displayName
        """)
    void administratorsChangeUsersWithinTheRulesOfCreation(String what, String who, String username, String json,
            String outcome) throws Exception {
        accounts.create(user("qinzhou", "620502", null, Role.COUNTY_ADMIN), PROVINCE);
        accounts.create(user("clerk2", "620502101202", null, Role.VILLAGE_CLERK), PROVINCE);
        accounts.create(user("officer2", "620502", "poverty-office", Role.PROGRAM_OFFICER), PROVINCE);
        accounts.create(user("other", "620503", null, Role.COUNTY_ADMIN), PROVINCE);
        Actor actor = "COUNTY".equals(who) ? COUNTY : PROVINCE;
        var fields = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        var change = new AccountChange(text(fields, "displayName"), text(fields, "region"), text(fields, "agency"),
                fields.has("roles") ? Set.of(Role.valueOf(fields.get("roles").get(0).asText())) : null);
        Account before = accounts.find(username, PROVINCE).orElseThrow();

        switch (outcome) {
            case "ok" -> {
                Account after = accounts.change(username, change, actor);
                assertEquals(after, accounts.find(username, PROVINCE).orElseThrow());
                assertNotEquals(before, after);
            }
            case "denied" -> assertThrows(AccessDeniedException.class, () -> accounts.change(username, change, actor));
            case "not_found" -> assertThrows(NotFoundException.class, () -> accounts.change(username, change, actor));
            case "cannot_change_self" -> assertEquals(outcome,
                    assertThrows(ConflictException.class, () -> accounts.change(username, change, actor)).code());
            default -> assertEquals(outcome, assertThrows(ValidationException.class,
                    () -> accounts.change(username, change, actor)).violations().get(0).field());
        }
        if (!"ok".equals(outcome)) {
            assertEquals(before, accounts.find(username, PROVINCE).orElseThrow(), "nothing changed");
        }
    }

    private static String text(com.fasterxml.jackson.databind.JsonNode fields, String name) {
        return fields.has(name) ? fields.get(name).asText() : null;
    }

    @Test
    void aNewRoleOrRegionEndsTheSessionsAndIsAudited() throws Exception {
        accounts.create(user("clerk2", "620502101202", null, Role.VILLAGE_CLERK), PROVINCE);
        var session = login.login("clerk2", PASSWORD, "10.0.0.1");
        assertTrue(login.authenticate(session.token()).isPresent());

        accounts.change("clerk2", new AccountChange(null, "620502101", null, Set.of(Role.TOWNSHIP_OFFICER)), COUNTY);

        assertEquals(Optional.empty(), login.authenticate(session.token()), "what they may see changed");
        var now = login.authenticate(login.login("clerk2", PASSWORD, "10.0.0.1").token()).orElseThrow();
        assertEquals("620502101", now.scope());
        assertEquals(Set.of(Role.TOWNSHIP_OFFICER), now.roles());
        assertEquals(List.of("create", "login", "change", "login"), actions("clerk2"));
    }

    @Test
    void aResetPasswordWorksOnceAndMustBeChangedBeforeAnythingElse() throws Exception {
        accounts.create(user("clerk2", "620502101202", null, Role.VILLAGE_CLERK), PROVINCE);
        var before = login.login("clerk2", PASSWORD, "10.0.0.1");

        var self = assertThrows(ConflictException.class, () -> accounts.resetPassword("admin", "temporary-1", PROVINCE));
        assertEquals("cannot_reset_self", self.code());
        assertEquals("temporaryPassword", assertThrows(ValidationException.class,
                () -> accounts.resetPassword("clerk2", "short", COUNTY)).violations().get(0).field());
        accounts.resetPassword("clerk2", "temporary-1", COUNTY);

        assertEquals(Optional.empty(), login.authenticate(before.token()), "the old sessions end");
        assertThrows(LoginRefusedException.class, () -> login.login("clerk2", PASSWORD, "10.0.0.1"));
        var temporary = login.login("clerk2", "temporary-1", "10.0.0.1");
        assertTrue(sessions.user(temporary.token()).orElseThrow().mustChangePassword());

        var clerk = sessions.actor(temporary.token()).orElseThrow();
        accounts.changePassword(clerk, "temporary-1", "my-own-password", temporary.token());
        assertFalse(sessions.user(temporary.token()).orElseThrow().mustChangePassword(), "the same token now works");
        assertEquals(List.of("create", "login", "password-reset", "login-failed", "login", "password"),
                actions("clerk2"));
    }

    @Test
    void anAdministratorUnlocksAnAccountLockedByFailedSignInsAndEveryFailureIsAudited() throws Exception {
        accounts.create(user("clerk2", "620502101202", null, Role.VILLAGE_CLERK), PROVINCE);
        for (int i = 0; i < 5; i++) {
            assertThrows(LoginRefusedException.class, () -> login.login("clerk2", "wrong-password", "10.0.0.7"));
        }
        assertTrue(assertThrows(LoginRefusedException.class, () -> login.login("clerk2", PASSWORD, "10.0.0.8"))
                .locked());

        accounts.unlock("clerk2", COUNTY);

        login.login("clerk2", PASSWORD, "10.0.0.8");
        var trail = actions("clerk2");
        assertEquals(List.of("create", "login-failed", "login-failed", "login-failed", "login-failed", "login-failed",
                "unlock", "login"), trail);
        assertEquals("{\"address\":\"10.0.0.7\",\"reason\":\"wrong_password\"}", after("clerk2", "login-failed"));
        assertThrows(LoginRefusedException.class, () -> login.login("nobody-at-all", PASSWORD, "10.0.0.9"));
        assertEquals("{\"address\":\"10.0.0.9\",\"reason\":\"unknown_user\"}", after("nobody-at-all", "login-failed"));
    }

    private List<String> actions(String username) {
        return database.read(c -> {
            var actions = new java.util.ArrayList<String>();
            try (var s = c.prepareStatement("SELECT action FROM audit WHERE entity = 'account' AND entity_id = ? ORDER BY id")) {
                s.setString(1, username);
                try (var r = s.executeQuery()) {
                    while (r.next()) {
                        actions.add(r.getString(1));
                    }
                }
            }
            return actions;
        });
    }

    private String after(String username, String action) {
        return database.read(c -> {
            try (var s = c.prepareStatement("SELECT after FROM audit WHERE entity = 'account' AND entity_id = ? "
                    + "AND action = ? ORDER BY id LIMIT 1")) {
                s.setString(1, username);
                s.setString(2, action);
                try (var r = s.executeQuery()) {
                    return r.next() ? r.getString(1) : null;
                }
            }
        });
    }
}
