package org.fupin.relocation.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;

import org.fupin.program.api.ProgramDemo;
import org.fupin.registry.model.DangerGrade;
import org.fupin.registry.model.Household;
import org.osgi.service.component.annotations.Component;

/**
 * 易地扶贫搬迁 in the demo county: in 2023 the county designated about one village in eight as relocation areas (some only
 * for two of their village groups) and planned three settlement sites, two built over 2023–2024 and the third being
 * built since the spring of 2026 (for households that applied from 2026 on); registered
 * households of those areas applied over 2024–2026 and went through the notices, the agreement, building, moving in,
 * demolition and reclamation (a few keep their old house for a reason), their funds paid by source; non-registered
 * neighbours moving along are recorded. Households whose house the register grades C or D are left to 农村危房改造, so
 * that the two programs' demos never meet. Everything follows from the households and the random.
 */
@Component(service = ProgramDemo.class, property = ProgramDemo.PROGRAM + "=" + RelocationRules.ID)
public final class RelocationDemo implements ProgramDemo {
    static final int MAX_CASES = 120;
    static final LocalDate DESIGNATED_ON = LocalDate.of(2023, 4, 18);
    static final List<String> SITES = List.of("QZ-AZD-01", "QZ-AZD-02", "QZ-AZD-03");
    private static final List<String> SITE_NAMES = List.of("藏口安置点", "皂郊新村安置点", "太京集镇安置点");
    private static final List<String> CAUSES = List.of("REMOTE", "HIGH_COLD", "ERODED", "DISASTER", "RESTRICTED_ZONE");
    /** Yuan a person relocating, by source: the usual shares of about 58,000 yuan a person. */
    private static final Map<String, Integer> FUNDS_PER_PERSON = Map.of("CENTRAL_BUDGET", 8_000, "LOCAL_BONDS",
            10_000, "SPECIAL_FUND", 5_000, "LONG_TERM_LOAN", 35_000);
    private static final List<String> NEIGHBOURS = List.of("王建国", "李秀英", "张志强", "刘桂兰", "陈永福", "杨淑珍",
            "赵德胜", "黄玉梅", "周海平", "吴春花", "徐明亮", "孙丽娟");

    @Override
    public List<RecordCase> records(List<Household> households, Random random, LocalDate today) {
        Map<String, TreeSet<String>> groupsByVillage = new TreeMap<>();
        for (Household household : households) {
            groupsByVillage.computeIfAbsent(household.villageCode(), v -> new TreeSet<>())
                    .add(household.villageGroup() == null ? "" : household.villageGroup());
        }
        List<RecordCase> records = new ArrayList<>();
        String county = households.isEmpty() ? "620502" : households.get(0).villageCode().substring(0, 6);
        for (int i = 0; i < SITES.size(); i++) {
            records.add(site(county, i, random, today));
        }
        int neighbours = 0;
        for (var village : groupsByVillage.entrySet()) {
            if (random.nextInt(8) > 0) {
                continue;
            }
            Map<String, Object> area = new LinkedHashMap<>();
            area.put("cause", CAUSES.get(random.nextInt(CAUSES.size())));
            area.put("designatedOn", DESIGNATED_ON.plusDays(random.nextInt(30)).toString());
            List<String> groups = village.getValue().stream().filter(g -> !g.isEmpty()).toList();
            if (groups.size() > 2 && random.nextBoolean()) {
                int first = random.nextInt(groups.size() - 1);
                area.put("groups", groups.get(first) + "、" + groups.get(first + 1));
            }
            records.add(new RecordCase(RelocationRules.AREA, village.getKey(), DESIGNATED_ON, area, List.of()));
            if (neighbours < NEIGHBOURS.size() && random.nextInt(3) > 0) {
                records.add(neighbour(village.getKey(), NEIGHBOURS.get(neighbours++), random, today));
            }
        }
        return records;
    }

