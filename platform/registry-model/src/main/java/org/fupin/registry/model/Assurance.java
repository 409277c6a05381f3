package org.fupin.registry.model;

/** One item of 两不愁三保障 and safe drinking water, as {@link Assurances} records them. */
public enum Assurance {
    FOOD, CLOTHING, COMPULSORY_EDUCATION, BASIC_MEDICAL, SAFE_HOUSING, SAFE_WATER
}
