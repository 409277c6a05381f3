package org.fupin.program.api;

import java.math.BigDecimal;

import org.osgi.annotation.versioning.ProviderType;

/** The parameter values in force for one county and year (county override, else province, else the default). */
@ProviderType
public interface Parameters {
    /** The value of a declared parameter; an undeclared name is a programming error (IllegalArgumentException). */
    BigDecimal value(String name);

    default int integer(String name) {
        return value(name).intValueExact();
    }
}
