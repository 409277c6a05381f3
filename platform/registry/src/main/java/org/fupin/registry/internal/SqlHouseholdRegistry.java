package org.fupin.registry.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.fupin.database.api.AuditLog;
import org.fupin.registry.api.Actor;
import org.fupin.registry.api.ConflictException;
import org.fupin.registry.api.ExtensionField;
import org.fupin.registry.api.HouseholdQuery;
import org.fupin.registry.api.HouseholdRegistry;
import org.fupin.registry.api.HouseholdSummary;
import org.fupin.registry.api.ImportSummary;
import org.fupin.registry.api.NotFoundException;
import org.fupin.registry.api.Page;
import org.fupin.registry.api.PlatformClock;
import org.fupin.registry.api.Violation;
import org.fupin.registry.csv.HouseholdCsvWriter;
import org.fupin.registry.csv.HouseholdTableWriter;
import org.fupin.registry.csv.HouseholdXlsxWriter;
import org.fupin.registry.model.AnnualIncome;
import org.fupin.registry.model.Household;
import org.fupin.registry.model.HouseholdHistory;
import org.fupin.registry.model.HouseholdStatus;
import org.fupin.registry.model.Member;
import org.fupin.registry.model.MemberChange;
import org.fupin.registry.model.MemberChangeReason;
import org.fupin.registry.model.Pairing;
import org.fupin.registry.model.Relation;
import org.fupin.registry.model.StatusChange;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The household registry on the platform database. A household is one row holding the record as JSON plus the
 * columns that searches need; members have their own rows so that the UNIQUE index on the ID number keeps one
 * person in one household across the whole registry. Every write runs in one transaction with its audit entry.
 */
@Component(service = {HouseholdRegistry.class, SqlHouseholdRegistry.class})
public class SqlHouseholdRegistry implements HouseholdRegistry {
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final String ENTITY = "household";
    /**
     * Household rows with their current documents: a document is stored once, as the after of the audit record
     * that the row names (migration V4; see {@link org.fupin.database.api.AuditLog#appendAll}).
     */
    static final String DOCUMENT_JOIN = "JOIN audit d ON d.id = h.document_id";
    static final String FROM_HOUSEHOLD = "FROM household h " + DOCUMENT_JOIN;
    /** The current document's column in {@link #FROM_HOUSEHOLD}. */
    static final String DOCUMENT = "d.after";

    private final RegistryStore store;
    private final SqlRegionDirectory regions;
    private final Clock clock;
    private final RegistryJson json = new RegistryJson();
    private final HouseholdImport importer;
    private final ExtensionCatalog extensions;

    @Activate
    public SqlHouseholdRegistry(@Reference RegistryStore store, @Reference SqlRegionDirectory regions,
            @Reference PlatformClock clock, @Reference ExtensionCatalog extensions) {
        this(store, regions, clock.clock(), extensions);
    }

    SqlHouseholdRegistry(RegistryStore store, SqlRegionDirectory regions, Clock clock, ExtensionCatalog extensions) {
        this.store = store;
        this.regions = regions;
        this.clock = clock;
        this.extensions = extensions;
        this.importer = new HouseholdImport(store, this, clock);
    }

    public HouseholdImport importer() {
        return importer;
    }

    /** Households and people of a region by the regions {@code by} below it, within the actor's scope. */
    public RegionCounts.Result countBy(org.fupin.registry.model.Region region, org.fupin.registry.model.RegionLevel by,
            HouseholdStatus status, Actor actor) {
        return new RegionCounts(store.database(), regions).count(region, by, status, actor);
    }

    /** Households of a region by status and by main cause, and exits by year, within the actor's scope. */
    public RegionSummary.Result summarize(org.fupin.registry.model.Region region, Actor actor) {
        return new RegionSummary(store.database()).summarize(region, actor);
    }

