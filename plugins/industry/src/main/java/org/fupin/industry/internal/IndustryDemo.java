package org.fupin.industry.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

import org.fupin.program.api.ProgramDemo;
import org.fupin.registry.model.Household;
import org.osgi.service.component.annotations.Component;

/**
 * 产业扶贫 in the demo county: a dozen 带贫主体 registered with the county, a village solar station in about one
 * village in thirty with its quarterly income and yearly distributions since 2024, and 200 households' projects over
 * 2024–2026 — filed, put on notice, verified, approved and paid, a few objected to or rejected, the latest still on
 * notice — four in ten of them linked to an entity with what they gained each year. Everything follows from the
 * households and the random.
 */
@Component(service = ProgramDemo.class, property = ProgramDemo.PROGRAM + "=" + IndustryRules.ID)
public final class IndustryDemo implements ProgramDemo {
    static final int MAX_CASES = 200;
    static final List<String> INDUSTRIES = List.of("CATTLE", "SHEEP", "PIGS", "CHICKENS", "VEGETABLES", "FRUIT",
            "HERBS", "POTATOES");
    /** Planned scale by industry: the smallest and the largest a household runs (head or mu). */
    private static final Map<String, int[]> SCALES = Map.of("CATTLE", new int[] {2, 6}, "SHEEP", new int[] {10, 40},
            "PIGS", new int[] {5, 20}, "CHICKENS", new int[] {100, 500}, "VEGETABLES", new int[] {1, 5}, "FRUIT",
            new int[] {2, 8}, "HERBS", new int[] {2, 6}, "POTATOES", new int[] {3, 10});
    private static final List<String> MODES = List.of("EMPLOYMENT", "ORDER_PURCHASE", "EQUITY_DIVIDEND",
            "LAND_TRANSFER", "TRUSTEESHIP");
    /** What a linked household gains in a year by mode: the least and the most, in yuan. */
    private static final Map<String, int[]> GAINS = Map.of("EMPLOYMENT", new int[] {6000, 15000}, "ORDER_PURCHASE",
            new int[] {1000, 4000}, "EQUITY_DIVIDEND", new int[] {300, 1000}, "LAND_TRANSFER", new int[] {400, 1500},
            "TRUSTEESHIP", new int[] {500, 2000});

    /** The county's entities: name, kind, industry; their codes follow from their place in this list. */
    record Entity(String name, String kind, String industry, String code) {
    }

    static final List<Entity> ENTITIES = entities();

    private static List<Entity> entities() {
        String[][] known = {
            {"秦州区富民肉牛养殖农民专业合作社", "COOPERATIVE", "CATTLE"},
            {"天水陇源肉羊养殖农民专业合作社", "COOPERATIVE", "SHEEP"},
            {"秦州区花牛苹果产销农民专业合作社", "COOPERATIVE", "FRUIT"},
            {"天水秦岭中药材种植农民专业合作社", "COOPERATIVE", "HERBS"},
            {"秦州区绿源蔬菜种植农民专业合作社", "COOPERATIVE", "VEGETABLES"},
            {"天水嘉禾农业发展有限公司", "LEADING_ENTERPRISE", "POTATOES"},
            {"甘肃陇上牧业有限公司", "LEADING_ENTERPRISE", "CATTLE"},
            {"天水秦州果业有限公司", "LEADING_ENTERPRISE", "FRUIT"},
            {"秦州区养猪行业协会", "ASSOCIATION", "PIGS"},
            {"秦州区家禽养殖协会", "ASSOCIATION", "CHICKENS"},
            {"秦州区王家湾家庭农场", "FAMILY_FARM", "VEGETABLES"},
            {"秦州区李子园家庭农场", "FAMILY_FARM", "HERBS"}};
        List<Entity> entities = new ArrayList<>();
        for (int i = 0; i < known.length; i++) {
            String prefix = switch (known[i][1]) {
                case "COOPERATIVE" -> "93";
                case "LEADING_ENTERPRISE" -> "91";
                case "ASSOCIATION" -> "51";
                default -> "92";
            };
            StringBuilder body = new StringBuilder(prefix).append("620502").append("MA7");
            for (int c = 0; c < 6; c++) {
                body.append(CreditCode.CHARACTERS.charAt((i * 7 + c * 11 + 3) % CreditCode.CHARACTERS.length()));
            }
            entities.add(new Entity(known[i][0], known[i][1], known[i][2],
                    body + String.valueOf(CreditCode.checkCharacter(body.toString()))));
        }
        return List.copyOf(entities);
    }

    @Override
    public List<RecordCase> records(List<Household> households, Random random, LocalDate today) {
        List<RecordCase> records = new ArrayList<>();
        String county = households.isEmpty() ? "620502" : households.get(0).villageCode().substring(0, 6);
        for (Entity entity : ENTITIES) {
            records.add(new RecordCase(IndustryRules.ENTITY, county, LocalDate.of(2023, 11, 20), Map.of("entityName",
                    entity.name(), "kind", entity.kind(), "creditCode", entity.code(), "industry", entity.industry()),
                    List.of()));
        }
        TreeSet<String> villages = new TreeSet<>();
        households.forEach(h -> villages.add(h.villageCode()));
        for (String village : villages) {
            if (random.nextInt(30) == 0) {
                records.add(station(village, random, today));
            }
        }
        return records;
    }

