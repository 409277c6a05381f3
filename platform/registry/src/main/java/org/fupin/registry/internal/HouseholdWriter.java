package org.fupin.registry.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fupin.database.api.AuditLog;
import org.fupin.registry.api.Actor;
import org.fupin.registry.api.ConflictException;
import org.fupin.registry.model.Cause;
import org.fupin.registry.model.Household;
import org.fupin.registry.model.HouseholdStatus;
import org.fupin.registry.model.Member;

/**
 * The registry's row writes within one write transaction, by one actor — new households, members, causes, status
 * changes and the households' audit records. Rows are collected in JDBC batches and executed when the writer is
 * closed, which must happen before the transaction commits: a batch of a thousand households costs a few
 * executions rather than ten thousand (the driver's cost per execution was larger than SQLite's per row).
 * Household ids come from the table's maximum, read once: every write runs on the single writer connection, one
 * transaction at a time; member ids are reserved from the store. A household's document is stored once, in its
 * audit record, which the household row names; so the household rows are bound last, once the audit log has
 * given those records' ids. A new household arrives {@linkplain #prepare prepared} — members numbered, document
 * written — outside the transaction, so the single writer thread spends its time on the rows alone.
 */
final class HouseholdWriter implements AutoCloseable {
    /** What an insert found out about the people in it. */
    sealed interface Outcome permits Inserted, AlreadyRegistered {
    }

    /** A new household with its id. */
    record Inserted(long id) implements Outcome {
    }

    /** Every member is already in this one household: a re-import of the same household, nothing to do. */
    record AlreadyRegistered(long id) implements Outcome {
    }

    /** A new household as it will be stored (members numbered, timestamps set) and its document. */
    record Prepared(Household stored, byte[] document) {
    }

    /** A new household with its id, as stored, and its document. */
    private record Created(long id, Household stored, byte[] document) {
    }

    /** Holder of an ID number nobody in the registry has (household ids start at 1). */
    private static final long NOBODY = 0;

    private final Connection connection;
    private final AuditLog audit;
    private final RegistryJson json;
    private final Actor actor;
    private final PreparedStatement findPerson;
    private final PreparedStatement insertHousehold;
    private final PreparedStatement insertMember;
    private final PreparedStatement insertCause;
    private final PreparedStatement insertStatus;
    /**
     * Who holds an ID number, as far as this transaction knows: looked up, prefetched or inserted here. Batched
     * rows are not in the table until the writer closes, so the duplicate check asks this map first.
     */
    private final Map<String, Long> holders = new HashMap<>();
    private final Map<Long, Integer> sizesInsertedHere = new HashMap<>();
    /** The new households, bound when the audit log has given their documents' ids. */
    private final List<Created> created = new ArrayList<>();
    private long nextHousehold;

