package org.fupin.demo.internal;

import java.util.SplittableRandom;
import java.util.regex.Pattern;

/**
 * What is fixed about a village for one seed, derived from its code alone so that it needs no memory and does not
 * depend on the order households are generated in: how many 村民小组 it has, how many cadres are paired with its
 * households, and its relative number of registered households.
 */
record Village(String code, int groups, int cadres, double relativeSize) {
    private static final Pattern CODE = Pattern.compile("\\d{12}");
    private static final String NUMERALS = "一二三四五六七八";

    static Village of(long seed, String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("not a 12-digit village code: " + code);
        }
        SplittableRandom random = new SplittableRandom(seed ^ Long.parseLong(code) * 0x9E3779B97F4A7C15L);
        return new Village(code, 3 + random.nextInt(6), 6 + random.nextInt(20),
                Math.exp(0.6 * random.nextGaussian()));
    }

    /** One of the village's 村民小组, e.g. "三组". */
    String group(SplittableRandom random) {
        return NUMERALS.charAt(random.nextInt(groups)) + "组";
    }

    String countyCode() {
        return code.substring(0, 6);
    }

    String townshipCode() {
        return code.substring(0, 9);
    }
}