    /** A station connected in 2023, its income each quarter since 2024, and most of a year's income distributed. */
    private static RecordCase station(String village, Random random, LocalDate today) {
        int capacity = 100 + 10 * random.nextInt(21);
        int households = (int) Math.ceil(capacity / (4.5 + random.nextInt(3) * 0.5));
        LocalDate connected = LocalDate.of(2023, 6, 1).plusDays(random.nextInt(180));
        List<RecordStep> steps = new ArrayList<>();
        BigDecimal earned = BigDecimal.ZERO;
        for (LocalDate quarter = LocalDate.of(2024, 3, 31); !quarter.isAfter(today);
                quarter = quarter.plusMonths(3).withDayOfMonth(1).plusMonths(1).minusDays(1)) {
            // about 1,150 kWh a kW a year at 0.37 yuan, less in winter
            double season = quarter.getMonthValue() <= 3 || quarter.getMonthValue() >= 12 ? 0.8 : 1.1;
            BigDecimal income = BigDecimal.valueOf(capacity * 1150 * 0.37 / 4 * season * (0.9 + random.nextInt(20)
                    / 100.0)).setScale(2, RoundingMode.HALF_UP);
            steps.add(RecordStep.entry("income", quarter, Map.of("amount", income), null));
            earned = earned.add(income);
            if (quarter.getMonthValue() == 12 && !quarter.plusDays(20).isAfter(today)) {
                BigDecimal paid = earned.multiply(BigDecimal.valueOf(0.8)).setScale(2, RoundingMode.HALF_UP);
                steps.add(RecordStep.entry("payout", quarter.plusDays(20), Map.of("amount", paid, "households",
                        households, "purpose", random.nextBoolean() ? "PUBLIC_WELFARE_JOBS" : "DIVIDEND"),
                        "按村民代表大会决议分配"));
                earned = earned.subtract(paid);
            }
        }
        return new RecordCase(IndustryRules.STATION, village, connected, Map.of("capacityKw",
                BigDecimal.valueOf(capacity), "households", households, "connectedOn", connected.toString()), steps);
    }

    @Override
    public List<Case> cases(List<Candidate> candidates, Random random, LocalDate today) {
        List<Case> cases = new ArrayList<>();
        int step = Math.max(1, candidates.size() / MAX_CASES);
        for (int i = 0; i < candidates.size() && cases.size() < MAX_CASES; i += step) {
            cases.add(story(candidates.get(i).household(), random, today));
        }
        cases.sort(Comparator.comparing(Case::filedOn));
        return cases;
    }

    private static Case story(Household household, Random random, LocalDate today) {
        String industry = INDUSTRIES.get(random.nextInt(INDUSTRIES.size()));
        int[] scale = SCALES.get(industry);
        int planned = scale[0] + random.nextInt(scale[1] - scale[0] + 1);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put(IndustryRules.INDUSTRY, industry);
        data.put("plannedScale", BigDecimal.valueOf(planned));

        LocalDate first = LocalDate.of(2024, 2, 20);
        LocalDate filed = first.plusDays(random.nextInt((int) Math.max(1, today.toEpochDay() - first.toEpochDay())));
        Timeline timeline = new Timeline(today);
        LocalDate reviewed = filed.plusDays(3 + random.nextInt(7));
        timeline.add("village-review", reviewed, Map.of(), null);
        int roll = random.nextInt(100);
        if (roll < 4) {
            timeline.add("object", reviewed.plusDays(2), Map.of(), "公示期间群众反映该户申报规模不实，退回核实");
            return new Case(household.id(), filed, data, timeline.actions());
        }
        LocalDate verified = reviewed.plusDays(60 + random.nextInt(120));
        if (roll < 8) {
            timeline.add("reject", verified, Map.of(), "乡镇验收时未见申报的产业，不予奖补");
            return new Case(household.id(), filed, data, timeline.actions());
        }
        BigDecimal reached = BigDecimal.valueOf(planned * (70 + random.nextInt(41)) / 100.0)
                .setScale(industry.equals("VEGETABLES") || industry.equals("FRUIT") || industry.equals("HERBS")
                        || industry.equals("POTATOES") ? 1 : 0, RoundingMode.DOWN);
        timeline.add("verify", verified, Map.of("verifiedOn", verified.toString(), "verifiedScale", reached,
                "evidence", "验收照片 YS" + verified.getYear() + String.format("%04d", random.nextInt(10_000))), null);
        LocalDate approved = verified.plusDays(5 + random.nextInt(10));
        timeline.add("approve", approved, Map.of(), null);
        LocalDate paid = approved.plusDays(10 + random.nextInt(20));
        timeline.add("pay", paid, Map.of("voucher", "NYJB" + paid.getYear() + String.format("%05d",
                random.nextInt(100_000))), null);
        List<RecordCase> records = random.nextInt(10) < 4 ? List.of(link(filed, random, today)) : List.of();
        return new Case(household.id(), filed, data, timeline.actions(), records);
    }

    /** The household linked to one of the entities since it filed, with what it gained each December since. */
    private static RecordCase link(LocalDate since, Random random, LocalDate today) {
        Entity entity = ENTITIES.get(random.nextInt(ENTITIES.size()));
        String mode = MODES.get(random.nextInt(MODES.size()));
        int[] gain = GAINS.get(mode);
        List<RecordStep> steps = new ArrayList<>();
        for (int year = since.getYear(); year <= today.getYear(); year++) {
            LocalDate on = LocalDate.of(year, 12, 15);
            if (on.isAfter(today) || on.isBefore(since)) {
                continue;
            }
            BigDecimal amount = BigDecimal.valueOf(gain[0] + random.nextInt(gain[1] - gain[0] + 1));
            steps.add(RecordStep.entry("benefit", on, Map.of("amount", amount, "evidence", entity.name() + "发放记录"),
                    null));
        }
        return new RecordCase(IndustryRules.LINK, null, since, Map.of("creditCode", entity.code(), "mode", mode,
                "since", since.toString()), steps);
    }
}
