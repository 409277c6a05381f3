package org.fupin.registry.api;

import java.time.LocalDate;
import java.util.Optional;

import org.fupin.registry.model.Household;
import org.fupin.registry.model.HouseholdHistory;
import org.fupin.registry.model.HouseholdStatus;
import org.fupin.registry.model.Member;
import org.fupin.registry.model.MemberChangeReason;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The shared household registry. Every method is scoped to the actor: a household outside the actor's region
 * behaves as if it did not exist. Every write is validated whole, stored in one transaction with its audit
 * record, and bumps the household's version; writes that name a version fail with a {@link ConflictException}
 * when the household has changed since. Only the roles that keep the register write (others get an
 * {@link AccessDeniedException}); members' ID numbers come masked ({@code 620502********1234}) on a record to
 * those who may not edit it, and in search results to all but county and province administrators.
 */
@ProviderType
public interface HouseholdRegistry {
    /** Registers a household (新识别) with status POOR unless another non-terminal status is given. */
    Household create(Household household, Actor actor);

    Optional<Household> find(String id, Actor actor);

    /** Replaces the editable fields; members are matched by id and cannot be added or removed here. */
    Household update(String id, long expectedVersion, Household household, Actor actor);

    /**
     * Sets or clears ({@code null}) extension fields and leaves every other field as it is: for the roles a field
     * names as editors, who need not keep the register (a bank's officer setting a credit grade).
     */
    Household updateExtensions(String id, long expectedVersion, java.util.Map<String, Object> values, Actor actor);

    /**
     * Records items of 两不愁三保障 as met because a program's step established them (a relocated household moved in:
     * its housing is safe), whatever version the household has; other fields stay. Not an edit right: the platform
     * calls it for a step the actor was allowed to take, inside the step's transaction, and audits it as the actor's.
     * A household with no assurances recorded gets them recorded with only these items met.
     */
    Household assure(String id, java.util.Set<org.fupin.registry.model.Assurance> items, Actor actor);

    /**
     * Names a new 帮扶责任人 for the household from {@code pairing}'s start date (the current one ends that day), because
     * a program's record pairs them; whatever version the household has, other fields stay. As {@link #assure}: called
     * by the platform for a write the actor was allowed, inside its transaction, audited as the actor's. The pairing is
     * validated as a household's (name, phone, a start not in the future nor before the last one's).
     *
     * @since 2.4
     */
    Household pair(String id, org.fupin.registry.model.Pairing pairing, Actor actor);

    /**
     * Ends the household's current pairing on {@code end} if it is the one of {@code cadreName} from {@code startDate}
     * (a program's record of it ended); otherwise changes nothing. As {@link #pair}.
     *
     * @since 2.4
     */
    Household endPairing(String id, String cadreName, LocalDate startDate, LocalDate end, Actor actor);

    Household addMember(String id, long expectedVersion, Member member, MemberChangeReason reason, LocalDate date,
            String note, Actor actor);

    Household removeMember(String id, long expectedVersion, String memberId, MemberChangeReason reason,
            LocalDate date, String note, Actor actor);

    Household changeStatus(String id, long expectedVersion, HouseholdStatus to, LocalDate date, String reason,
            Actor actor);

    HouseholdHistory history(String id, Actor actor);

    Page<HouseholdSummary> search(HouseholdQuery query, Actor actor);

    /**
     * Every household the query selects within the actor's region, whole (members with their ages) and masked as
     * {@link #find} masks, streamed in the query's order without paging: for work over a region, such as which
     * households a program finds eligible. The query's page and size do not apply.
     */
    void forEach(HouseholdQuery query, Actor actor, java.util.function.Consumer<Household> each);

    /**
     * Registers many households at once (data migration, the demo county): each is validated and stored whole
     * or reported; households whose people already form exactly that household are counted as unchanged.
     */
    ImportSummary register(java.util.List<Household> households, Actor actor);
}
