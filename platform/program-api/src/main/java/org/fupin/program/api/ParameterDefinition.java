package org.fupin.program.api;

import java.math.BigDecimal;

import org.fupin.registry.model.LocalizedText;

/**
 * A rule parameter: every amount, limit and period a rule uses. The default is the national (or policy) value; a
 * province and a county may override it from a given year on, without a new build. Rules read the value in force
 * for the household's county and the year through {@link Parameters}.
 *
 * @param unit for people, e.g. 元/学期, 天
 */
public record ParameterDefinition(String name, Type type, LocalizedText label, BigDecimal defaultValue,
        BigDecimal min, BigDecimal max, LocalizedText unit) {
    public enum Type {
        /** yuan, two decimals at most */
        MONEY,
        INTEGER,
        DECIMAL
    }

    public ParameterDefinition {
        if (defaultValue == null || (min != null && defaultValue.compareTo(min) < 0)
                || (max != null && defaultValue.compareTo(max) > 0)) {
            throw new IllegalArgumentException("default of " + name + " is missing or out of its bounds");
        }
    }
}