    @Override
    public ImportSummary register(List<Household> households, Actor actor) {
        var report = importer.importHouseholds(households, actor);
        var problems = new ArrayList<ImportSummary.Problem>();
        for (var rejection : report.rejections()) {
            problems.add(new ImportSummary.Problem((int) rejection.line() - 1, rejection.column(), rejection.reason()));
        }
        return new ImportSummary(report.stored(), report.unchanged(), report.rejected(), problems);
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    HouseholdValidator validatorFor(Actor actor) {
        return new HouseholdValidator(code -> actor.covers(code) && regions.isVillage(code),
                new ExtensionValues(extensions.fields(), actor));
    }

    @Override
    public Household create(Household draft, Actor actor) {
        HouseholdEditors.require(actor, HouseholdEditors.Write.CREATE);
        Household household = validatorFor(actor).normalise(draft, today());
        HouseholdStatus status = initialStatus(household);
        var prepared = HouseholdWriter.prepare(withoutDerived(located(household)), status, clock.instant(), store,
                json);
        long id = store.database().write(c -> {
            try (var writer = new HouseholdWriter(c, store.audit(), json, actor)) {
                var outcome = writer.insert(prepared, today(), NEW_REASON);
                if (outcome instanceof HouseholdWriter.AlreadyRegistered registered) {
                    throw new ConflictException("duplicate_person", Messages.text("person.duplicate",
                            household.members().get(0).idNumber(), registered.id()));
                }
                return ((HouseholdWriter.Inserted) outcome).id();
            }
        });
        return find(id, actor).orElseThrow();
    }

    static final String NEW_REASON = "新识别 / newly identified";

    /** POOR unless given otherwise; a terminal status cannot start a household. */
    static HouseholdStatus initialStatus(Household household) {
        HouseholdStatus status = household.status() == null ? HouseholdStatus.POOR : household.status();
        if (StatusRules.terminal(status)) {
            throw new org.fupin.registry.api.ValidationException(List.of(new Violation("status",
                    Messages.text("status.initial", status))));
        }
        return status;
    }

    @Override
    public Optional<Household> find(String id, Actor actor) {
        return visible(id, actor).map(h -> IdNumberMasking.onRecord(h, actor));
    }

    /** The household as stored, when the actor's region holds it. */
    private Optional<Household> visible(String id, Actor actor) {
        long key = parseId(id);
        if (key < 0) {
            return Optional.empty();
        }
        return store.database().read(c -> load(c, key)).filter(h -> actor.covers(h.villageCode()));
    }

    /**
     * The household's API representation as JSON text, read without binding the stored document to records;
     * what {@code GET /households/{id}} serves. Same content as serialising {@link #find}: bound and masked only
     * for an actor who may not see full ID numbers.
     */
    public Optional<String> findJson(String id, Actor actor) {
        long key = parseId(id);
        if (key < 0) {
            return Optional.empty();
        }
        return store.database().read(c -> {
            try (PreparedStatement query = c.prepareStatement(
                    "SELECT h.version, " + DOCUMENT + ", h.village_code " + FROM_HOUSEHOLD + " WHERE h.id = ?")) {
                query.setLong(1, key);
                try (ResultSet rs = query.executeQuery()) {
                    if (!rs.next() || !actor.covers(rs.getString(3))) {
                        return Optional.<String>empty();
                    }
                    if (!IdNumberMasking.fullOnRecord(actor)) {
                        return Optional.of(json.write(IdNumberMasking.masked(load(c, key).orElseThrow())));
                    }
                    String rendered = StoredHousehold.render(rs.getString(2), key, rs.getLong(1), today());
                    return Optional.of(rendered != null ? rendered : json.write(load(c, key).orElseThrow()));
                }
            }
        });
    }

    private Optional<Household> find(long id, Actor actor) {
        return find(String.valueOf(id), actor);
    }

    @Override
    public void forEach(HouseholdQuery query, Actor actor, java.util.function.Consumer<Household> each) {
        LocalDate today = today();
        new HouseholdSearch(store.database(), query, actor, extensions.fields()).forEach((id, version, doc) -> each.accept(
                IdNumberMasking.onRecord(withAges(json.read(doc, Household.class), String.valueOf(id), version, today),
                        actor)));
    }

    private Optional<Household> load(Connection c, long id) throws SQLException {
        try (PreparedStatement query = c.prepareStatement(
                "SELECT h.version, " + DOCUMENT + " " + FROM_HOUSEHOLD + " WHERE h.id = ?")) {
            query.setLong(1, id);
            try (ResultSet rs = query.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(withAges(json.read(rs.getString(2), Household.class), String.valueOf(id),
                        rs.getLong(1), today()));
            }
        }
    }

    /** The stored household with its id and version, and each member's age on {@code today}. */
    private static Household withAges(Household stored, String id, long version, LocalDate today) {
        var members = new ArrayList<Member>(stored.members().size());
        for (Member m : stored.members()) {
            var birth = m.birthDate();
            members.add(m.withIdentity(m.idNumber(), birth,
                    birth == null ? null : java.time.Period.between(birth, today).getYears()));
        }
        return stored.managed(id, version, stored.status(), members, stored.incomes(), stored.pairings(),
                stored.region(), stored.createdAt(), stored.updatedAt());
    }

    @Override
    public Household update(String id, long expectedVersion, Household changed, Actor actor) {
        Household current = current(id, expectedVersion, actor, HouseholdEditors.Write.UPDATE);
        Household normalised = validatorFor(actor).normalise(changed, current.extensions(), today());
        var members = matchMembers(current.members(), normalised.members());
        var pairings = mergePairings(current.pairings(), normalised.pairings());
        Instant now = clock.instant();
        Household next = located(normalised.managed(current.id(), current.version() + 1, current.status(), members,
                normalised.incomes(), pairings, null, current.createdAt(), now));
        store.database().write(c -> {
            requireNobodyRegistered(c, members, Long.parseLong(current.id()));
            rewrite(c, current, next, actor, "update");
            syncMembers(c, Long.parseLong(current.id()), current.members(), members);
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM household_cause WHERE household_id = ?")) {
                delete.setLong(1, Long.parseLong(current.id()));
                delete.executeUpdate();
            }
            try (var writer = new HouseholdWriter(c, store.audit(), json, actor)) {
                writer.insertCauses(Long.parseLong(current.id()), next);
            }
            return null;
        });
        return find(current.id(), actor).orElseThrow();
    }

