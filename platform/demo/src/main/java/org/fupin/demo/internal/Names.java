package org.fupin.demo.internal;

import java.util.SplittableRandom;

import org.fupin.registry.model.Sex;

/** Chinese names as they are found in rural 天水: the region's common surnames, given names by sex and generation. */
final class Names {
    private static final Weighted<String> SURNAMES = surnames(
            "王10 李9 张8 刘6 杨6 赵4 陈4 马4 何3 汪3 蒲2 雷2 周2 吴2 郭2 胡2 孙2 高2 朱1 罗1 董1 苏1 魏1 谢1 石1 "
                    + "吕1 姚1 牛1 党1 安1 裴1 巩1 漆1 冯1 田1 韩1 梁1 宋1 任1 秦1 黄1 曹1 袁1 尚1 景1 闫1 邓1");
    private static final Weighted<String> HUI_SURNAMES = surnames(
            "马40 王8 杨6 何6 丁5 李5 张5 白4 哈2 穆2 海2 沙2 拜2 米2 冶1 锁1");

    /** Given-name characters: {@code firsts} open a two-character name, {@code lasts} end one or stand alone. */
    private record Pool(String firsts, String lasts) {
    }

    private static final Pool MEN_BORN_BEFORE_1965 = new Pool("德福贵有明海全成发春喜忠祥保顺文学兴治仁天永",
            "生林山田才平荣旺中义清云贵福财发喜海");
    private static final Pool MEN_BORN_1965_TO_1989 = new Pool("建国志永小海红晓文明卫新振军宏俊春",
            "军伟强勇刚平斌涛杰鹏磊东亮宏辉华波锋峰兵林成龙");
    private static final Pool MEN_BORN_FROM_1990 = new Pool("子浩宇博泽晨俊嘉一天昊文梓家明",
            "轩宇博阳凯鑫磊琦睿航豪涛杰乐帆铭翔彬烨瑞诚辰浩");
    private static final Pool WOMEN_BORN_BEFORE_1965 = new Pool("秀桂玉凤彩翠巧改转存爱金银",
            "英兰芳梅花珍琴莲香云娥菊霞女");
    private static final Pool WOMEN_BORN_1965_TO_1989 = new Pool("丽小晓春亚金红彩海雪玉",
            "娟霞红燕艳敏静芳玲萍梅琴娜莉雪慧婷芬丽");
    private static final Pool WOMEN_BORN_FROM_1990 = new Pool("欣梓雨佳思诗可子梦婉紫雅若一",
            "怡涵萱琪悦馨婷妍瑶雅彤晨菲楠琳蕊璐萌欣");

    private Names() {
    }

    static String surname(SplittableRandom random, boolean hui) {
        return (hui ? HUI_SURNAMES : SURNAMES).pick(random);
    }

    static String givenName(SplittableRandom random, Sex sex, int birthYear) {
        Pool pool = pool(sex, birthYear);
        char last = pool.lasts().charAt(random.nextInt(pool.lasts().length()));
        if (random.nextDouble() < 0.3) {
            return String.valueOf(last);
        }
        char first = pool.firsts().charAt(random.nextInt(pool.firsts().length()));
        return first == last ? String.valueOf(last) : "" + first + last;
    }

    private static Pool pool(Sex sex, int birthYear) {
        boolean male = sex == Sex.MALE;
        if (birthYear < 1965) {
            return male ? MEN_BORN_BEFORE_1965 : WOMEN_BORN_BEFORE_1965;
        }
        if (birthYear < 1990) {
            return male ? MEN_BORN_1965_TO_1989 : WOMEN_BORN_1965_TO_1989;
        }
        return male ? MEN_BORN_FROM_1990 : WOMEN_BORN_FROM_1990;
    }

    /** Parses "王10 李9 …": a one-character surname followed by its relative frequency. */
    private static Weighted<String> surnames(String table) {
        Weighted.Builder<String> builder = Weighted.builder();
        for (String entry : table.split(" ")) {
            builder.add(entry.substring(0, 1), Integer.parseInt(entry.substring(1)));
        }
        return builder.build();
    }
}
