package org.fupin.demo.internal;

import java.time.LocalDate;
import java.util.Map;
import java.util.SplittableRandom;

import org.fupin.registry.model.CadreUnitLevel;
import org.fupin.registry.model.Pairing;
import org.fupin.registry.model.Sex;

/**
 * 帮扶责任人. Each village has a roster of cadres from provincial, city, county and township units, and each
 * cadre is paired with several of its households. A cadre is derived from (seed, village, roster place) alone, so
 * the same cadre appears with the same phone and unit on every household paired with them.
 */
final class Cadres {
    private static final Weighted<CadreUnitLevel> LEVELS = Weighted.<CadreUnitLevel>builder()
            .add(CadreUnitLevel.PROVINCE, 3).add(CadreUnitLevel.CITY, 12).add(CadreUnitLevel.COUNTY, 50)
            .add(CadreUnitLevel.TOWNSHIP, 30).add(CadreUnitLevel.VILLAGE, 5).build();
    private static final String[] PROVINCIAL_DEPARTMENTS = {"农业农村厅", "交通运输厅", "水利厅", "教育厅",
        "卫生健康委员会", "财政厅"};
    private static final String[] CITY_BUREAUS = {"发展和改革委员会", "农业农村局", "住房和城乡建设局", "教育局",
        "卫生健康委员会", "财政局", "自然资源局", "交通运输局", "市场监督管理局"};
    private static final String[] COUNTY_BUREAUS = {"教育局", "卫生健康局", "农业农村局", "财政局", "人力资源和社会保障局",
        "住房和城乡建设局", "自然资源局", "交通运输局", "水务局", "民政局", "扶贫开发办公室", "林业和草原局",
        "市场监督管理局", "统计局", "文化和旅游局"};
    private static final String[] UNIT_POSTS = {"科员", "科员", "干部", "干部", "副科长", "科长", "主任科员", "副局长"};
    private static final String[] TOWNSHIP_POSTS = {"干部", "干部", "科员", "副镇长", "站长"};
    private static final String[] VILLAGE_POSTS = {"村党支部书记", "村委会主任", "村文书"};
    private static final Map<String, String> COUNTIES = Map.of("620502", "秦州区", "620503", "麦积区",
            "620521", "清水县", "620522", "秦安县", "620523", "甘谷县", "620524", "武山县", "620525", "张家川回族自治县");
    private static final Map<String, String> TOWNSHIPS = Map.ofEntries(Map.entry("620502100", "玉泉镇"),
            Map.entry("620502101", "太京镇"), Map.entry("620502102", "藉口镇"), Map.entry("620502103", "皂郊镇"),
            Map.entry("620502104", "汪川镇"), Map.entry("620502105", "牡丹镇"), Map.entry("620502106", "关子镇"),
            Map.entry("620502107", "平南镇"), Map.entry("620502108", "天水镇"), Map.entry("620502109", "娘娘坝镇"),
            Map.entry("620502110", "中梁镇"), Map.entry("620502111", "杨家寺镇"), Map.entry("620502112", "齐寿镇"),
            Map.entry("620502113", "大门镇"), Map.entry("620502114", "秦岭镇"), Map.entry("620502115", "华歧镇"));

    private final long seed;

    Cadres(long seed) {
        this.seed = seed;
    }

    /** A household's pairing, from when its cadre was assigned or, if later, when the household was identified. */
    Pairing pairing(SplittableRandom random, Village village, int identifiedYear) {
        int place = random.nextInt(village.cadres());
        SplittableRandom cadre = new SplittableRandom(
                seed ^ (Long.parseLong(village.code()) * 31 + place) * 0xBF58476D1CE4E5B9L);
        CadreUnitLevel level = LEVELS.pick(cadre);
        Sex sex = cadre.nextDouble() < 0.7 ? Sex.MALE : Sex.FEMALE;
        String name = Names.surname(cadre, false) + Names.givenName(cadre, sex, cadre.nextInt(1965, 1996));
        String unit = unit(cadre, level, village);
        String post = post(cadre, level);
        String phone = Contacts.mobile(cadre);
        LocalDate assigned = LocalDate.of(cadre.nextInt(2015, 2018), cadre.nextInt(1, 13), cadre.nextInt(1, 29));
        LocalDate start = identifiedYear <= assigned.getYear() ? assigned
                : LocalDate.of(identifiedYear, random.nextInt(1, 13), random.nextInt(1, 29));
        return new Pairing(name, unit, post, phone, level, start, null);
    }

    private static String unit(SplittableRandom random, CadreUnitLevel level, Village village) {
        String county = COUNTIES.getOrDefault(village.countyCode(), "县");
        return switch (level) {
            case PROVINCE -> (village.code().startsWith("62") ? "甘肃省" : "省") + pick(random, PROVINCIAL_DEPARTMENTS);
            case CITY -> (village.code().startsWith("6205") ? "天水市" : "市") + pick(random, CITY_BUREAUS);
            case COUNTY -> county + pick(random, COUNTY_BUREAUS);
            case TOWNSHIP -> TOWNSHIPS.getOrDefault(village.townshipCode(), "乡镇") + "人民政府";
            case VILLAGE -> "村民委员会";
        };
    }

    private static String post(SplittableRandom random, CadreUnitLevel level) {
        return switch (level) {
            case TOWNSHIP -> pick(random, TOWNSHIP_POSTS);
            case VILLAGE -> pick(random, VILLAGE_POSTS);
            default -> pick(random, UNIT_POSTS);
        };
    }

    private static String pick(SplittableRandom random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
