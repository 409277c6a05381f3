package org.fupin.pairing.internal;

import java.util.Arrays;
import java.util.Optional;

/**
 * The measures of a household's 一户一策 plan: each a yes/no field of the application form, one of them its main
 * measure ({@code mainMeasure}, whose options are these names).
 */
enum Measure {
    TRAINING("training"),
    RELOCATION("relocation"),
    HOUSING("housing"),
    CREDIT("credit"),
    INDUSTRY("industry"),
    EMPLOYMENT("employment"),
    PUBLIC_WELFARE_JOB("publicWelfareJob"),
    MEDICAL("medical"),
    EDUCATION("education");

    private final String field;

    Measure(String field) {
        this.field = field;
    }

    /** The application form's yes/no field of this measure. */
    String field() {
        return field;
    }

    static Optional<Measure> of(Object code) {
        return Arrays.stream(values()).filter(m -> m.name().equals(code)).findFirst();
    }
}