    @Override
    public Household updateExtensions(String id, long expectedVersion, Map<String, Object> values, Actor actor) {
        Household current = visible(id, actor).orElseThrow(() -> notFound(id));
        var problems = new ArrayList<Violation>();
        if (values == null || values.isEmpty()) {
            problems.add(Messages.violation("values", "required"));
        }
        var extended = problems.isEmpty()
                ? new ExtensionValues(extensions.fields(), actor).apply(current.extensions(), values, problems)
                : current.extensions();
        Violations.throwIfAny(problems);
        if (current.version() != expectedVersion) {
            throw stale(current.id(), current.version(), expectedVersion);
        }
        if (extended.equals(current.extensions())) {
            return find(current.id(), actor).orElseThrow();
        }
        Household next = current.withExtensions(extended).managed(current.id(), current.version() + 1,
                current.status(), current.members(), current.incomes(), current.pairings(), current.region(),
                current.createdAt(), clock.instant());
        store.database().write(c -> {
            rewrite(c, current, next, actor, "extensions");
            return null;
        });
        return find(current.id(), actor).orElseThrow();
    }

    @Override
    public Household assure(String id, java.util.Set<org.fupin.registry.model.Assurance> items, Actor actor) {
        Household current = visible(id, actor).orElseThrow(() -> notFound(id));
        var assured = org.fupin.registry.model.Assurances.meeting(current.assurances(), items);
        if (assured.equals(current.assurances())) {
            return current;
        }
        Household next = current.withAssurances(assured).managed(current.id(), current.version() + 1,
                current.status(), current.members(), current.incomes(), current.pairings(), current.region(),
                current.createdAt(), clock.instant());
        store.database().write(c -> {
            rewrite(c, current, next, actor, "assure");
            return null;
        });
        return next;
    }

