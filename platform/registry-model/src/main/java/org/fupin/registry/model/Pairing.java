package org.fupin.registry.model;

import java.time.LocalDate;

/**
 * 帮扶责任人: the cadre paired with the household from {@code startDate}. A change of cadre adds a row; earlier
 * rows are history and are never rewritten ({@code endDate} is set when the next pairing starts).
 */
public record Pairing(String cadreName, String cadreUnit, String cadrePost, String cadrePhone,
        CadreUnitLevel unitLevel, LocalDate startDate, LocalDate endDate) {

    public Pairing endingOn(LocalDate end) {
        return new Pairing(cadreName, cadreUnit, cadrePost, cadrePhone, unitLevel, startDate, end);
    }
}
