package org.fupin.program.api;

/**
 * How a form value is written in JSON and checked. Values reach rules already converted: TEXT, CODE and MEMBER
 * as {@code String}, INTEGER as {@code Long}, DECIMAL and MONEY as {@code BigDecimal} (MONEY in yuan, at most two
 * decimals), DATE as {@code LocalDate} (ISO {@code 2026-09-01}), BOOLEAN as {@code Boolean}.
 */
public enum FieldType {
    TEXT, INTEGER, DECIMAL, MONEY, DATE, BOOLEAN,
    /** one of the field's {@link Field#options()} by code */
    CODE,
    /** the id of a current member of the application's household */
    MEMBER
}