    @Override
    public Household pair(String id, Pairing pairing, Actor actor) {
        Household current = visible(id, actor).orElseThrow(() -> notFound(id));
        var pairings = new ArrayList<>(current.pairings());
        pairings.add(pairing);
        var problems = new ArrayList<Violation>();
        HouseholdValidator.checkPairings(pairings, today(), problems);
        Violations.throwIfAny(problems);
        return rewritePairings(current, closePairings(pairings), actor, "pair");
    }

    @Override
    public Household endPairing(String id, String cadreName, LocalDate startDate, LocalDate end, Actor actor) {
        Household current = visible(id, actor).orElseThrow(() -> notFound(id));
        var pairings = new ArrayList<>(current.pairings());
        int last = pairings.size() - 1;
        if (last < 0 || pairings.get(last).endDate() != null || !pairings.get(last).cadreName().equals(cadreName)
                || !pairings.get(last).startDate().equals(startDate)) {
            return current;
        }
        pairings.set(last, pairings.get(last).endingOn(end));
        return rewritePairings(current, pairings, actor, "unpair");
    }

    /** Writes the household's pairings, whatever version it has; other fields stay. */
    private Household rewritePairings(Household current, List<Pairing> pairings, Actor actor, String action) {
        Household next = current.managed(current.id(), current.version() + 1, current.status(), current.members(),
                current.incomes(), pairings, current.region(), current.createdAt(), clock.instant());
        store.database().write(c -> {
            rewrite(c, current, next, actor, action);
            return null;
        });
        return next;
    }

    @Override
    public Household addMember(String id, long expectedVersion, Member member, MemberChangeReason reason,
            LocalDate date, String note, Actor actor) {
        Household current = current(id, expectedVersion, actor, HouseholdEditors.Write.ADD_MEMBER);
        var problems = new ArrayList<Violation>();
        Member checked = validatorFor(actor).checkMember(member, "member", today(), problems);
        if (reason == MemberChangeReason.DEATH || reason == MemberChangeReason.MARRIAGE_OUT) {
            problems.add(new Violation("reason", Messages.text("member.reasonIn", reason.name())));
        }
        checkChange(reason, date, problems);
        if (checked.relation() == Relation.HEAD) {
            problems.add(new Violation("member.relation", Messages.text("members.head", 2)));
        }
        Violations.throwIfAny(problems);
        Instant now = clock.instant();
        store.database().write(c -> {
            requireNobodyRegistered(c, List.of(checked), null);
            try (var writer = new HouseholdWriter(c, store.audit(), json, actor)) {
                Member added = checked.withId(String.valueOf(store.reserveMemberIds(1)));
                var members = new ArrayList<>(current.members());
                members.add(added);
                Household next = withMembers(current, members, now);
                rewrite(c, current, next, actor, "member.join");
                writer.insertMembers(Long.parseLong(current.id()), List.of(added));
                insertMemberChange(c, current.id(),
                        new MemberChange(true, added, reason, date, note, actor.username(), now));
            }
            return null;
        });
        return find(current.id(), actor).orElseThrow();
    }