    private static RecordCase site(String county, int index, Random random, LocalDate today) {
        LocalDate planned = index < 2 ? LocalDate.of(2023, 3, 1).plusDays(150L * index) : LocalDate.of(2026, 3, 1);
        Map<String, Object> data = Map.of("code", SITES.get(index), "siteName", SITE_NAMES.get(index),
                "location", "秦州区" + SITE_NAMES.get(index).substring(0, 2) + "镇", "capacity", 60 + 30 * index);
        List<RecordStep> steps = new ArrayList<>();
        LocalDate on = planned.plusDays(20 + random.nextInt(20));
        steps.add(RecordStep.action("start-construction", on, Map.of(), null));
        String[] stages = {"GROUND_BROKEN", "MAIN_STRUCTURE", "TOPPED_OUT", "INFRASTRUCTURE", "ACCEPTED"};
        for (String stage : stages) {
            if (on.isAfter(today)) {
                break;
            }
            steps.add(RecordStep.entry("progress", on, Map.of("stage", stage,
                    "evidence", SITES.get(index) + "-" + stage.toLowerCase(java.util.Locale.ROOT) + ".jpg"), null));
            if (stage.equals("ACCEPTED")) {
                steps.add(RecordStep.action("complete", on, Map.of(), null));
            }
            on = on.plusDays(60 + random.nextInt(60));
        }
        return new RecordCase(RelocationRules.SITE, county, planned, data, steps);
    }

    private static RecordCase neighbour(String village, String head, Random random, LocalDate today) {
        boolean centralized = random.nextInt(3) > 0;
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("headName", head);
        data.put("persons", 2 + random.nextInt(4));
        data.put("mode", centralized ? RelocationRules.CENTRALIZED : RelocationRules.SCATTERED);
        if (centralized) {
            data.put("settlementSite", SITES.get(random.nextInt(SITES.size())));
        }
        LocalDate recorded = LocalDate.of(2024, 3, 1).plusDays(random.nextInt(400));
        LocalDate moved = recorded.plusDays(200 + random.nextInt(200));
        List<RecordStep> steps = moved.isAfter(today) ? List.of()
                : List.of(RecordStep.action("neighbour-moved", moved, Map.of(), "随迁户自行承担建房费用，已搬迁"));
        return new RecordCase("neighbour", village, recorded, data, steps);
    }

    @Override
    public List<Case> cases(List<Candidate> candidates, Random random, LocalDate today) {
        List<Household> households = candidates.stream().map(Candidate::household)
                .filter(h -> h.housing() == null || h.housing().dangerGrade() != DangerGrade.C
                        && h.housing().dangerGrade() != DangerGrade.D)
                .toList();
        List<Case> cases = new ArrayList<>();
        int step = Math.max(1, households.size() / MAX_CASES);
        for (int i = 0; i < households.size() && cases.size() < MAX_CASES; i += step) {
            cases.add(story(households.get(i), random, today));
        }
        cases.sort(Comparator.comparing(Case::filedOn));
        return cases;
    }

