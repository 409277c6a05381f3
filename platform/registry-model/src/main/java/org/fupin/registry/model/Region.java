package org.fupin.registry.model;

import java.util.List;

/**
 * A statistical division (统计用区划). Codes are 2, 4, 6, 9 or 12 digits for province, city, county, township and
 * village; each code's prefixes name its ancestors.
 *
 * @param path the names from the province down to this region, e.g. [甘肃省, 天水市, 秦州区, 大城街道, …]
 */
public record Region(String code, String name, RegionLevel level, String parentCode, List<String> path) {
    public Region {
        path = path == null ? List.of() : List.copyOf(path);
    }

    /** The level a code of this length denotes, or empty for a malformed code. */
    public static java.util.Optional<RegionLevel> levelOf(String code) {
        if (code == null || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return java.util.Optional.empty();
        }
        return switch (code.length()) {
            case 2 -> java.util.Optional.of(RegionLevel.PROVINCE);
            case 4 -> java.util.Optional.of(RegionLevel.CITY);
            case 6 -> java.util.Optional.of(RegionLevel.COUNTY);
            case 9 -> java.util.Optional.of(RegionLevel.TOWNSHIP);
            case 12 -> java.util.Optional.of(RegionLevel.VILLAGE);
            default -> java.util.Optional.empty();
        };
    }
}
