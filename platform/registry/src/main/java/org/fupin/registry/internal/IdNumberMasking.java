package org.fupin.registry.internal;

import org.fupin.registry.api.Actor;
import org.fupin.registry.api.HouseholdSummary;
import org.fupin.registry.model.Household;
import org.fupin.registry.model.HouseholdHistory;
import org.fupin.registry.model.IdNumber;
import org.fupin.registry.model.Member;
import org.fupin.registry.model.MemberChange;
import org.fupin.registry.model.Role;

/**
 * Who sees members' full ID numbers (and the disability certificate numbers, which begin with them). On a
 * household record and its history: those who may edit the household. In search results and CSV exports: county
 * and province administrators only, who send the county's tables to the national system. Everyone else sees
 * {@code 620502********1234}.
 */
final class IdNumberMasking {
    private IdNumberMasking() {
    }

    static boolean fullOnRecord(Actor actor) {
        return HouseholdEditors.includes(actor);
    }

    static boolean fullInLists(Actor actor) {
        return actor.hasAny(Role.COUNTY_ADMIN, Role.PROVINCE_ADMIN);
    }

    static Household onRecord(Household household, Actor actor) {
        return fullOnRecord(actor) ? household : masked(household);
    }

    static HouseholdHistory onRecord(HouseholdHistory history, Actor actor) {
        if (fullOnRecord(actor)) {
            return history;
        }
        var changes = history.memberChanges().stream().map(c -> new MemberChange(c.joined(), masked(c.member()),
                c.reason(), c.date(), c.note(), c.actor(), c.recordedAt())).toList();
        return new HouseholdHistory(history.householdId(), history.statusChanges(), changes, history.pairings());
    }

    static HouseholdSummary inList(HouseholdSummary s, Actor actor) {
        return fullInLists(actor) ? s : new HouseholdSummary(s.id(), s.version(), s.villageCode(), s.villageGroup(),
                s.headName(), IdNumber.mask(s.headIdNumber()), s.memberCount(), s.attribute(), s.mainCause(),
                s.status(), s.latestIncomeYear(), s.latestPerCapitaNetIncome());
    }

    static Household inList(Household household, Actor actor) {
        return fullInLists(actor) ? household : masked(household);
    }

    static Household masked(Household h) {
        return h.managed(h.id(), h.version(), h.status(), h.members().stream().map(IdNumberMasking::masked).toList(),
                h.incomes(), h.pairings(), h.region(), h.createdAt(), h.updatedAt());
    }

    private static Member masked(Member m) {
        return new Member(m.id(), m.name(), m.sex(), IdNumber.mask(m.idNumber()), m.relation(), m.ethnicity(),
                m.education(), m.schoolStatus(), m.schoolGrade(), m.health(), IdNumber.mask(m.disabilityCertificate()),
                m.labourAbility(), m.workStatus(), m.workMonths(), m.subsistenceAllowance(), m.medicalInsurance(),
                m.pensionInsurance(), m.birthDate(), m.age());
    }
}
