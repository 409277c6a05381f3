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
}
