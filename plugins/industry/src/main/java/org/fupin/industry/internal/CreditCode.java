package org.fupin.industry.internal;

import java.util.Optional;

/**
 * The unified social credit code of a legal person or organisation (统一社会信用代码, GB 32100-2015): 18 characters
 * from the 31 digits and capital letters without I, O, S, V and Z; the 18th is a check character, the weighted sum of
 * the first 17 (weights 3^i mod 31) completed to a multiple of 31.
 */
final class CreditCode {
    static final String CHARACTERS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    /** What is wrong with the code (a message key, and the expected check character for a wrong one), or nothing. */
    record Problem(String key, String expected) {
    }

    private CreditCode() {
    }

    static Optional<Problem> problem(String code) {
        if (code.length() != 18) {
            return Optional.of(new Problem("rule.credit-code.length", null));
        }
        for (char c : code.toCharArray()) {
            if (CHARACTERS.indexOf(c) < 0) {
                return Optional.of(new Problem("rule.credit-code.characters", null));
            }
        }
        char expected = checkCharacter(code.substring(0, 17));
        return code.charAt(17) == expected ? Optional.empty()
                : Optional.of(new Problem("rule.credit-code.check", String.valueOf(expected)));
    }

    /** The check character of the first 17 characters (all from {@link #CHARACTERS}). */
    static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CHARACTERS.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        return CHARACTERS.charAt((31 - sum % 31) % 31);
    }
}
