package org.fupin.program.api;

/**
 * How a form value is written in JSON and checked. Values reach rules already converted: TEXT, CODE, MEMBER and
 * APPLICATION as {@code String}, INTEGER as {@code Long}, DECIMAL and MONEY as {@code BigDecimal} (MONEY in yuan, at most two
 * decimals), DATE as {@code LocalDate} (ISO {@code 2026-09-01}), BOOLEAN as {@code Boolean}.
 */
public enum FieldType {
    TEXT, INTEGER, DECIMAL, MONEY, DATE, BOOLEAN,
    /** one of the field's {@link Field#options()} by code */
    CODE,
    /** the id of a current member of the application's household */
    MEMBER,
    /**
     * the id of one of the household's applications, of the program {@link Field#program()} names (any program when
     * it names none): a household's plan pointing to the 雨露计划 application that carries out one of its measures,
     * whose progress is then read from that application, not typed again (since 2.5)
     */
    APPLICATION
}
