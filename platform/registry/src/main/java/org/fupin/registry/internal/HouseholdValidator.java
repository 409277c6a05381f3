package org.fupin.registry.internal;

import static org.fupin.registry.internal.Messages.violation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.fupin.registry.api.Violation;
import org.fupin.registry.model.AnnualIncome;
import org.fupin.registry.model.Cause;
import org.fupin.registry.model.Ethnicities;
import org.fupin.registry.model.Fuel;
import org.fupin.registry.model.Household;
import org.fupin.registry.model.IdNumber;
import org.fupin.registry.model.Member;
import org.fupin.registry.model.Pairing;
import org.fupin.registry.model.Relation;
import org.fupin.registry.model.SchoolStatus;

/**
 * The registry's rules for a household and its members (DOMAIN.md §1, §8). Collects every violation instead of
 * stopping at the first, and returns the household normalised: ID numbers upper-case and upgraded from 15
 * digits, birth date and age derived, income totals computed.
 */
final class HouseholdValidator {
    static final int FIRST_YEAR = 2013;
    private static final Pattern VILLAGE = Pattern.compile("\\d{12}");
    private static final Pattern PHONE = Pattern.compile("1\\d{10}|0\\d{2,3}-?\\d{7,8}");
    private static final Pattern BANK_ACCOUNT = Pattern.compile("\\d{10,30}");
    private static final Pattern DISABILITY_SUFFIX = Pattern.compile("[1-7][1-4]");
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("100000000");
    private static final BigDecimal MAX_AREA = new BigDecimal("5000");

    private final Predicate<String> villageInScope;
    private final ExtensionValues extensions;

    /**
     * @param villageInScope whether a 12-digit code is a known village the actor may register households in
     * @param extensions     the extension fields declared now, for the actor
     */
    HouseholdValidator(Predicate<String> villageInScope, ExtensionValues extensions) {
        this.villageInScope = villageInScope;
        this.extensions = extensions;
    }

    /** Validates a new household; throws {@link org.fupin.registry.api.ValidationException} listing every problem. */
    Household normalise(Household household, LocalDate today) {
        return normalise(household, Map.of(), today);
    }

    /**
     * Validates a household whose extension fields are {@code storedExtensions} now; throws
     * {@link org.fupin.registry.api.ValidationException} listing every problem, or
     * {@link org.fupin.registry.api.AccessDeniedException} when the actor may not set an extension field it changes.
     */
    Household normalise(Household household, Map<String, Object> storedExtensions, LocalDate today) {
        var problems = new ArrayList<Violation>();
        var extended = extensions.apply(storedExtensions, household.extensions(), problems);
        checkAddress(household, problems);
        checkClassification(household, today, problems);
        var members = checkMembers(household.members(), today, problems);
        var incomes = checkIncomes(household.incomes(), members.size(), today, problems);
        checkHousing(household, today, problems);
        checkPairings(household.pairings(), today, problems);
        Violations.throwIfAny(problems);
        return household.withExtensions(extended).managed(household.id(), household.version(), household.status(), members, incomes,
                household.pairings(), household.region(), household.createdAt(), household.updatedAt());
    }

    private void checkAddress(Household household, List<Violation> problems) {
        String village = household.villageCode();
        if (village == null || village.isBlank()) {
            problems.add(violation("villageCode", "required"));
        } else if (!VILLAGE.matcher(village).matches()) {
            problems.add(new Violation("villageCode", Messages.text("village.format", village)));
        } else if (!villageInScope.test(village)) {
            problems.add(new Violation("villageCode", Messages.text("village.unknown", village)));
        }
        maxLength("villageGroup", household.villageGroup(), 20, problems);
        pattern("phone", household.phone(), PHONE, "1xxxxxxxxxx / 0xxx-xxxxxxx", problems);
        maxLength("bankName", household.bankName(), 60, problems);
        pattern("bankAccount", household.bankAccount(), BANK_ACCOUNT, "10–30 digits", problems);
    }

    private void checkClassification(Household household, LocalDate today, List<Violation> problems) {
        if (household.identificationStandard() == null) {
            problems.add(violation("identificationStandard", "required"));
        }
        if (household.attribute() == null) {
            problems.add(violation("attribute", "required"));
        }
        if (household.mainCause() == null) {
            problems.add(violation("mainCause", "required"));
        }
        List<Cause> others = household.otherCauses();
        if (others.size() > 2) {
            problems.add(new Violation("otherCauses", Messages.text("causes.tooMany", others.size())));
        }
        var seen = EnumSet.noneOf(Cause.class);
        for (int i = 0; i < others.size(); i++) {
            Cause cause = others.get(i);
            if (cause == null) {
                problems.add(violation("otherCauses[" + i + "]", "required"));
            } else if (cause == household.mainCause()) {
                problems.add(new Violation("otherCauses[" + i + "]", Messages.text("causes.sameAsMain", cause)));
            } else if (!seen.add(cause)) {
                problems.add(new Violation("otherCauses[" + i + "]", Messages.text("causes.duplicate", cause)));
            }
        }
        year("identifiedYear", household.identifiedYear(), today, problems);
    }

