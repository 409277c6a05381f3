package org.fupin.demo.internal;

import java.util.SplittableRandom;

/** Mobile numbers and the bank accounts subsidies are paid into (一卡通). */
final class Contacts {
    private static final String[] MOBILE_PREFIXES = {"130", "131", "132", "133", "135", "136", "137", "138", "139",
        "150", "151", "152", "153", "155", "156", "157", "158", "159", "180", "181", "182", "183", "186", "187", "188",
        "189"};

    /** A bank and the first digits of its card numbers (UnionPay cards start with 62). */
    record Bank(String name, String cardPrefix) {
    }

    private static final Weighted<Bank> BANKS = Weighted.<Bank>builder()
            .add(new Bank("甘肃省农村信用社", "622822"), 75).add(new Bank("中国邮政储蓄银行", "621799"), 15)
            .add(new Bank("中国农业银行", "622848"), 8).add(new Bank("甘肃银行", "621459"), 2).build();

    private Contacts() {
    }

    static String mobile(SplittableRandom random) {
        return MOBILE_PREFIXES[random.nextInt(MOBILE_PREFIXES.length)] + digits(random, 8);
    }

    static Bank bank(SplittableRandom random) {
        return BANKS.pick(random);
    }

    /** A 19-digit card number of the bank. */
    static String account(SplittableRandom random, Bank bank) {
        return bank.cardPrefix() + digits(random, 19 - bank.cardPrefix().length());
    }

    private static String digits(SplittableRandom random, int count) {
        StringBuilder digits = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        return digits.toString();
    }
}
