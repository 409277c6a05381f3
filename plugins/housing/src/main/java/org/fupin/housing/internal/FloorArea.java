package org.fupin.housing.internal;

import java.math.BigDecimal;

/**
 * The floor area a rebuilt house may have (DOMAIN.md §5): 40–60 m² for 1 to 3 persons, but no less than 20, 30 or 40 m²
 * for 1, 2 or 3 persons; 13–18 m² per person above 3. Both bounds included.
 */
record FloorArea(int min, int max) {
    static FloorArea forHousehold(int persons) {
        if (persons < 1) {
            throw new IllegalArgumentException("a household has at least one person, got " + persons);
        }
        return switch (persons) {
            case 1 -> new FloorArea(20, 60);
            case 2 -> new FloorArea(30, 60);
            case 3 -> new FloorArea(40, 60);
            default -> new FloorArea(13 * persons, 18 * persons);
        };
    }

    boolean contains(BigDecimal area) {
        return area.compareTo(BigDecimal.valueOf(min)) >= 0 && area.compareTo(BigDecimal.valueOf(max)) <= 0;
    }
}
