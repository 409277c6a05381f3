package org.fupin.registry.model;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;

/**
 * A checked 居民身份证号 (GB 11643-1999): 6-digit address code at issue, birth date, 3-digit sequence whose last
 * digit is odd for men and even for women, and a check character.
 */
public record IdNumber(String value) {
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";

    /** The result of checking raw input: a number, or why it is not one. */
    public record Check(IdNumber number, LocalizedText problem) {
        public boolean valid() {
            return number != null;
        }
    }

    /**
     * Checks raw input: 18 characters (lower-case x accepted) or a legacy 15-digit number, which is upgraded
     * by inserting "19" before the birth date and appending the check character.
     */
    public static Check check(String raw, LocalDate today) {
        if (raw == null || raw.isBlank()) {
            return problem("身份证号不能为空", "ID number is required");
        }
        String value = raw.strip().toUpperCase();
        if (value.length() == 15) {
            if (!value.chars().allMatch(Character::isDigit)) {
                return problem("15 位身份证号只能由数字组成", "a 15-digit ID number has digits only");
            }
            String body = value.substring(0, 6) + "19" + value.substring(6);
            value = body + checkCharacter(body);
        }
        if (value.length() != 18) {
            return problem("身份证号应为 18 位（或旧式 15 位），实为 " + value.length() + " 位",
                    "ID number must have 18 characters (or 15 for old numbers), got " + value.length());
        }
        String body = value.substring(0, 17);
        if (!body.chars().allMatch(Character::isDigit)) {
            return problem("身份证号前 17 位只能是数字", "the first 17 characters of an ID number are digits");
        }
        char last = value.charAt(17);
        if (!Character.isDigit(last) && last != 'X') {
            return problem("身份证号第 18 位只能是数字或 X", "the 18th character must be a digit or X");
        }
        LocalDate birth;
        try {
            birth = LocalDate.of(Integer.parseInt(value.substring(6, 10)), Integer.parseInt(value.substring(10, 12)),
                    Integer.parseInt(value.substring(12, 14)));
        } catch (DateTimeException e) {
            return problem("身份证号中的出生日期 " + value.substring(6, 14) + " 不是有效日期",
                    "birth date " + value.substring(6, 14) + " in the ID number is not a real date");
        }
        if (birth.isAfter(today)) {
            return problem("身份证号中的出生日期 " + birth + " 晚于今天", "birth date " + birth + " is in the future");
        }
        if (birth.getYear() < 1880) {
            return problem("身份证号中的出生年份 " + birth.getYear() + " 不合理",
                    "birth year " + birth.getYear() + " is implausible");
        }
        char expected = checkCharacter(body);
        if (last != expected) {
            return problem("身份证号校验位错误（应为 " + expected + "）",
                    "the check character is wrong (expected " + expected + ")");
        }
        return new Check(new IdNumber(value), null);
    }

    private static Check problem(String zh, String en) {
        return new Check(null, new LocalizedText(zh, en));
    }

    /** The check character for the first 17 digits: "10X98765432"[Σ aᵢ·Wᵢ mod 11]. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    public LocalDate birthDate() {
        return LocalDate.of(Integer.parseInt(value.substring(6, 10)), Integer.parseInt(value.substring(10, 12)),
                Integer.parseInt(value.substring(12, 14)));
    }

    /** The sex the sequence number encodes: odd 17th digit male, even female. */
    public Sex sex() {
        return (value.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
    }

    public int ageOn(LocalDate date) {
        return Period.between(birthDate(), date).getYears();
    }

    /** Masked for lists and exports: the address code and the last four characters stay visible. */
    public static String mask(String idNumber) {
        if (idNumber == null || idNumber.length() < 10) {
            return idNumber;
        }
        return idNumber.substring(0, 6) + "*".repeat(idNumber.length() - 10) + idNumber.substring(idNumber.length() - 4);
    }
}
