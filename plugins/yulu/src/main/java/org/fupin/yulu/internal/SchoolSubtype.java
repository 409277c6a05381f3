package org.fupin.yulu.internal;

import java.util.Optional;

/** The kinds of school (the {@code schoolSubtype} codes), each of one {@link SchoolType}. */
enum SchoolSubtype {
    /** 中专（中等专业学校） */
    TECHNICAL_SECONDARY(SchoolType.SECONDARY_VOCATIONAL),
    /** 职业高中 */
    VOCATIONAL_HIGH(SchoolType.SECONDARY_VOCATIONAL),
    /** 技工学校 */
    TECHNICIAN_SCHOOL(SchoolType.SECONDARY_VOCATIONAL),
    /** 大专 */
    JUNIOR_COLLEGE(SchoolType.HIGHER_VOCATIONAL),
    /** 高职院校 */
    HIGHER_VOCATIONAL_COLLEGE(SchoolType.HIGHER_VOCATIONAL),
    /** 技师学院 */
    TECHNICIAN_COLLEGE(SchoolType.HIGHER_VOCATIONAL);

    private final SchoolType type;

    SchoolSubtype(SchoolType type) {
        this.type = type;
    }

    SchoolType type() {
        return type;
    }

    static Optional<SchoolSubtype> of(String code) {
        for (SchoolSubtype subtype : values()) {
            if (subtype.name().equals(code)) {
                return Optional.of(subtype);
            }
        }
        return Optional.empty();
    }
}
