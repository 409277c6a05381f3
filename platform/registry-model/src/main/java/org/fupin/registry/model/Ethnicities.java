package org.fupin.registry.model;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** 民族 — ethnic groups by their GB/T 3304 two-digit code (01 汉族 … 56 基诺族, 97 其他, 98 外国血统). */
public final class Ethnicities {
    private static final Map<String, LocalizedText> BY_CODE = new TreeMap<>(Map.ofEntries(
            Map.entry("01", new LocalizedText("汉族", "Han")),
            Map.entry("02", new LocalizedText("蒙古族", "Mongol")),
            Map.entry("03", new LocalizedText("回族", "Hui")),
            Map.entry("04", new LocalizedText("藏族", "Tibetan")),
            Map.entry("05", new LocalizedText("维吾尔族", "Uyghur")),
            Map.entry("06", new LocalizedText("苗族", "Miao")),
            Map.entry("07", new LocalizedText("彝族", "Yi")),
            Map.entry("08", new LocalizedText("壮族", "Zhuang")),
            Map.entry("09", new LocalizedText("布依族", "Bouyei")),
            Map.entry("10", new LocalizedText("朝鲜族", "Korean")),
            Map.entry("11", new LocalizedText("满族", "Manchu")),
            Map.entry("12", new LocalizedText("侗族", "Dong")),
            Map.entry("13", new LocalizedText("瑶族", "Yao")),
            Map.entry("14", new LocalizedText("白族", "Bai")),
            Map.entry("15", new LocalizedText("土家族", "Tujia")),
            Map.entry("16", new LocalizedText("哈尼族", "Hani")),
            Map.entry("17", new LocalizedText("哈萨克族", "Kazakh")),
            Map.entry("18", new LocalizedText("傣族", "Dai")),
            Map.entry("19", new LocalizedText("黎族", "Li")),
            Map.entry("20", new LocalizedText("傈僳族", "Lisu")),
            Map.entry("21", new LocalizedText("佤族", "Va")),
            Map.entry("22", new LocalizedText("畲族", "She")),
            Map.entry("23", new LocalizedText("高山族", "Gaoshan")),
            Map.entry("24", new LocalizedText("拉祜族", "Lahu")),
            Map.entry("25", new LocalizedText("水族", "Sui")),
            Map.entry("26", new LocalizedText("东乡族", "Dongxiang")),
            Map.entry("27", new LocalizedText("纳西族", "Naxi")),
            Map.entry("28", new LocalizedText("景颇族", "Jingpo")),
            Map.entry("29", new LocalizedText("柯尔克孜族", "Kyrgyz")),
            Map.entry("30", new LocalizedText("土族", "Tu")),
            Map.entry("31", new LocalizedText("达斡尔族", "Daur")),
            Map.entry("32", new LocalizedText("仫佬族", "Mulao")),
            Map.entry("33", new LocalizedText("羌族", "Qiang")),
            Map.entry("34", new LocalizedText("布朗族", "Blang")),
            Map.entry("35", new LocalizedText("撒拉族", "Salar")),
            Map.entry("36", new LocalizedText("毛南族", "Maonan")),
            Map.entry("37", new LocalizedText("仡佬族", "Gelao")),
            Map.entry("38", new LocalizedText("锡伯族", "Xibe")),
            Map.entry("39", new LocalizedText("阿昌族", "Achang")),
            Map.entry("40", new LocalizedText("普米族", "Pumi")),
            Map.entry("41", new LocalizedText("塔吉克族", "Tajik")),
            Map.entry("42", new LocalizedText("怒族", "Nu")),
            Map.entry("43", new LocalizedText("乌孜别克族", "Uzbek")),
            Map.entry("44", new LocalizedText("俄罗斯族", "Russian")),
            Map.entry("45", new LocalizedText("鄂温克族", "Evenki")),
            Map.entry("46", new LocalizedText("德昂族", "De'ang")),
            Map.entry("47", new LocalizedText("保安族", "Bonan")),
            Map.entry("48", new LocalizedText("裕固族", "Yugur")),
            Map.entry("49", new LocalizedText("京族", "Gin")),
            Map.entry("50", new LocalizedText("塔塔尔族", "Tatar")),
            Map.entry("51", new LocalizedText("独龙族", "Derung")),
            Map.entry("52", new LocalizedText("鄂伦春族", "Oroqen")),
            Map.entry("53", new LocalizedText("赫哲族", "Hezhen")),
            Map.entry("54", new LocalizedText("门巴族", "Monpa")),
            Map.entry("55", new LocalizedText("珞巴族", "Lhoba")),
            Map.entry("56", new LocalizedText("基诺族", "Jino")),
            Map.entry("97", new LocalizedText("其他", "other")),
            Map.entry("98", new LocalizedText("外国血统中国籍人士", "Chinese citizen of foreign origin"))));

    private Ethnicities() {
    }

    public static Optional<LocalizedText> label(String code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }

    public static Map<String, LocalizedText> all() {
        return java.util.Collections.unmodifiableMap(BY_CODE);
    }
}
