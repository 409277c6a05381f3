package org.fupin.registry.internal;

import java.time.Instant;
import java.util.List;

import org.fupin.database.api.AuditEntry;
import org.fupin.database.api.AuditLog;
import org.fupin.database.api.AuditPage;
import org.fupin.database.api.AuditQuery;
import org.fupin.registry.api.AccessDeniedException;
import org.fupin.registry.api.Actor;
import org.fupin.registry.model.Household;
import org.fupin.registry.model.Role;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The audit log as its readers may see it. Only province and county administrators and auditors read it; a
 * household's whole trail only while the household is in their region; any entity's records (households, users,
 * applications, enablement, parameters, plugins, exports) only where they concern their region. ID numbers in
 * household records are masked as on the record.
 */
@Component(service = AuditTrails.class)
public class AuditTrails {
    static final List<Role> READERS = List.of(Role.PROVINCE_ADMIN, Role.COUNTY_ADMIN, Role.AUDITOR);

    private final AuditLog audit;
    private final SqlHouseholdRegistry registry;
    private final RegistryJson json = new RegistryJson();

    @Activate
    public AuditTrails(@Reference AuditLog audit, @Reference SqlHouseholdRegistry registry) {
        this.audit = audit;
        this.registry = registry;
    }

    /** The household's changes, oldest first. */
    public List<AuditEntry> ofHousehold(String id, int limit, Actor actor) {
        requireReader(actor);
        if (registry.find(id, actor).isEmpty()) {
            throw SqlHouseholdRegistry.notFound(id);
        }
        var entries = audit.entries(SqlHouseholdRegistry.ENTITY, id, limit);
        return IdNumberMasking.fullOnRecord(actor) ? entries : entries.stream().map(this::masked).toList();
    }

    /** Exports, newest first; only those of {@code what} (e.g. "households") unless it is null. */
    public List<AuditEntry> exports(String what, int limit, Actor actor) {
        return search(AuditLog.EXPORT, what, null, null, null, 0, limit, actor).items();
    }

    /** Records of every entity within the reader's region, newest first; filters that are null do not apply. */
    public AuditPage search(String entity, String entityId, String byActor, Instant from, Instant to, int page,
            int size, Actor actor) {
        requireReader(actor);
        var found = audit.search(new AuditQuery(actor.scope(), entity, entityId, byActor, from, to, page, size));
        if (IdNumberMasking.fullOnRecord(actor)) {
            return found;
        }
        return new AuditPage(found.items().stream()
                .map(e -> SqlHouseholdRegistry.ENTITY.equals(e.entity()) ? masked(e) : e).toList(),
                found.page(), found.size(), found.total());
    }

    private static void requireReader(Actor actor) {
        if (!actor.hasAny(READERS.toArray(Role[]::new))) {
            throw new AccessDeniedException(Messages.text("denied.audit", READERS));
        }
    }

    private AuditEntry masked(AuditEntry e) {
        return new AuditEntry(e.id(), e.at(), e.actor(), e.entity(), e.entityId(), e.region(), e.action(),
                masked(e.before()), masked(e.after()));
    }

    private String masked(String householdJson) {
        return householdJson == null ? null
                : json.write(IdNumberMasking.masked(json.read(householdJson, Household.class)));
    }
}