    @Override
    public Household removeMember(String id, long expectedVersion, String memberId, MemberChangeReason reason,
            LocalDate date, String note, Actor actor) {
        Household current = current(id, expectedVersion, actor, HouseholdEditors.Write.REMOVE_MEMBER);
        var problems = new ArrayList<Violation>();
        Member leaving = current.members().stream().filter(m -> m.id().equals(memberId)).findFirst().orElse(null);
        if (leaving == null) {
            throw new NotFoundException(Messages.text("member.unknown", memberId));
        }
        if (leaving.relation() == Relation.HEAD) {
            problems.add(new Violation("memberId", Messages.text("member.head")));
        }
        if (reason == MemberChangeReason.BIRTH || reason == MemberChangeReason.MARRIAGE_IN) {
            problems.add(new Violation("reason", Messages.text("member.reasonOut", reason.name())));
        }
        checkChange(reason, date, problems);
        Violations.throwIfAny(problems);
        Instant now = clock.instant();
        store.database().write(c -> {
            var members = new ArrayList<>(current.members());
            members.remove(leaving);
            Household next = withMembers(current, members, now);
            rewrite(c, current, next, actor, "member.leave");
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM member WHERE id = ?")) {
                delete.setLong(1, Long.parseLong(leaving.id()));
                delete.executeUpdate();
            }
            insertMemberChange(c, current.id(),
                    new MemberChange(false, leaving, reason, date, note, actor.username(), now));
            return null;
        });
        return find(current.id(), actor).orElseThrow();
    }

    @Override
    public Household changeStatus(String id, long expectedVersion, HouseholdStatus to, LocalDate date,
            String reason, Actor actor) {
        Household current = current(id, expectedVersion, actor, HouseholdEditors.Write.CHANGE_STATUS);
        var problems = new ArrayList<Violation>();
        if (to == null) {
            problems.add(Messages.violation("status", "required"));
        } else if (StatusRules.terminal(current.status())) {
            problems.add(new Violation("status", Messages.text("status.terminal", current.status())));
        } else if (!StatusRules.allowed(current.status(), to)) {
            problems.add(new Violation("status", Messages.text("status.transition", current.status(), to)));
        }
        if (reason == null || reason.isBlank()) {
            problems.add(Messages.violation("reason", "required"));
        }
        if (date == null) {
            problems.add(Messages.violation("date", "required"));
        } else if (date.isAfter(today())) {
            problems.add(Messages.violation("date", "date.future"));
        }
        Violations.throwIfAny(problems);
        Instant now = clock.instant();
        store.database().write(c -> {
            Household next = current.managed(current.id(), current.version() + 1, to, current.members(),
                    current.incomes(), current.pairings(), current.region(), current.createdAt(), now);
            rewrite(c, current, next, actor, "status");
            try (var writer = new HouseholdWriter(c, store.audit(), json, actor)) {
                writer.insertStatusChange(Long.parseLong(current.id()), current.status(), to, date, reason.strip(),
                        now);
            }
            return null;
        });
        return find(current.id(), actor).orElseThrow();
    }

    @Override
    public HouseholdHistory history(String id, Actor actor) {
        Household household = visible(id, actor).orElseThrow(() -> notFound(id));
        long key = Long.parseLong(household.id());
        return store.database().read(c -> {
            var statuses = new ArrayList<StatusChange>();
            try (PreparedStatement query = c.prepareStatement("SELECT from_status, to_status, date, reason, actor, "
                    + "recorded_at FROM status_change WHERE household_id = ? ORDER BY id")) {
                query.setLong(1, key);
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        statuses.add(new StatusChange(rs.getString(1) == null ? null
                                : HouseholdStatus.valueOf(rs.getString(1)), HouseholdStatus.valueOf(rs.getString(2)),
                                LocalDate.parse(rs.getString(3)), rs.getString(4), rs.getString(5),
                                Instant.parse(rs.getString(6))));
                    }
                }
            }
            var members = new ArrayList<MemberChange>();
            try (PreparedStatement query = c.prepareStatement("SELECT joined, member, reason, date, note, actor, "
                    + "recorded_at FROM member_change WHERE household_id = ? ORDER BY id")) {
                query.setLong(1, key);
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        members.add(new MemberChange(rs.getInt(1) == 1, json.read(rs.getString(2), Member.class),
                                MemberChangeReason.valueOf(rs.getString(3)), LocalDate.parse(rs.getString(4)),
                                rs.getString(5), rs.getString(6), Instant.parse(rs.getString(7))));
                    }
                }
            }
            return IdNumberMasking.onRecord(new HouseholdHistory(household.id(), statuses, members,
                    household.pairings()), actor);
        });
    }

    @Override
    public Page<HouseholdSummary> search(HouseholdQuery query, Actor actor) {
        var found = new HouseholdSearch(store.database(), query, actor, extensions.fields()).run();
        return new Page<>(found.items().stream().map(s -> IdNumberMasking.inList(s, actor)).toList(), found.page(),
                found.size(), found.total());
    }

    /**
     * Writes every household matching the query (all pages, within the actor's scope) as Excel-ready CSV in the
     * import format, ID numbers masked as in search results, and audits the export: who, which filter, how many
     * rows. The audit record is written even when the download breaks off, since what was sent may have left.
     *
     * @return the number of households written
     */
    public long exportCsv(HouseholdQuery query, Actor actor, OutputStream out) throws IOException {
        return export(query, actor, new HouseholdCsvWriter(out, exportedExtensions()));
    }

    /** As {@link #exportCsv}, as an XLSX workbook: ID numbers and codes in text cells, amounts in number cells. */
    public long exportXlsx(HouseholdQuery query, Actor actor, OutputStream out) throws IOException {
        return export(query, actor, new HouseholdXlsxWriter(out, exportedExtensions()));
    }

    /** The household fields that running programs declare, by key. */
    public Map<String, ExtensionField> extensionFields() {
        return extensions.fields();
    }

    /** An export's extension columns: every field declared now, by key. */
    private List<ExtensionField> exportedExtensions() {
        return extensions.fields().values().stream().sorted(java.util.Comparator.comparing(ExtensionField::key))
                .toList();
    }

    /** The rows an export of the query has, one per member, within the actor's scope. */
    public long exportRows(HouseholdQuery query, Actor actor) {
        return new HouseholdSearch(store.database(), query, actor, extensions.fields()).members();
    }

    private long export(HouseholdQuery query, Actor actor, HouseholdTableWriter writer) throws IOException {
        try (writer) {
            new HouseholdSearch(store.database(), query, actor, extensions.fields()).forEach((id, version, doc) -> {
                Household stored = json.read(doc, Household.class);
                try {
                    writer.write(IdNumberMasking.inList(stored.managed(id, version, stored.status(),
                            stored.members(), stored.incomes(), stored.pairings(), null, stored.createdAt(),
                            stored.updatedAt()), actor));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            store.audit().appendExport(actor.username(), actor.scope(), "households", json.write(criteria(query)),
                    writer.membersWritten());
        }
        return writer.householdsWritten();
    }

    /** What an export selected, as its audit record shows it: the criteria given (paging does not apply). */
    private static Map<String, Object> criteria(HouseholdQuery query) {
        var criteria = new java.util.LinkedHashMap<String, Object>();
        criteria.put("region", query.region());
        criteria.put("status", query.status());
        criteria.put("attribute", query.attribute());
        criteria.put("cause", query.cause());
        criteria.put("text", query.text());
        criteria.put("sort", query.sort());
        criteria.values().removeIf(Objects::isNull);
        return criteria;
    }

    // --- helpers -------------------------------------------------------------------------------------------

    /** Where a write starts: not found outside the actor's region, then refused without an editing role. */
    private Household current(String id, long expectedVersion, Actor actor, HouseholdEditors.Write write) {
        Household current = visible(id, actor).orElseThrow(() -> notFound(id));
        HouseholdEditors.require(actor, write);
        if (current.version() != expectedVersion) {
            throw stale(current.id(), current.version(), expectedVersion);
        }
        return current;
    }

    private static long currentVersion(Connection c, String id) throws SQLException {
        try (PreparedStatement query = c.prepareStatement("SELECT version FROM household WHERE id = ?")) {
            query.setLong(1, Long.parseLong(id));
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        }
    }

    public static NotFoundException notFound(String id) {
        return new NotFoundException(Messages.text("household.notFound", id));
    }

    private static ConflictException stale(String id, long current, long sent) {
        return new ConflictException("stale_version", Messages.text("household.stale", id, current, sent));
    }

    private static long parseId(String id) {
        try {
            return id == null ? -1 : Long.parseLong(id);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void checkChange(MemberChangeReason reason, LocalDate date, List<Violation> problems) {
        if (reason == null) {
            problems.add(Messages.violation("reason", "required"));
        }
        if (date == null) {
            problems.add(Messages.violation("date", "required"));
        } else if (date.isAfter(today())) {
            problems.add(Messages.violation("date", "date.future"));
        }
    }

    private Household withMembers(Household current, List<Member> members, Instant now) {
        var incomes = new ArrayList<AnnualIncome>();
        for (AnnualIncome income : current.incomes()) {
            incomes.add(income.withDerived(income.total(), income.net(), income.net()
                    .divide(BigDecimal.valueOf(members.size()), 2, java.math.RoundingMode.HALF_UP)));
        }
        return current.managed(current.id(), current.version() + 1, current.status(), members, incomes,
                current.pairings(), current.region(), current.createdAt(), now);
    }

    /** Stores the next state of a household under optimistic locking, with its audit entry. */
    private void rewrite(Connection c, Household current, Household next, Actor actor, String action)
            throws SQLException {
        long document = store.audit().appendAll(c, actor.username(), ENTITY, action, List.of(new AuditLog.Change(
                current.id(), next.villageCode(), json.writeUtf8(withoutDerived(current)),
                json.writeUtf8(withoutDerived(next)))))[0];
        try (PreparedStatement update = c.prepareStatement("UPDATE household SET version = ?, village_code = ?, "
                + "status = ?, attribute = ?, main_cause = ?, head_name = ?, head_id_number = ?, member_count = ?, "
                + "income_year = ?, per_capita_fen = ?, document_id = ?, updated_at = ? "
                + "WHERE id = ? AND version = ?")) {
            update.setLong(1, next.version());
            HouseholdWriter.bindColumns(update, 2, next, document);
            update.setString(12, next.updatedAt().toString());
            update.setLong(13, Long.parseLong(current.id()));
            update.setLong(14, current.version());
            if (update.executeUpdate() != 1) {
                // the transaction rolls back, the audit record with it
                throw stale(current.id(), currentVersion(c, current.id()), current.version());
            }
        }
    }

    /** As stored: id and version live in their columns, ages are derived on read. */
    static Household withoutDerived(Household h) {
        var members = new ArrayList<Member>(h.members().size());
        for (Member m : h.members()) {
            members.add(m.withIdentity(m.idNumber(), m.birthDate(), null));
        }
        return h.managed(null, null, h.status(), members, h.incomes(), h.pairings(), h.region(), h.createdAt(),
                h.updatedAt());
    }

    /**
     * With the region of its village (province to village names), which is stored with the household: division
     * names do not change while the platform runs, and a read then needs no join.
     */
    Household located(Household h) {
        return h.managed(h.id(), h.version(), h.status(), h.members(), h.incomes(), h.pairings(),
                regions.find(h.villageCode()).orElse(null), h.createdAt(), h.updatedAt());
    }

    /** One person, one household: fails naming the household that already holds an ID number. */
    private static void requireNobodyRegistered(Connection c, List<Member> members, Long exceptHousehold)
            throws SQLException {
        try (PreparedStatement query = c.prepareStatement("SELECT household_id FROM member WHERE id_number = ?")) {
            for (Member member : members) {
                query.setString(1, member.idNumber());
                try (ResultSet rs = query.executeQuery()) {
                    if (rs.next() && !Objects.equals(rs.getLong(1), exceptHousehold)) {
                        throw new ConflictException("duplicate_person",
                                Messages.text("person.duplicate", member.idNumber(), rs.getLong(1)));
                    }
                }
            }
        }
    }

    private static void syncMembers(Connection c, long householdId, List<Member> before, List<Member> after)
            throws SQLException {
        Map<String, Member> old = new HashMap<>();
        before.forEach(m -> old.put(m.id(), m));
        // two passes so that swapping ID numbers between members never trips the UNIQUE index
        try (PreparedStatement park = c.prepareStatement("UPDATE member SET id_number = '~' || id WHERE id = ?");
                PreparedStatement set = c.prepareStatement("UPDATE member SET id_number = ?, name = ? WHERE id = ?")) {
            for (Member m : after) {
                if (!m.idNumber().equals(old.get(m.id()).idNumber())) {
                    park.setLong(1, Long.parseLong(m.id()));
                    park.executeUpdate();
                }
            }
            for (Member m : after) {
                Member was = old.get(m.id());
                if (!m.idNumber().equals(was.idNumber()) || !m.name().equals(was.name())) {
                    set.setString(1, m.idNumber());
                    set.setString(2, m.name());
                    set.setLong(3, Long.parseLong(m.id()));
                    set.executeUpdate();
                }
            }
        }
    }

    private void insertMemberChange(Connection c, String householdId, MemberChange change) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO member_change (household_id, joined, member, "
                + "reason, date, note, actor, recorded_at) VALUES (?,?,?,?,?,?,?,?)")) {
            insert.setLong(1, Long.parseLong(householdId));
            insert.setInt(2, change.joined() ? 1 : 0);
            insert.setString(3, json.write(change.member()));
            insert.setString(4, change.reason().name());
            insert.setString(5, change.date().toString());
            insert.setString(6, change.note());
            insert.setString(7, change.actor());
            insert.setString(8, change.recordedAt().toString());
            insert.executeUpdate();
        }
    }

    /** Members are matched by id: an update may change them but not add or remove any. */
    private static List<Member> matchMembers(List<Member> current, List<Member> changed) {
        var currentIds = new HashSet<String>();
        current.forEach(m -> currentIds.add(m.id()));
        var changedIds = new HashSet<String>();
        changed.forEach(m -> changedIds.add(m.id()));
        if (!currentIds.equals(changedIds) || changed.size() != current.size()) {
            throw new org.fupin.registry.api.ValidationException(
                    List.of(new Violation("members", Messages.text("member.addRemove"))));
        }
        return changed;
    }

    /** Pairing rows are history: stored rows must come back unchanged; new rows are appended. */
    private static List<Pairing> mergePairings(List<Pairing> stored, List<Pairing> sent) {
        var problems = new ArrayList<Violation>();
        for (int i = 0; i < stored.size(); i++) {
            Pairing was = stored.get(i);
            Pairing now = i < sent.size() ? sent.get(i) : null;
            boolean sameHistory = now != null && Objects.equals(was.cadreName(), now.cadreName())
                    && Objects.equals(was.startDate(), now.startDate())
                    && Objects.equals(was.cadreUnit(), now.cadreUnit());
            if (!sameHistory) {
                problems.add(new Violation("pairings[" + i + "]", Messages.text("pairings.rewritten", i + 1)));
            }
        }
        Violations.throwIfAny(problems);
        var merged = new ArrayList<>(stored);
        merged.addAll(sent.subList(stored.size(), sent.size()));
        return closePairings(merged);
    }

    /** Each pairing but the last ends the day the next one starts. */
    static List<Pairing> closePairings(List<Pairing> pairings) {
        var closed = new ArrayList<Pairing>(pairings.size());
        for (int i = 0; i < pairings.size(); i++) {
            Pairing p = pairings.get(i);
            closed.add(i + 1 < pairings.size() && p.endDate() == null ? p.endingOn(pairings.get(i + 1).startDate()) : p);
        }
        return closed;
    }
}
