package org.fupin.yulu.internal;

import java.util.Optional;

import org.fupin.registry.model.SchoolStatus;

/** The school types the program supports (the {@code schoolType} codes), each a school stage of the registry. */
enum SchoolType {
    /** 中职 */
    SECONDARY_VOCATIONAL(SchoolStatus.SECONDARY_VOCATIONAL),
    /** 高职 */
    HIGHER_VOCATIONAL(SchoolStatus.HIGHER_VOCATIONAL);

    private final SchoolStatus stage;

    SchoolType(SchoolStatus stage) {
        this.stage = stage;
    }

    SchoolStatus stage() {
        return stage;
    }

    /** The type whose students are in {@code stage} at school, if the program supports that stage. */
    static Optional<SchoolType> of(SchoolStatus stage) {
        for (SchoolType type : values()) {
            if (type.stage == stage) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    static Optional<SchoolType> of(String code) {
        for (SchoolType type : values()) {
            if (type.name().equals(code)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