    private List<Member> checkMembers(List<Member> members, LocalDate today, List<Violation> problems) {
        if (members.isEmpty()) {
            problems.add(new Violation("members", Messages.text("members.none")));
            return members;
        }
        long heads = members.stream().filter(m -> m != null && m.relation() == Relation.HEAD).count();
        if (heads != 1) {
            problems.add(new Violation("members", Messages.text("members.head", heads)));
        }
        var normalised = new ArrayList<Member>(members.size());
        var idNumbers = new HashSet<String>();
        for (int i = 0; i < members.size(); i++) {
            Member member = checkMember(members.get(i), "members[" + i + "]", today, problems);
            if (member.idNumber() != null && !idNumbers.add(member.idNumber())) {
                problems.add(new Violation("members[" + i + "].idNumber",
                        Messages.text("members.duplicateId", member.idNumber())));
            }
            normalised.add(member);
        }
        return normalised;
    }

    /** Checks one member at {@code path} (e.g. {@code members[2]}) and returns it normalised. */
    Member checkMember(Member member, String path, LocalDate today, List<Violation> problems) {
        if (member == null) {
            problems.add(violation(path, "required"));
            return new Member(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                    false, false, false, null, null);
        }
        if (member.name() == null || member.name().isBlank()) {
            problems.add(violation(path + ".name", "required"));
        } else {
            maxLength(path + ".name", member.name(), 30, problems);
        }
        if (member.sex() == null) {
            problems.add(violation(path + ".sex", "required"));
        }
        if (member.relation() == null) {
            problems.add(violation(path + ".relation", "required"));
        }
        if (member.ethnicity() != null && Ethnicities.label(member.ethnicity()).isEmpty()) {
            problems.add(new Violation(path + ".ethnicity", Messages.text("member.ethnicity", member.ethnicity())));
        }
        checkGrade(member, path, problems);
        if (member.workMonths() != null && (member.workMonths() < 0 || member.workMonths() > 12)) {
            problems.add(violation(path + ".workMonths", "range", 0, 12));
        }
        var id = IdNumber.check(member.idNumber(), today);
        if (!id.valid()) {
            problems.add(new Violation(path + ".idNumber", id.problem()));
            return member;
        }
        IdNumber number = id.number();
        if (member.sex() != null && member.sex() != number.sex()) {
            problems.add(violation(path + ".sex", "member.sexMismatch", member.sex(), number.sex()));
        }
        String certificate = member.disabilityCertificate();
        if (certificate != null && !certificate.isBlank()) {
            String upper = certificate.strip().toUpperCase();
            if (upper.length() != 20 || !upper.startsWith(number.value())
                    || !DISABILITY_SUFFIX.matcher(upper.substring(18)).matches()) {
                problems.add(violation(path + ".disabilityCertificate", "member.disability"));
            }
        }
        Member normalised = member.withIdentity(number.value(), number.birthDate(), number.ageOn(today));
        return certificate != null && certificate.isBlank() ? withoutCertificate(normalised) : normalised;
    }

    private static Member withoutCertificate(Member m) {
        return new Member(m.id(), m.name(), m.sex(), m.idNumber(), m.relation(), m.ethnicity(), m.education(),
                m.schoolStatus(), m.schoolGrade(), m.health(), null, m.labourAbility(), m.workStatus(),
                m.workMonths(), m.subsistenceAllowance(), m.medicalInsurance(), m.pensionInsurance(), m.birthDate(),
                m.age());
    }

    private static void checkGrade(Member member, String path, List<Violation> problems) {
        if (member.schoolGrade() == null) {
            return;
        }
        SchoolStatus stage = member.schoolStatus();
        int maxGrade = stage == null ? 0 : switch (stage) {
            case PRIMARY -> 6;
            case JUNIOR_SECONDARY, SENIOR_SECONDARY, SECONDARY_VOCATIONAL -> 3;
            case HIGHER_VOCATIONAL -> 3;
            case UNDERGRADUATE -> 5;
            default -> 0;
        };
        if (maxGrade == 0) {
            problems.add(violation(path + ".schoolGrade", "member.gradeWithoutSchool"));
        } else if (member.schoolGrade() < 1 || member.schoolGrade() > maxGrade) {
            problems.add(violation(path + ".schoolGrade", "member.grade", member.schoolGrade(), stage, maxGrade));
        }
    }

