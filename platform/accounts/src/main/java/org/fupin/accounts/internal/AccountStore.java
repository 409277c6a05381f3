package org.fupin.accounts.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.fupin.accounts.api.Account;
import org.fupin.database.api.AuditLog;
import org.fupin.database.api.Database;
import org.fupin.registry.api.Page;
import org.fupin.registry.model.Role;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The accounts' tables (see {@code db/accounts}). Every change to an account commits with its audit record
 * (entity {@code account}, never with the password hash); sessions are keyed by the SHA-256 of their token.
 */
@Component(service = AccountStore.class)
public class AccountStore {
    static final String ENTITY = "account";
    /** The audit trail's actor for what nobody signed in did: failed sign-ins. */
    static final String ANONYMOUS = "anonymous";
    private static final String COLUMNS = "username, display_name, region, agency, roles, enabled, created_at, "
            + "created_by, password_hash, must_change_password";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * An account with its password hash, which never leaves this bundle, and whether the password was set by an
     * administrator (then the user must change it before doing anything else).
     */
    record Stored(Account account, String passwordHash, boolean mustChangePassword) {
    }

    private final Database database;
    private final AuditLog audit;

    @Activate
    public AccountStore(@Reference Database database, @Reference AuditLog audit, BundleContext context) {
        this(database, audit);
        database.migrate("accounts", context.getBundle(), "db/accounts");
    }

    AccountStore(Database database, AuditLog audit) {
        this.database = database;
        this.audit = audit;
    }

    boolean isEmpty() {
        return database.read(c -> {
            try (var s = c.prepareStatement("SELECT 1 FROM account LIMIT 1"); var r = s.executeQuery()) {
                return !r.next();
            }
        });
    }

