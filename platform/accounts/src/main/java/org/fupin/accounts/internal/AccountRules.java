package org.fupin.accounts.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.fupin.accounts.api.NewAccount;
import org.fupin.registry.api.Actor;
import org.fupin.registry.api.RegionDirectory;
import org.fupin.registry.api.Violation;
import org.fupin.registry.model.Region;
import org.fupin.registry.model.RegionLevel;
import org.fupin.registry.model.Role;

/** What a new account must satisfy, field by field, and what an administrator may grant. */
final class AccountRules {
    static final int PASSWORD_MIN = 10;
    /** Argon2 hashes any length, but a megabyte password is a denial of service, not a password. */
    static final int PASSWORD_MAX = 128;
    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{2,31}");
    private static final Pattern AGENCY = Pattern.compile("[a-z][a-z0-9-]{1,31}");
    /** Roles that only make sense at one region level: an administrator of a county sits on a county. */
    private static final Map<Role, RegionLevel> LEVEL = Map.of(Role.PROVINCE_ADMIN, RegionLevel.PROVINCE,
            Role.COUNTY_ADMIN, RegionLevel.COUNTY, Role.TOWNSHIP_OFFICER, RegionLevel.TOWNSHIP,
            Role.VILLAGE_CLERK, RegionLevel.VILLAGE);
    private static final Map<RegionLevel, Integer> DIGITS = Map.of(RegionLevel.PROVINCE, 2, RegionLevel.CITY, 4,
            RegionLevel.COUNTY, 6, RegionLevel.TOWNSHIP, 9, RegionLevel.VILLAGE, 12);

    private final RegionDirectory regions;

    AccountRules(RegionDirectory regions) {
        this.regions = regions;
    }

    /** Province and county administrators manage users; nobody else. */
    static boolean administers(Actor actor) {
        return actor.hasAny(Role.PROVINCE_ADMIN, Role.COUNTY_ADMIN);
    }

    /** Roles the administrator may give: a province administrator any, a county administrator any but province. */
    static boolean mayGrant(Actor actor, Role role) {
        return actor.hasAny(Role.PROVINCE_ADMIN) || role != Role.PROVINCE_ADMIN && actor.hasAny(Role.COUNTY_ADMIN);
    }

    List<Violation> check(NewAccount account, Actor creator) {
        var violations = new ArrayList<Violation>();
        if (account.username() == null || !USERNAME.matcher(account.username()).matches()) {
            violations.add(Texts.violation("username", "username.form"));
        }
        violations.addAll(password("password", account.password(), account.username()));
        violations.addAll(profile(account.displayName(), account.region(), account.agency(), account.roles(), creator));
        return violations;
    }

    /** What a user is besides name and password, as an administrator may set it: when creating or changing them. */
    List<Violation> profile(String displayName, String regionCode, String agency, Set<Role> roles, Actor creator) {
        var violations = new ArrayList<Violation>();
        if (displayName == null || displayName.isBlank() || displayName.strip().length() > 50) {
            violations.add(Texts.violation("displayName", "display.required"));
        }
        String region = regionCode == null ? "" : regionCode.strip();
        Optional<RegionLevel> level = Optional.empty();
        if (region.isEmpty()) {
            if (!creator.scope().isEmpty()) {
                violations.add(Texts.violation("region", "region.country"));
            }
        } else if (regions.find(region).isEmpty()) {
            violations.add(Texts.violation("region", "region.unknown", region));
        } else if (!creator.covers(region)) {
            violations.add(Texts.violation("region", "region.outside", region, creator.scope()));
        } else {
            level = regions.find(region).map(Region::level);
        }
        if (roles.isEmpty()) {
            violations.add(Texts.violation("roles", "roles.required"));
        }
        for (Role role : roles) {
            RegionLevel needed = LEVEL.get(role);
            // the whole country stands above every province: a national administrator is a province admin too
            boolean national = region.isEmpty() && role == Role.PROVINCE_ADMIN;
            if (needed != null && !national && (region.isEmpty() || level.isPresent() && level.get() != needed)) {
                violations.add(Texts.violation("roles", "role.level", role, needed, DIGITS.get(needed)));
            }
        }
        if (agency != null && !agency.isBlank() && !AGENCY.matcher(agency).matches()) {
            violations.add(Texts.violation("agency", "agency.form"));
        } else if ((agency == null || agency.isBlank()) && roles.contains(Role.PROGRAM_OFFICER)) {
            violations.add(Texts.violation("agency", "agency.required"));
        }
        return violations;
    }

    static List<Violation> password(String field, String password, String username) {
        if (password == null || password.length() < PASSWORD_MIN || password.length() > PASSWORD_MAX) {
            return List.of(Texts.violation(field, "password.length", PASSWORD_MIN, PASSWORD_MAX));
        }
        if (password.equalsIgnoreCase(username)) {
            return List.of(Texts.violation(field, "password.username"));
        }
        return List.of();
    }
}