    private static Case story(Household household, Random random, LocalDate today) {
        // filed from January 2024 up to yesterday: the latest are still on notice
        LocalDate first = LocalDate.of(2024, 1, 8);
        LocalDate filed = first.plusDays(random.nextInt((int) Math.max(1, today.toEpochDay() - first.toEpochDay())));
        int persons = household.members().size();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put(RelocationRules.PERSONS, persons);
        if (random.nextInt(10) < 7) {
            int sites = filed.getYear() < 2026 ? SITES.size() - 1 : SITES.size();
            data.put(RelocationRules.MODE, RelocationRules.CENTRALIZED);
            data.put(RelocationRules.SETTLEMENT_SITE, SITES.get(random.nextInt(sites)));
        } else {
            data.put(RelocationRules.MODE, RelocationRules.SCATTERED);
            data.put(RelocationRules.SCATTERED_TYPE, List.of("INFILL", "RELATIVES", "SELF").get(random.nextInt(3)));
        }
        data.put(RelocationRules.PLANNED_AREA, BigDecimal.valueOf(25L * persons - random.nextInt(3 * persons + 1)));
        data.put(RelocationRules.SELF_FUNDING, BigDecimal.valueOf(500L * random.nextInt(21)));

        Timeline timeline = new Timeline(today);
        int roll = random.nextInt(100);
        LocalDate villageReview = filed.plusDays(3 + random.nextInt(8));
        timeline.add("village-review", villageReview, Map.of(), null);
        if (roll < 4) {
            timeline.add("object", villageReview.plusDays(2), Map.of(), "公示期间群众反映该户已在城区购房，退回核实");
            return new Case(household.id(), filed, data, timeline.actions());
        }
        if (roll < 8) {
            timeline.add("reject", villageReview.plusDays(9), Map.of(), "乡镇核实该户已在集镇建房，不纳入搬迁");
            return new Case(household.id(), filed, data, timeline.actions());
        }
        LocalDate townshipReview = villageReview.plusDays(8 + random.nextInt(6));
        timeline.add("township-review", townshipReview, Map.of(), null);
        LocalDate countyApproval = townshipReview.plusDays(8 + random.nextInt(10));
        timeline.add("county-approve", countyApproval, Map.of(), null);
        LocalDate signed = countyApproval.plusDays(8 + random.nextInt(12));
        boolean agreed = timeline.add("sign", signed, Map.of("agreementNumber", "BQ-" + signed.getYear() + "-"
                + String.format("%04d", random.nextInt(10_000)), "signedOn", signed.toString(),
                "demolitionAgreed", true), null);
        LocalDate built = signed.plusDays(120 + random.nextInt(120));
        timeline.add("build", built, Map.of("builtOn", built.toString(), "actualArea", data.get(
                RelocationRules.PLANNED_AREA), "evidence", "竣工照片 XJ" + built.getYear() + random.nextInt(1000)), null);
        LocalDate keys = built.plusDays(10 + random.nextInt(30));
        LocalDate moved = keys.plusDays(random.nextInt(10));
        timeline.add("move-in", moved, Map.of("keysHandedOn", keys.toString(), "movedInOn", moved.toString(),
                "evidence", "入住确认书 RZ" + moved.getYear() + random.nextInt(1000)), null);
        if (random.nextInt(100) < 6) {
            String[] kept = {"TRADITIONAL_VILLAGE", "ATTACHED_HOUSE"};
            String why = kept[random.nextInt(2)];
            timeline.add("keep-old-house", moved.plusDays(30), Map.of("exemption", why, "evidence",
                    "县住建局认定书 " + moved.getYear() + "-" + random.nextInt(100)),
                    why.equals(kept[0]) ? "旧房位于省级传统村落保护范围，保留不拆" : "旧房与邻户房屋相连，拆除危及邻户，保留并收回宅基地使用");
        } else {
            LocalDate demolished = moved.plusDays(20 + random.nextInt(70));
            timeline.add("demolish", demolished, Map.of("demolishedOn", demolished.toString(), "evidence",
                    "拆除前后照片 CC" + demolished.getYear() + random.nextInt(1000)), null);
            LocalDate reclaimed = demolished.plusDays(60 + random.nextInt(90));
            timeline.add("reclaim", reclaimed, Map.of("reclaimedOn", reclaimed.toString(), "reclaimedArea",
                    BigDecimal.valueOf(2 + random.nextInt(6), 1), "evidence", "复垦验收单 FK" + reclaimed.getYear()
                            + random.nextInt(1000)), null);
        }
        List<RecordCase> records = agreed ? List.of(funding(signed, persons, random, today)) : List.of();
        return new Case(household.id(), filed, data, timeline.actions(), records);
    }

    /** The household's relocation funds, paid by source after the agreement, as far as today reaches. */
    private static RecordCase funding(LocalDate signed, int persons, Random random, LocalDate today) {
        List<RecordStep> steps = new ArrayList<>();
        LocalDate on = signed.plusDays(15 + random.nextInt(20));
        for (String source : List.of("CENTRAL_BUDGET", "LOCAL_BONDS", "SPECIAL_FUND", "LONG_TERM_LOAN")) {
            if (on.isAfter(today)) {
                break;
            }
            steps.add(RecordStep.entry("allocation", on, Map.of("source", source, "amount",
                    BigDecimal.valueOf((long) FUNDS_PER_PERSON.get(source) * persons), "voucher",
                    "FGZJ" + on.getYear() + String.format("%05d", random.nextInt(100_000))), null));
            on = on.plusDays(30 + random.nextInt(60));
        }
        if (steps.size() == FUNDS_PER_PERSON.size() && !on.isAfter(today)) {
            steps.add(RecordStep.action("settle", on, Map.of(), null));
        }
        return new RecordCase("funding", null, signed, Map.of("planYear", signed.getYear()), steps);
    }
}