    Optional<Stored> find(String username) {
        return database.read(c -> {
            try (var s = c.prepareStatement("SELECT " + COLUMNS + " FROM account WHERE username = ?")) {
                s.setString(1, username);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(stored(r)) : Optional.<Stored>empty();
                }
            }
        });
    }

    /** The users who must replace a password an administrator set: few at any time. */
    Set<String> mustChangePassword() {
        return database.read(c -> {
            var names = new java.util.HashSet<String>();
            try (var s = c.prepareStatement("SELECT username FROM account WHERE must_change_password = 1");
                    var r = s.executeQuery()) {
                while (r.next()) {
                    names.add(r.getString(1));
                }
            }
            return names;
        });
    }

    /** Accounts whose region lies in {@code scope}, by user name. */
    Page<Account> list(String scope, int page, int size) {
        return database.read(c -> {
            long total;
            try (var s = c.prepareStatement("SELECT count(*) FROM account WHERE substr(region, 1, ?) = ?")) {
                s.setInt(1, scope.length());
                s.setString(2, scope);
                try (var r = s.executeQuery()) {
                    total = r.next() ? r.getLong(1) : 0;
                }
            }
            List<Account> items = new ArrayList<>();
            try (var s = c.prepareStatement("SELECT " + COLUMNS + " FROM account WHERE substr(region, 1, ?) = ? "
                    + "ORDER BY username LIMIT ? OFFSET ?")) {
                s.setInt(1, scope.length());
                s.setString(2, scope);
                s.setInt(3, size);
                s.setLong(4, (long) page * size);
                try (var r = s.executeQuery()) {
                    while (r.next()) {
                        items.add(stored(r).account());
                    }
                }
            }
            return new Page<>(items, page, size, total);
        });
    }

    /** Inserts the account; false when the user name is taken (nothing written then). */
    boolean insert(Account account, String passwordHash) {
        return database.write(c -> {
            try (var s = c.prepareStatement("INSERT INTO account (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,0) "
                    + "ON CONFLICT (username) DO NOTHING")) {
                s.setString(1, account.username());
                s.setString(2, account.displayName());
                s.setString(3, account.region());
                s.setString(4, account.agency());
                s.setString(5, roles(account));
                s.setInt(6, account.enabled() ? 1 : 0);
                s.setString(7, account.createdAt().toString());
                s.setString(8, account.createdBy());
                s.setString(9, passwordHash);
                if (s.executeUpdate() == 0) {
                    return false;
                }
            }
            audit.append(c, account.createdBy(), ENTITY, account.username(), account.region(), "create", null,
                    json(view(account)));
            return true;
        });
    }

    /** Sets the flag; disabling ends every session of the user in the same transaction. */
    void setEnabled(Account before, boolean enabled, String actor) {
        database.write(c -> {
            try (var s = c.prepareStatement("UPDATE account SET enabled = ? WHERE username = ?")) {
                s.setInt(1, enabled ? 1 : 0);
                s.setString(2, before.username());
                s.executeUpdate();
            }
            if (!enabled) {
                deleteSessions(c, before.username(), null);
            }
            Account after = new Account(before.username(), before.displayName(), before.region(), before.agency(),
                    before.roles(), enabled, before.createdAt(), before.createdBy());
            audit.append(c, actor, ENTITY, before.username(), before.region(), enabled ? "enable" : "disable",
                    json(view(before)),
                    json(view(after)));
            return null;
        });
    }

    /**
     * Replaces a user's region, agency, roles and display name; when what they may see changes, their sessions end
     * in the same transaction.
     */
    void update(Account before, Account after, String actor) {
        database.write(c -> {
            try (var s = c.prepareStatement(
                    "UPDATE account SET display_name = ?, region = ?, agency = ?, roles = ? WHERE username = ?")) {
                s.setString(1, after.displayName());
                s.setString(2, after.region());
                s.setString(3, after.agency());
                s.setString(4, roles(after));
                s.setString(5, before.username());
                s.executeUpdate();
            }
            if (!before.actor().equals(after.actor())) {
                deleteSessions(c, before.username(), null);
            }
            // where the user is now: the readers of their new region follow them from here on
            audit.append(c, actor, ENTITY, before.username(), after.region(), "change", json(view(before)),
                    json(view(after)));
            return null;
        });
    }

    /** An administrator's new password: the user must change it at the next sign-in; their sessions end. */
    void resetPassword(String username, String passwordHash, String actor) {
        database.write(c -> {
            try (var s = c.prepareStatement(
                    "UPDATE account SET password_hash = ?, must_change_password = 1 WHERE username = ?")) {
                s.setString(1, passwordHash);
                s.setString(2, username);
                s.executeUpdate();
            }
            deleteSessions(c, username, null);
            audit.append(c, actor, ENTITY, username, regionOf(c, username), "password-reset", null, null);
            return null;
        });
    }

    /** Records that an administrator lifted the lock of failed sign-ins (the lock itself lives in memory). */
    void auditUnlock(String username, String actor, Instant lockedUntil) {
        database.write(c -> {
            audit.append(c, actor, ENTITY, username, regionOf(c, username), "unlock",
                    json(java.util.Map.of("lockedUntil", lockedUntil.toString())), null);
            return null;
        });
    }

    /**
     * Records a failed sign-in under the user name as typed (which may name nobody), by the anonymous caller at
     * {@code address}.
     */
    void auditFailedSignIn(String typedUsername, String address, String reason) {
        var details = new LinkedHashMap<String, Object>();
        details.put("address", address);
        details.put("reason", reason);
        database.write(c -> {
            // a name that belongs to nobody concerns no region: only readers of the whole country see it
            audit.append(c, ANONYMOUS, ENTITY, typedUsername, regionOf(c, typedUsername), "login-failed", null,
                    json(details));
            return null;
        });
    }

    /** Replaces the password hash and ends the user's sessions but {@code keepTokenHash}. */
    void setPassword(String username, String passwordHash, String keepTokenHash) {
        database.write(c -> {
            try (var s = c.prepareStatement(
                    "UPDATE account SET password_hash = ?, must_change_password = 0 WHERE username = ?")) {
                s.setString(1, passwordHash);
                s.setString(2, username);
                s.executeUpdate();
            }
            deleteSessions(c, username, keepTokenHash);
            audit.append(c, username, ENTITY, username, regionOf(c, username), "password", null, null);
            return null;
        });
    }

    // ---- sessions ----

    /** Stores a session and drops expired ones; audited as the user's sign-in. */
    void insertSession(String tokenHash, String username, Instant now, Instant expiresAt, String address) {
        database.write(c -> {
            try (var s = c.prepareStatement("DELETE FROM session WHERE expires_at <= ?")) {
                s.setString(1, now.toString());
                s.executeUpdate();
            }
            try (var s = c.prepareStatement(
                    "INSERT INTO session (token_hash, username, created_at, expires_at, address) VALUES (?,?,?,?,?)")) {
                s.setString(1, tokenHash);
                s.setString(2, username);
                s.setString(3, now.toString());
                s.setString(4, expiresAt.toString());
                s.setString(5, address);
                s.executeUpdate();
            }
            var details = new LinkedHashMap<String, Object>();
            details.put("address", address);
            details.put("expiresAt", expiresAt.toString());
            audit.append(c, username, ENTITY, username, regionOf(c, username), "login", null, json(details));
            return null;
        });
    }

    /** The enabled account of a session that has not expired by {@code now}, with the session's expiry. */
    Optional<Live> liveSession(String tokenHash, Instant now) {
        return database.read(c -> {
            try (var s = c.prepareStatement("SELECT " + prefixed() + ", s.expires_at FROM session s "
                    + "JOIN account a ON a.username = s.username "
                    + "WHERE s.token_hash = ? AND s.expires_at > ? AND a.enabled = 1")) {
                s.setString(1, tokenHash);
                s.setString(2, now.toString());
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(new Live(stored(r), Instant.parse(r.getString(11))))
                            : Optional.<Live>empty();
                }
            }
        });
    }

    /** A live session's account and when it ends. */
    record Live(Stored stored, Instant expiresAt) {
    }

    /** Ends one session; the user name it belonged to, if any. */
    Optional<String> deleteSession(String tokenHash) {
        return database.write(c -> {
            try (var s = c.prepareStatement("DELETE FROM session WHERE token_hash = ? RETURNING username")) {
                s.setString(1, tokenHash);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        return Optional.<String>empty();
                    }
                    String username = r.getString(1);
                    audit.append(c, username, ENTITY, username, regionOf(c, username), "logout", null, null);
                    return Optional.of(username);
                }
            }
        });
    }

    /** The user's region, or null when the name belongs to nobody. */
    private static String regionOf(Connection c, String username) throws SQLException {
        try (var s = c.prepareStatement("SELECT region FROM account WHERE username = ?")) {
            s.setString(1, username);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }

    private static void deleteSessions(Connection c, String username, String keepTokenHash) throws SQLException {
        try (var s = c.prepareStatement("DELETE FROM session WHERE username = ? AND token_hash IS NOT ?")) {
            s.setString(1, username);
            s.setString(2, keepTokenHash);
            s.executeUpdate();
        }
    }

    private static String prefixed() {
        return Arrays.stream(COLUMNS.split(", ")).map(c -> "a." + c).collect(Collectors.joining(", "));
    }

    private static Stored stored(ResultSet r) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : r.getString(5).split(",")) {
            if (!role.isBlank()) {
                roles.add(Role.valueOf(role));
            }
        }
        var account = new Account(r.getString(1), r.getString(2), r.getString(3), r.getString(4), roles,
                r.getInt(6) == 1, Instant.parse(r.getString(7)), r.getString(8));
        return new Stored(account, r.getString(9), r.getInt(10) == 1);
    }

    private static String roles(Account account) {
        return account.roles().stream().map(Role::name).sorted().collect(Collectors.joining(","));
    }

    /** What the audit trail keeps of an account: everything but the password hash. */
    private static java.util.Map<String, Object> view(Account account) {
        var view = new LinkedHashMap<String, Object>();
        view.put("username", account.username());
        view.put("displayName", account.displayName());
        view.put("region", account.region());
        view.put("agency", account.agency());
        view.put("roles", account.roles().stream().map(Role::name).sorted().toList());
        view.put("enabled", account.enabled());
        return view;
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
