package org.fupin.demo.internal;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import org.fupin.registry.model.DangerGrade;
import org.fupin.registry.model.Fuel;
import org.fupin.registry.model.HouseStructure;
import org.fupin.registry.model.HouseholdAttribute;
import org.fupin.registry.model.HouseholdStatus;
import org.fupin.registry.model.Housing;
import org.fupin.registry.model.WaterSource;

/** Houses of the loess hills: brick most of them, rebuilt under 危房改造; some old adobe and cave dwellings. */
final class Dwellings {
    private static final Weighted<HouseStructure> STRUCTURES = Weighted.<HouseStructure>builder()
            .add(HouseStructure.BRICK_CONCRETE, 42).add(HouseStructure.BRICK_WOOD, 36)
            .add(HouseStructure.BAMBOO_THATCH_ADOBE, 10).add(HouseStructure.CAVE_DWELLING, 5)
            .add(HouseStructure.REINFORCED_CONCRETE, 4).add(HouseStructure.OTHER, 3).build();
    private static final Weighted<WaterSource> WATER_AFTER_EXIT = Weighted.<WaterSource>builder()
            .add(WaterSource.TAP, 90).add(WaterSource.PROTECTED_WELL_OR_SPRING, 9).add(WaterSource.RAINWATER, 1)
            .build();
    private static final Weighted<WaterSource> WATER_OTHERWISE = Weighted.<WaterSource>builder()
            .add(WaterSource.TAP, 70).add(WaterSource.PROTECTED_WELL_OR_SPRING, 12)
            .add(WaterSource.UNPROTECTED_WELL_OR_SPRING, 8).add(WaterSource.RAINWATER, 7)
            .add(WaterSource.RIVER_OR_LAKE, 1).add(WaterSource.BOTTLED, 1).add(WaterSource.OTHER, 1).build();
    private static final Weighted<Fuel> FUELS = Weighted.<Fuel>builder()
            .add(Fuel.FIREWOOD, 40).add(Fuel.COAL, 35).add(Fuel.CLEAN_ENERGY, 20).add(Fuel.DUNG, 3).add(Fuel.OTHER, 2)
            .build();
    private static final Weighted<Integer> FUEL_COUNTS = Weighted.<Integer>builder()
            .add(1, 45).add(2, 40).add(3, 15).build();

    private Dwellings() {
    }

    static Housing housing(SplittableRandom random, int size, HouseholdTraits traits, int lastYear) {
        if (traits.attribute() == HouseholdAttribute.EXTREME_POVERTY_SUPPORT && random.nextDouble() < 0.2) {
            // 集中供养: lives in the township care home, has no house of its own
            return new Housing(BigDecimal.ZERO.setScale(2), null, null, null, true, WaterSource.TAP,
                    List.of(Fuel.CLEAN_ENERGY));
        }
        double area = Math.max(18, Math.min(200, 35 + 14 * size + random.nextGaussian() * 20));
        HouseStructure structure = STRUCTURES.pick(random);
        int built = Math.min(lastYear, builtYear(random, structure));
        boolean exited = traits.status() == HouseholdStatus.EXITED;
        // Exit verification graded every house; others may not have been assessed yet.
        DangerGrade grade = !exited && random.nextDouble() < 0.05 ? DangerGrade.NOT_ASSESSED
                : grade(random, structure, exited);
        WaterSource water = (exited ? WATER_AFTER_EXIT : WATER_OTHERWISE).pick(random);
        List<Fuel> fuels = FUELS.pickDistinct(random, FUEL_COUNTS.pick(random), List.of());
        fuels.sort(Comparator.naturalOrder());
        return new Housing(BigDecimal.valueOf(Math.round(area)).setScale(2), structure, built, grade,
                random.nextDouble() < 0.997, water, fuels);
    }

    /** 住房安全有保障: graded A or B, or not yet assessed but recently built; no house = housed elsewhere. */
    static boolean safe(Housing housing) {
        if (housing.dangerGrade() == null) {
            return true;
        }
        return switch (housing.dangerGrade()) {
            case A, B -> true;
            case C, D -> false;
            case NOT_ASSESSED -> housing.builtYear() >= 2010;
        };
    }

    static boolean safeWater(Housing housing) {
        return housing.water() == WaterSource.TAP || housing.water() == WaterSource.PROTECTED_WELL_OR_SPRING;
    }

    private static int builtYear(SplittableRandom random, HouseStructure structure) {
        return switch (structure) {
            case REINFORCED_CONCRETE, BRICK_CONCRETE -> random.nextInt(2005, 2021);
            case BRICK_WOOD -> random.nextInt(1985, 2013);
            case BAMBOO_THATCH_ADOBE -> random.nextInt(1965, 1999);
            case CAVE_DWELLING -> random.nextInt(1955, 1991);
            case OTHER -> random.nextInt(1970, 2016);
        };
    }

    /** Exit requires a safe house, so exited households' houses are A or B save the odd later deterioration. */
    private static DangerGrade grade(SplittableRandom random, HouseStructure structure, boolean exited) {
        boolean modern = structure == HouseStructure.BRICK_CONCRETE || structure == HouseStructure.REINFORCED_CONCRETE;
        boolean earthen = structure == HouseStructure.BAMBOO_THATCH_ADOBE || structure == HouseStructure.CAVE_DWELLING;
        double x = random.nextDouble() * 100;
        if (exited) {
            if (modern) {
                return x < 75 ? DangerGrade.A : DangerGrade.B;
            }
            if (earthen) {
                return x < 85 ? DangerGrade.B : x < 97 ? DangerGrade.C : DangerGrade.D;
            }
            return x < 35 ? DangerGrade.A : x < 97 ? DangerGrade.B : DangerGrade.C;
        }
        if (modern) {
            return x < 60 ? DangerGrade.A : x < 95 ? DangerGrade.B : DangerGrade.C;
        }
        if (earthen) {
            return x < 30 ? DangerGrade.B : x < 75 ? DangerGrade.C : DangerGrade.D;
        }
        return x < 25 ? DangerGrade.A : x < 75 ? DangerGrade.B : x < 95 ? DangerGrade.C : DangerGrade.D;
    }
}