    HouseholdWriter(Connection connection, AuditLog audit, RegistryJson json, Actor actor) throws SQLException {
        this.connection = connection;
        this.audit = audit;
        this.json = json;
        this.actor = actor;
        findPerson = connection.prepareStatement("SELECT household_id FROM member WHERE id_number = ?");
        insertHousehold = connection.prepareStatement("INSERT INTO household (id, version, village_code, status, "
                + "attribute, main_cause, head_name, head_id_number, member_count, income_year, per_capita_fen, "
                + "document_id, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
        insertMember = connection.prepareStatement(
                "INSERT INTO member (id, household_id, id_number, name) VALUES (?,?,?,?)");
        insertCause = connection.prepareStatement(
                "INSERT INTO household_cause (household_id, cause, main) VALUES (?,?,?)");
        insertStatus = connection.prepareStatement("INSERT INTO status_change (household_id, from_status, to_status, "
                + "date, reason, actor, recorded_at) VALUES (?,?,?,?,?,?,?)");
        nextHousehold = max("household") + 1;
    }

    /**
     * A validated new household as it will be stored with {@code status} from {@code now} on: its members get ids
     * reserved for them, its document is written. Needs no transaction.
     */
    static Prepared prepare(Household household, HouseholdStatus status, Instant now, RegistryStore store,
            RegistryJson json) {
        long memberId = store.reserveMemberIds(household.members().size());
        var members = new ArrayList<Member>(household.members().size());
        for (Member member : household.members()) {
            members.add(member.withId(String.valueOf(memberId++)));
        }
        Household stored = household.managed(null, null, status, members, household.incomes(),
                SqlHouseholdRegistry.closePairings(household.pairings()), household.region(), now, now);
        return new Prepared(stored, json.writeUtf8(stored));
    }

    /**
     * Looks up the holders of many ID numbers in one query, so that inserting the households that carry them
     * needs no query per person.
     */
    void prefetch(Collection<String> idNumbers) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT id_number, household_id FROM member "
                + "WHERE id_number IN (SELECT value FROM json_each(?))")) {
            query.setString(1, json.write(idNumbers));
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    holders.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        for (String idNumber : idNumbers) {
            holders.putIfAbsent(idNumber, NOBODY);
        }
    }

    /**
     * Inserts a validated household, or reports that exactly these people already form one household. Every
     * person is checked before any row is written, so a refused household leaves nothing behind.
     *
     * @throws ConflictException when a member belongs to another household
     */
    Outcome insert(Prepared household, LocalDate since, String reason) throws SQLException {
        Household stored = household.stored();
        Long existing = null;
        Member firstTaken = null;
        boolean allRegistered = true;
        for (Member member : stored.members()) {
            long holder = holder(member.idNumber());
            if (holder == NOBODY) {
                allRegistered = false;
            } else if (existing == null) {
                existing = holder;
                firstTaken = member;
            } else if (existing != holder) {
                throw duplicate(member, holder);
            }
        }
        if (existing != null) {
            if (allRegistered && stored.members().size() == size(existing)) {
                return new AlreadyRegistered(existing);
            }
            throw duplicate(firstTaken, existing);
        }
        long id = nextHousehold++;
        for (Member member : stored.members()) {
            holders.put(member.idNumber(), id);
        }
        sizesInsertedHere.put(id, stored.members().size());
        insertMembers(id, stored.members());
        insertCauses(id, stored);
        insertStatusChange(id, null, stored.status(), since, reason, stored.createdAt());
        created.add(new Created(id, stored, household.document()));
        return new Inserted(id);
    }

    private long holder(String idNumber) throws SQLException {
        Long known = holders.get(idNumber);
        if (known != null) {
            return known;
        }
        findPerson.setString(1, idNumber);
        try (ResultSet rs = findPerson.executeQuery()) {
            long holder = rs.next() ? rs.getLong(1) : NOBODY;
            holders.put(idNumber, holder);
            return holder;
        }
    }

    private int size(long household) throws SQLException {
        Integer here = sizesInsertedHere.get(household);
        if (here != null) {
            return here;
        }
        try (PreparedStatement count = connection.prepareStatement(
                "SELECT count(*) FROM member WHERE household_id = ?")) {
            count.setLong(1, household);
            try (ResultSet rs = count.executeQuery()) {
                return rs.getInt(1);
            }
        }
    }

    private static ConflictException duplicate(Member member, long holder) {
        return new ConflictException("duplicate_person", Messages.text("person.duplicate", member.idNumber(), holder));
    }

    void insertMembers(long householdId, List<Member> members) throws SQLException {
        for (Member member : members) {
            insertMember.setLong(1, Long.parseLong(member.id()));
            insertMember.setLong(2, householdId);
            insertMember.setString(3, member.idNumber());
            insertMember.setString(4, member.name());
            insertMember.addBatch();
        }
    }

    /** The household's main and other causes, as searches filter on them. */
    void insertCauses(long householdId, Household household) throws SQLException {
        insertCause(householdId, household.mainCause(), true);
        for (Cause other : household.otherCauses()) {
            insertCause(householdId, other, false);
        }
    }

    private void insertCause(long id, Cause cause, boolean main) throws SQLException {
        insertCause.setLong(1, id);
        insertCause.setString(2, cause.name());
        insertCause.setInt(3, main ? 1 : 0);
        insertCause.addBatch();
    }

    void insertStatusChange(long householdId, HouseholdStatus from, HouseholdStatus to, LocalDate date,
            String reason, Instant now) throws SQLException {
        insertStatus.setLong(1, householdId);
        insertStatus.setString(2, from == null ? null : from.name());
        insertStatus.setString(3, to.name());
        insertStatus.setString(4, date.toString());
        insertStatus.setString(5, reason);
        insertStatus.setString(6, actor.username());
        insertStatus.setString(7, now.toString());
        insertStatus.addBatch();
    }

    /**
     * Binds village … document_id (10 parameters) from {@code first}; shared with updates. {@code documentId} is
     * the id of the audit record whose after is the household's document.
     */
    static void bindColumns(PreparedStatement statement, int first, Household h, long documentId)
            throws SQLException {
        statement.setString(first, h.villageCode());
        statement.setString(first + 1, h.status().name());
        statement.setString(first + 2, h.attribute().name());
        statement.setString(first + 3, h.mainCause().name());
        var head = h.head();
        statement.setString(first + 4, head.map(Member::name).orElse(null));
        statement.setString(first + 5, head.map(Member::idNumber).orElse(null));
        statement.setInt(first + 6, h.members().size());
        var latest = h.incomes().isEmpty() ? null : h.incomes().get(h.incomes().size() - 1);
        if (latest == null || latest.perCapitaNet() == null) {
            statement.setNull(first + 7, Types.INTEGER);
            statement.setNull(first + 8, Types.INTEGER);
        } else {
            statement.setInt(first + 7, latest.year());
            statement.setLong(first + 8, latest.perCapitaNet().movePointRight(2).longValueExact());
        }
        statement.setLong(first + 9, documentId);
    }

    private long max(String table) throws SQLException {
        try (var statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT coalesce(max(id), 0) FROM " + table)) {
            return rs.getLong(1);
        }
    }

    /**
     * Appends the new households' audit records, then executes the collected rows — households, which name those
     * records, before the rows that refer to them — and closes the statements.
     */
    @Override
    public void close() throws SQLException {
        try {
            var changes = created.stream()
                    .map(h -> new AuditLog.Change(String.valueOf(h.id()), h.stored().villageCode(), null, h.document()))
                    .toList();
            long[] documents = audit.appendAll(connection, actor.username(), SqlHouseholdRegistry.ENTITY, "create",
                    changes);
            for (int i = 0; i < documents.length; i++) {
                Created household = created.get(i);
                insertHousehold.setLong(1, household.id());
                insertHousehold.setLong(2, 1);
                bindColumns(insertHousehold, 3, household.stored(), documents[i]);
                insertHousehold.setString(13, household.stored().createdAt().toString());
                insertHousehold.setString(14, household.stored().updatedAt().toString());
                insertHousehold.addBatch();
            }
            for (PreparedStatement batch : List.of(insertHousehold, insertMember, insertCause, insertStatus)) {
                batch.executeBatch();
            }
        } finally {
            for (PreparedStatement statement : List.of(findPerson, insertHousehold, insertMember, insertCause,
                    insertStatus)) {
                statement.close();
            }
        }
    }
}
