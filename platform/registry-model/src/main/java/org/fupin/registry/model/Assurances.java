package org.fupin.registry.model;

/**
 * 两不愁三保障 and safe drinking water: whether each is assured for the household, as verified on the ground.
 *
 * @param compulsoryEducation 义务教育有保障: no child aged 6–15 out of school except for health reasons
 * @param basicMedical        基本医疗有保障: everyone insured (城乡居民医保/新农合)
 * @param safeHousing         住房安全有保障: house graded A or B, or relocated and moved in
 */
public record Assurances(boolean food, boolean clothing, boolean compulsoryEducation, boolean basicMedical,
        boolean safeHousing, boolean safeWater) {

    public boolean allMet() {
        return food && clothing && compulsoryEducation && basicMedical && safeHousing && safeWater;
    }

    /** Whether one item is met. */
    public boolean met(Assurance item) {
        return switch (item) {
            case FOOD -> food;
            case CLOTHING -> clothing;
            case COMPULSORY_EDUCATION -> compulsoryEducation;
            case BASIC_MEDICAL -> basicMedical;
            case SAFE_HOUSING -> safeHousing;
            case SAFE_WATER -> safeWater;
        };
    }

    /** A copy with these items met as well; {@code before} may be {@code null} (nothing recorded: none met). */
    public static Assurances meeting(Assurances before, java.util.Set<Assurance> items) {
        Assurances was = before == null ? new Assurances(false, false, false, false, false, false) : before;
        return new Assurances(was.food || items.contains(Assurance.FOOD),
                was.clothing || items.contains(Assurance.CLOTHING),
                was.compulsoryEducation || items.contains(Assurance.COMPULSORY_EDUCATION),
                was.basicMedical || items.contains(Assurance.BASIC_MEDICAL),
                was.safeHousing || items.contains(Assurance.SAFE_HOUSING),
                was.safeWater || items.contains(Assurance.SAFE_WATER));
    }
}