    private List<AnnualIncome> checkIncomes(List<AnnualIncome> incomes, int householdSize, LocalDate today,
            List<Violation> problems) {
        var years = new HashSet<Integer>();
        var normalised = new ArrayList<AnnualIncome>(incomes.size());
        for (int i = 0; i < incomes.size(); i++) {
            AnnualIncome income = incomes.get(i);
            String path = "incomes[" + i + "]";
            if (income == null) {
                problems.add(violation(path, "required"));
                continue;
            }
            year(path + ".year", income.year(), today, problems);
            if (!years.add(income.year())) {
                problems.add(new Violation(path + ".year", Messages.text("incomes.duplicateYear", income.year())));
            }
            BigDecimal wage = amount(path + ".wage", income.wage(), problems);
            BigDecimal business = amount(path + ".business", income.business(), problems);
            BigDecimal transfer = amount(path + ".transfer", income.transfer(), problems);
            BigDecimal property = amount(path + ".property", income.property(), problems);
            BigDecimal cost = amount(path + ".productionCost", income.productionCost(), problems);
            BigDecimal total = wage.add(business).add(transfer).add(property).setScale(2, RoundingMode.HALF_UP);
            BigDecimal net = total.subtract(cost).setScale(2, RoundingMode.HALF_UP);
            BigDecimal perCapita = householdSize == 0 ? null
                    : net.divide(BigDecimal.valueOf(householdSize), 2, RoundingMode.HALF_UP);
            normalised.add(income.withDerived(total, net, perCapita));
        }
        normalised.sort(java.util.Comparator.comparingInt(AnnualIncome::year));
        return normalised;
    }

    /** An income amount: 0 when empty, never negative, at most 2 decimals. */
    private static BigDecimal amount(String path, BigDecimal value, List<Violation> problems) {
        if (value == null) {
            return BigDecimal.ZERO;
        }
        if (value.signum() < 0 || value.compareTo(MAX_AMOUNT) > 0) {
            problems.add(violation(path, "range", 0, MAX_AMOUNT.toPlainString()));
        } else if (value.stripTrailingZeros().scale() > 2) {
            problems.add(violation(path, "amount.scale"));
        }
        return value;
    }

    private void checkHousing(Household household, LocalDate today, List<Violation> problems) {
        var housing = household.housing();
        if (housing == null) {
            return;
        }
        if (housing.area() != null && (housing.area().signum() < 0 || housing.area().compareTo(MAX_AREA) > 0)) {
            problems.add(violation("housing.area", "range", 0, MAX_AREA.toPlainString()));
        }
        if (housing.builtYear() != null && (housing.builtYear() < 1900 || housing.builtYear() > today.getYear())) {
            problems.add(violation("housing.builtYear", "range", 1900, today.getYear()));
        }
        if (housing.fuels().size() > 3) {
            problems.add(new Violation("housing.fuels", Messages.text("fuels.tooMany", housing.fuels().size())));
        }
        var seen = EnumSet.noneOf(Fuel.class);
        for (Fuel fuel : housing.fuels()) {
            if (fuel != null && !seen.add(fuel)) {
                problems.add(new Violation("housing.fuels", Messages.text("fuels.duplicate", fuel)));
            }
        }
    }

    static void checkPairings(List<Pairing> pairings, LocalDate today, List<Violation> problems) {
        LocalDate previousStart = null;
        for (int i = 0; i < pairings.size(); i++) {
            Pairing pairing = pairings.get(i);
            String path = "pairings[" + i + "]";
            if (pairing == null) {
                problems.add(violation(path, "required"));
                continue;
            }
            if (pairing.cadreName() == null || pairing.cadreName().isBlank()) {
                problems.add(violation(path + ".cadreName", "required"));
            }
            pattern(path + ".cadrePhone", pairing.cadrePhone(), PHONE, "1xxxxxxxxxx / 0xxx-xxxxxxx", problems);
            if (pairing.startDate() == null) {
                problems.add(violation(path + ".startDate", "required"));
            } else {
                if (pairing.startDate().isAfter(today)) {
                    problems.add(violation(path + ".startDate", "date.future"));
                }
                if (previousStart != null && pairing.startDate().isBefore(previousStart)) {
                    problems.add(violation(path + ".startDate", "pairings.order"));
                }
                previousStart = pairing.startDate();
            }
        }
    }

    private static void year(String path, Integer year, LocalDate today, List<Violation> problems) {
        if (year != null && (year < FIRST_YEAR || year > today.getYear())) {
            problems.add(violation(path, "range", String.valueOf(FIRST_YEAR), String.valueOf(today.getYear())));
        }
    }

    private static void maxLength(String path, String value, int max, List<Violation> problems) {
        if (value != null && value.length() > max) {
            problems.add(violation(path, "tooLong", max));
        }
    }

    private static void pattern(String path, String value, Pattern pattern, String expected,
            List<Violation> problems) {
        if (value != null && !value.isBlank() && !pattern.matcher(value.strip()).matches()) {
            problems.add(violation(path, "pattern", expected));
        }
    }
}
