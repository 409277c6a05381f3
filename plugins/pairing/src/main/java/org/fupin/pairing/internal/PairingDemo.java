package org.fupin.pairing.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import org.fupin.program.api.ProgramDemo;
import org.fupin.registry.model.Household;
import org.fupin.registry.model.HouseholdStatus;
import org.fupin.registry.model.IdNumber;
import org.fupin.registry.model.Member;
import org.fupin.registry.model.Pairing;
import org.osgi.service.component.annotations.Component;

/**
 * 秦州区's 双联 (DOMAIN.md §10, seed 003: 163 units over 420 villages, 84 teams with 392 members) scaled to the demo
 * county's 262 villages:
 * <ul>
 * <li>{@value #UNITS} units, each taking a block of neighbouring villages for 2024–2026 (every village taken; one in 45
 * handed to the next unit in mid-2025, its plan abandoned and made anew), with their funds each year, a project in one
 * village in ten (the latest still planned or under way) and their assessments for 2025;</li>
 * <li>a leader attached to each township — the city's (厅级) to the three poorest, the district's (处级) to the
 * others — visiting three to five times a year, one in seven too seldom;</li>
 * <li>responsible cadres for the households of the {@value #PAIRED_VILLAGES} poorest villages, mostly of section rank
 * or below and within their quotas (a household in twelve left without one, one in 25 handed to another cadre in
 * 2025), each household visited in the first round of 2025, most revisited, and six in seven again this year;</li>
 * <li>resident work teams of 3 to 5 members in the {@value #TEAMS} poorest villages (the largest share of households
 * not yet lifted out), with every member's attendance on each working day they were there since January of last
 * year — most teams and members meet the minima, one team and a few members fall short, a member is recalled and
 * replaced — and the team villages' three-year and yearly plans with their progress;</li>
 * <li>about {@value #MAX_CASES} household plans (一户一策) in the team villages, in every stage.</li>
 * </ul>
 * Everything follows from the households, the random and today; nothing is dated after today. Each record, action and
 * entry is a request the platform takes as of its day, so the sizes are what the demo's start-up affords (README).
 */
@Component(service = ProgramDemo.class, property = ProgramDemo.PROGRAM + "=" + PairingRules.ID)
public final class PairingDemo implements ProgramDemo {
    static final int UNITS = 40;
    static final int TEAMS = 12;
    static final int PAIRED_VILLAGES = 8;
    static final int MAX_CASES = 100;
    static final int ASSESSED_CADRES = 30;
    static final LocalDate LINKED = LocalDate.of(2024, 3, 1);
    static final LocalDate TERM_END = LocalDate.of(2026, 12, 31);
    /** The day a few villages were handed from one unit to the next. */
    static final LocalDate HANDOVER = LocalDate.of(2025, 6, 30);
    /** The statuses the program serves: households still helped, 帮扶 continuing after their exit. */
    static final Set<HouseholdStatus> SERVED = Set.of(HouseholdStatus.POOR, HouseholdStatus.RETURNED,
            HouseholdStatus.MONITORED, HouseholdStatus.EXITED, HouseholdStatus.NEAR_POOR);
    /** Households still in poverty or at risk: a cadre's key assistance, and what makes a village poor. */
    static final Set<HouseholdStatus> KEY = Set.of(HouseholdStatus.POOR, HouseholdStatus.RETURNED,
            HouseholdStatus.MONITORED);

    /** A unit that takes villages: its name, kind, contact, the level its cadres come from, and its phone. */
    record Unit(String name, String kind, String contact, String level, String phone) {
    }

    static final List<Unit> UNIT_LIST = units();

    private static List<Unit> units() {
        String[][] known = {
            {"国家开发银行甘肃省分行", "CENTRAL", "PROVINCE"},
            {"甘肃省农业农村厅", "PROVINCE", "PROVINCE"},
            {"甘肃省交通运输厅", "PROVINCE", "PROVINCE"},
            {"甘肃省卫生健康委员会", "PROVINCE", "PROVINCE"},
            {"兰州大学", "UNIVERSITY", "PROVINCE"},
            {"天水师范学院", "UNIVERSITY", "CITY"},
            {"天水市发展和改革委员会", "CITY", "CITY"},
            {"天水市农业农村局", "CITY", "CITY"},
            {"天水市教育局", "CITY", "CITY"},
            {"天水市住房和城乡建设局", "CITY", "CITY"},
            {"天水市财政局", "CITY", "CITY"},
            {"天水市自然资源局", "CITY", "CITY"},
            {"天水市交通运输局", "CITY", "CITY"},
            {"天水市市场监督管理局", "CITY", "CITY"},
            {"秦州区委组织部", "COUNTY", "COUNTY"},
            {"秦州区委宣传部", "COUNTY", "COUNTY"},
            {"秦州区发展和改革局", "COUNTY", "COUNTY"},
            {"秦州区教育局", "COUNTY", "COUNTY"},
            {"秦州区卫生健康局", "COUNTY", "COUNTY"},
            {"秦州区农业农村局", "COUNTY", "COUNTY"},
            {"秦州区财政局", "COUNTY", "COUNTY"},
            {"秦州区人力资源和社会保障局", "COUNTY", "COUNTY"},
            {"秦州区住房和城乡建设局", "COUNTY", "COUNTY"},
            {"秦州区自然资源局", "COUNTY", "COUNTY"},
            {"秦州区交通运输局", "COUNTY", "COUNTY"},
            {"秦州区水务局", "COUNTY", "COUNTY"},
            {"秦州区民政局", "COUNTY", "COUNTY"},
            {"秦州区林业和草原局", "COUNTY", "COUNTY"},
            {"秦州区市场监督管理局", "COUNTY", "COUNTY"},
            {"秦州区统计局", "COUNTY", "COUNTY"},
            {"秦州区文化和旅游局", "COUNTY", "COUNTY"},
            {"秦州区司法局", "COUNTY", "COUNTY"},
            {"秦州区商务局", "COUNTY", "COUNTY"},
            {"秦州区应急管理局", "COUNTY", "COUNTY"},
            {"秦州区供销合作社联合社", "COUNTY", "COUNTY"},
            {"秦州区人民医院", "OTHER", "COUNTY"},
            {"国网天水供电公司", "ENTERPRISE", "CITY"},
            {"天水农村商业银行", "ENTERPRISE", "COUNTY"},
            {"甘肃天水长城果汁集团", "ENTERPRISE", "COUNTY"},
            {"中国移动天水分公司", "ENTERPRISE", "CITY"}};
        List<Unit> units = new ArrayList<>();
        for (int i = 0; i < known.length; i++) {
            units.add(new Unit(known[i][0], known[i][1], Names.person(i * 7 + 3), known[i][2],
                    "0938-82" + String.format("%05d", (i * 3571 + 1234) % 100_000)));
        }
        return List.copyOf(units);
    }

    // ---- the county's records ----

    @Override
    public List<RecordCase> records(List<Household> households, Random random, LocalDate today) {
        List<Household> served = households.stream().filter(h -> SERVED.contains(h.status())).toList();
        County county = County.of(served);
        List<RecordCase> records = new ArrayList<>();
        for (Unit unit : UNIT_LIST) {
            records.add(unit(unit, county.code(), random, today));
        }
        Map<String, String> links = county.links();
        records.addAll(villageLinks(county, links, random, today));
        records.addAll(contactPoints(county, random, today));
        List<String> teamVillages = county.poorest(TEAMS);
        for (int t = 0; t < teamVillages.size(); t++) {
            String village = teamVillages.get(t);
            records.addAll(team(t, village, links.get(village), county.townshipOf(village), random, today));
        }
        records.addAll(pairings(county, links, random, today));
        records.addAll(villagePlans(county, links, teamVillages, random, today));
        records.addAll(projects(county, links, random, today));
        records.addAll(assessments(county.code(), random, today));
        records.addAll(cadreAssessments(county.code(), records, random, today));
        return List.copyOf(records.stream().filter(r -> !r.createdOn().isAfter(today)).toList());
    }

    /** A unit registered in January 2024, with funds in the first quarter of each year. */
    private static RecordCase unit(Unit unit, String county, Random random, LocalDate today) {
        List<RecordStep> funds = new ArrayList<>();
        for (int year = 2024; year <= today.getYear(); year++) {
            LocalDate on = LocalDate.of(year, 2 + random.nextInt(2), 1 + random.nextInt(28));
            String source = switch (unit.kind()) {
                case "ENTERPRISE" -> "ENTERPRISE";
                case "UNIVERSITY", "OTHER" -> random.nextBoolean() ? "UNIT_BUDGET" : "DONATION";
                default -> random.nextInt(3) == 0 ? "UNIT_BUDGET" : "FISCAL";
            };
            if (!on.isAfter(today)) {
                funds.add(RecordStep.entry("fund", on, Map.of("amount", BigDecimal.valueOf(100_000L
                        + 10_000L * random.nextInt(50)), "source", source, "purpose",
                        List.of("包村产业发展", "村级道路硬化", "安全饮水巩固", "技能培训", "困难户慰问").get(random.nextInt(5))),
                        null));
            }
        }
        return new RecordCase(PairingRules.UNIT, county, LocalDate.of(2024, 1, 10), Map.of("unitName", unit.name(),
                "unitKind", unit.kind(), "contact", unit.contact(), "phone", unit.phone()), funds);
    }

    /** Every village taken by the unit of its block for 2024–2026; a few handed to the next unit in mid-2025. */
    private static List<RecordCase> villageLinks(County county, Map<String, String> links, Random random,
            LocalDate today) {
        List<RecordCase> records = new ArrayList<>();
        for (String village : county.villages()) {
            String unit = links.get(village);
            if (county.handedOver(village, today)) {
                records.add(new RecordCase(PairingRules.VILLAGE_LINK, village, LINKED, Map.of("unit",
                        previousUnit(unit), "since", LINKED.toString(), "until", TERM_END.toString()),
                        List.of(RecordStep.action("end", HANDOVER, Map.of(), "包村任务调整，移交" + unit))));
                records.add(new RecordCase(PairingRules.VILLAGE_LINK, village, HANDOVER.plusDays(1), Map.of("unit",
                        unit, "since", HANDOVER.plusDays(1).toString(), "until", TERM_END.toString()), List.of()));
            } else {
                records.add(new RecordCase(PairingRules.VILLAGE_LINK, village, LINKED, Map.of("unit",
                        unit, "since", LINKED.toString(), "until", TERM_END.toString()), List.of()));
            }
        }
        return records;
    }

    /** The unit that held a village handed over in mid-2025: the one before its present unit in the list. */
    static String previousUnit(String unit) {
        return UNIT_LIST.get((UNIT_LIST.indexOf(unitNamed(unit)) + UNIT_LIST.size() - 1) % UNIT_LIST.size()).name();
    }

    private static Unit unitNamed(String name) {
        return UNIT_LIST.stream().filter(u -> u.name().equals(name)).findFirst().orElseThrow();
    }

    /**
     * A leader attached to each township — the city's leaders (厅级) to the three with the most households still in
     * poverty, the district's (处级) to the others — since January 2024, visiting three to five times a year; two of
     * them too seldom.
     */
    private static List<RecordCase> contactPoints(County county, Random random, LocalDate today) {
        List<RecordCase> records = new ArrayList<>();
        List<String> townships = county.townships();
        List<String> poorest = county.poorestTownships(3);
        String[] cityPosts = {"天水市副市长", "天水市委常委", "天水市人大常委会副主任"};
        String[] districtPosts = {"秦州区委书记", "秦州区长", "秦州区委副书记", "秦州区委常委、组织部长", "秦州区委常委、宣传部长",
            "秦州区委常委、政法委书记", "秦州区副区长", "秦州区人大常委会主任", "秦州区政协主席", "秦州区人大常委会副主任",
            "秦州区政协副主席", "秦州区委常委、统战部长", "秦州区委常委、纪委书记", "秦州区副区长（常务）", "秦州区委常委、办公室主任",
            "秦州区人武部部长"};
        int city = 0;
        int district = 0;
        for (int t = 0; t < townships.size(); t++) {
            String township = townships.get(t);
            boolean bureau = poorest.contains(township) && city < cityPosts.length;
            String post = bureau ? cityPosts[city++] : districtPosts[district++ % districtPosts.length];
            LocalDate since = LocalDate.of(2024, 1, 15 + random.nextInt(10));
            boolean seldom = t % 7 == 3;
            List<RecordStep> visits = new ArrayList<>();
            for (int year = 2024; year <= today.getYear(); year++) {
                int count = seldom && year >= 2025 ? (year == today.getYear() ? 1 : 2) : 3 + random.nextInt(3);
                for (int v = 0; v < count; v++) {
                    LocalDate on = LocalDate.of(year, 1 + (v * 11 / count) + random.nextInt(Math.max(1, 11 / count)),
                            1 + random.nextInt(28));
                    if (on.isBefore(since) || on.isAfter(today)) {
                        continue;
                    }
                    visits.add(RecordStep.entry("visit", on, Map.of("purpose", List.of("督导驻村帮扶工作",
                            "调研产业发展", "走访慰问困难群众", "检查两不愁三保障落实", "召开脱贫攻坚推进会").get(random.nextInt(5)),
                            "findings", List.of("工作队到岗到位，帮扶措施落实", "个别户饮水管网需维修", "产业项目进展正常",
                                    "部分帮扶户回访记录不全，已要求整改").get(random.nextInt(4))), null));
                }
            }
            visits.sort(Comparator.comparing(RecordStep::on));
            records.add(new RecordCase(PairingRules.CONTACT_POINT, township, since, Map.of("leader",
                    Names.person(100 + t), "post", post, "rank", bureau ? "BUREAU" : "DIVISION", "since",
                    since.toString()), visits));
        }
        return records;
    }

    /**
     * The {@code index}-th team, formed in autumn 2024, sent by the village's unit, posted for three years: its
     * members (the leader from the unit, the first secretary and members from the county and the township; in the
     * fourth team a member recalled at the end of June and replaced), then the team with the days its members were
     * there.
     */
    private static List<RecordCase> team(int index, String village, String unit, String township, Random random,
            LocalDate today) {
        LocalDate formed = LocalDate.of(2024, 9, 2).plusDays(random.nextInt(40));
        Unit sender = unitNamed(unit);
        int roll = random.nextInt(20);
        int size = roll < 10 ? 3 : roll < 17 ? 4 : 5;
        List<RecordCase> records = new ArrayList<>();
        List<TeamMember> members = new ArrayList<>();
        for (int m = 0; m < size; m++) {
            String role = m == 0 ? "LEADER" : m == 1 ? "FIRST_SECRETARY" : "MEMBER";
            String memberUnit = m == 0 ? sender.name() : m == 1 ? "秦州区委组织部" : m == 2 ? "秦州区农业农村局" : township + "人民政府";
            String level = m == 0 ? (sender.level().equals("PROVINCE") ? "PROVINCE" : sender.level())
                    : m == 3 || m == 4 ? "TOWNSHIP" : "COUNTY";
            members.add(new TeamMember(Names.person(300 + index * 7 + m), role, memberUnit, level, formed, null));
        }
        LocalDate recalled = LocalDate.of(today.getYear(), 6, 30);
        if (index == 3 && !recalled.isAfter(today)) {
            TeamMember leaving = members.get(size - 1);
            members.set(size - 1, new TeamMember(leaving.name(), leaving.role(), leaving.unit(), leaving.level(),
                    formed, recalled));
            members.add(new TeamMember(Names.person(300 + index * 7 + 5), "MEMBER", leaving.unit(), leaving.level(),
                    recalled.plusDays(1), null));
        }
        LocalDate termEnd = formed.plusYears(3).minusDays(1);
        for (TeamMember member : members) {
            Map<String, Object> data = new LinkedHashMap<>(Map.of("memberName", member.name(), "role", member.role(),
                    "unit", member.unit(), "unitLevel", member.level(), "from", member.from().toString(), "until",
                    termEnd.toString()));
            List<RecordStep> steps = member.left() == null || member.left().isAfter(today) ? List.of()
                    : List.of(RecordStep.action("leave", member.left(), Map.of("until", member.left().toString()),
                            "调回原单位"));
            records.add(new RecordCase(PairingRules.TEAM_MEMBER, village, member.from(), data, steps));
        }
        records.add(new RecordCase(PairingRules.TEAM, village, formed, Map.of("sentBy", unit, "formedOn",
                formed.toString(), "termYears", 3), attendance(members, index, random, today)));
        return records;
    }

    /**
     * The first day of attendance the demo records: January of last year (2025, for a demo started in 2026). Each
     * day of each member is an entry written as a request, so the demo records two years at most.
     */
    static LocalDate attendanceFrom(LocalDate today) {
        return LocalDate.of(today.getYear() - 1, 1, 1);
    }

    record TeamMember(String name, String role, String unit, String level, LocalDate from, LocalDate left) {
        boolean servingOn(LocalDate day) {
            return !day.isBefore(from) && (left == null || !day.isAfter(left));
        }
    }

    /**
     * Each working day since {@link #attendanceFrom} the team is in the village but on a few days (more for the third
     * team, which falls short of its days); one member is on duty in turn and each of the others is there on some
     * days (in every fourth team, from the second, one member hardly: they fall short of theirs).
     */
    static List<RecordStep> attendance(List<TeamMember> members, int index, Random random, LocalDate today) {
        boolean teamShort = index == 2;
        double away = teamShort ? 0.16 : 0.03;
        List<RecordStep> steps = new ArrayList<>();
        int turn = 0;
        for (LocalDate day = attendanceFrom(today); !day.isAfter(today); day = day.plusDays(1)) {
            if (!WorkingDays.working(day) || random.nextDouble() < away) {
                continue;
            }
            LocalDate on = day;
            List<TeamMember> serving = members.stream().filter(m -> m.servingOn(on)).toList();
            // in every fourth team from the second, the last member serving is there only now and then
            TeamMember seldom = index % 4 == 1 && serving.size() > 1 ? serving.get(serving.size() - 1) : null;
            List<TeamMember> rota = serving.stream().filter(m -> m != seldom).toList();
            if (rota.isEmpty()) {
                continue;
            }
            TeamMember duty = rota.get(turn++ % rota.size());
            double extra = serving.size() <= 3 ? 0.2 : 0.3;
            for (TeamMember member : serving) {
                if (member == duty || random.nextDouble() < (member == seldom ? 0.15 : extra)) {
                    steps.add(RecordStep.entry("attendance", day, Map.of("member", member.name()), null));
                }
            }
        }
        return steps;
    }

    /**
     * The households of the poorest villages, each with a responsible cadre: section rank and below mostly, from the
     * village's unit or the township, each taking households up to their quotas (key assistance for households in
     * poverty or at risk, contact for the others); about one household in twelve still without one; one in 25 handed
     * to another cadre in August 2025. Each household is visited in the first round of 2025, three in five revisited
     * in the autumn, and six in seven revisited this year.
     */
    private static List<RecordCase> pairings(County county, Map<String, String> links, Random random,
            LocalDate today) {
        List<RecordCase> records = new ArrayList<>();
        Cadre cadre = null;
        int cadres = 0;
        for (String village : county.poorest(PAIRED_VILLAGES)) {
            Unit unit = unitNamed(links.get(village));
            cadre = null;
            for (Household household : county.households(village)) {
                if (random.nextInt(12) == 0) {
                    continue;
                }
                String kind = KEY.contains(household.status()) ? "KEY" : "CONTACT";
                if (cadre == null || !cadre.takes(kind)) {
                    cadre = Cadre.next(cadres++, unit, township(household), random);
                }
                cadre.take(kind);
                LocalDate since = LINKED.plusDays(random.nextInt(90));
                LocalDate paired = household.pairings().stream().map(Pairing::startDate)
                        .filter(d -> d != null).max(Comparator.naturalOrder()).orElse(since);
                if (paired.isAfter(since)) {
                    since = paired;
                }
                if (since.isAfter(today)) {
                    continue;
                }
                boolean replaced = random.nextInt(25) == 0;
                LocalDate handover = LocalDate.of(2025, 8, 1 + random.nextInt(28));
                if (replaced && handover.isAfter(since) && !handover.isAfter(today)) {
                    List<RecordStep> before = visits(household, since, handover.minusDays(1), random, today);
                    List<RecordStep> steps = new ArrayList<>(before);
                    steps.add(RecordStep.action("end", handover, Map.of(), "帮扶责任人工作调动，另行安排"));
                    records.add(pairing(household, cadre, kind, since, steps));
                    Cadre successor = Cadre.next(cadres++, unit, township(household), random);
                    successor.take(kind);
                    records.add(pairing(household, successor, kind, handover, visits(household, handover, TERM_END,
                            random, today)));
                } else {
                    records.add(pairing(household, cadre, kind, since, visits(household, since, TERM_END, random,
                            today)));
                }
            }
        }
        return records;
    }

    private static RecordCase pairing(Household household, Cadre cadre, String kind, LocalDate since,
            List<RecordStep> visits) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("cadreName", cadre.name());
        data.put("cadreId", cadre.idNumber());
        data.put("rank", cadre.rank());
        data.put("kind", kind);
        data.put("unit", cadre.unit());
        data.put("unitLevel", cadre.level());
        data.put("post", cadre.post());
        data.put("phone", cadre.phone());
        data.put("since", since.toString());
        return new RecordCase(PairingRules.PAIRING, null, household.id(), since, data, visits);
    }

    /** The first round in spring 2025, a revisit in the autumn, and most households revisited again this year. */
    private static List<RecordStep> visits(Household household, LocalDate from, LocalDate to, Random random,
            LocalDate today) {
        List<LocalDate> days = new ArrayList<>();
        days.add(LocalDate.of(2025, 3, 1).plusDays(random.nextInt(110)));
        if (random.nextInt(5) < 3) {
            days.add(LocalDate.of(2025, 9, 1).plusDays(random.nextInt(80)));
        }
        if (random.nextInt(7) != 0) {
            days.add(LocalDate.of(2026, 3, 1).plusDays(random.nextInt(240)));
        }
        List<RecordStep> steps = new ArrayList<>();
        boolean first = true;
        for (LocalDate day : days) {
            LocalDate on = day.isBefore(from) ? from.plusDays(7 + random.nextInt(20)) : day;
            if (on.isAfter(to) || on.isAfter(today) || (!steps.isEmpty() && !on.isAfter(steps.get(steps.size() - 1)
                    .on()))) {
                continue;
            }
            steps.add(RecordStep.entry("visit", on, questionnaire(household, first, random), null));
            first = false;
        }
        return steps;
    }

    private static Map<String, Object> questionnaire(Household household, boolean first, Random random) {
        boolean poor = KEY.contains(household.status());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("round", first ? "FIRST" : "REVISIT");
        data.put("incomeSituation", poor ? (random.nextInt(3) == 0 ? "BELOW_LINE" : "NEAR_LINE")
                : random.nextInt(10) == 0 ? "NEAR_LINE" : "STABLE");
        data.put("foodAssured", true);
        data.put("clothingAssured", true);
        data.put("educationAssured", !poor || random.nextInt(12) != 0);
        data.put("medicalAssured", !poor || random.nextInt(8) != 0);
        data.put("housingAssured", !poor || random.nextInt(6) != 0);
        data.put("waterAssured", random.nextInt(20) != 0);
        List<String> needs = poor ? List.of("INDUSTRY", "EMPLOYMENT", "SKILLS", "CREDIT", "HOUSING", "MEDICAL",
                "EDUCATION") : List.of("NONE", "NONE", "INDUSTRY", "EMPLOYMENT", "SKILLS", "WATER");
        data.put("needs", needs.get(random.nextInt(needs.size())));
        data.put("findings", poor ? List.of("家庭收入主要靠务工，需稳定就业", "户主患慢性病，已落实家庭医生签约",
                "有发展养殖意愿，缺启动资金", "子女在校，已享受教育资助").get(random.nextInt(4))
                : List.of("收入稳定，两不愁三保障已落实", "已脱贫，继续跟踪帮扶", "种植花椒增收明显").get(random.nextInt(3)));
        return data;
    }

    /** A responsible cadre and how many households they took of each kind. */
    static final class Cadre {
        private final String name;
        private final String idNumber;
        private final String rank;
        private final String unit;
        private final String level;
        private final String post;
        private final String phone;
        private int key;
        private int contact;

        private Cadre(String name, String idNumber, String rank, String unit, String level, String post,
                String phone) {
            this.name = name;
            this.idNumber = idNumber;
            this.rank = rank;
            this.unit = unit;
            this.level = level;
            this.post = post;
            this.phone = phone;
        }

        /** The n-th cadre: from the village's unit (two in three) or its township, mostly of section rank or below. */
        static Cadre next(int n, Unit unit, String township, Random random) {
            int roll = random.nextInt(100);
            String rank = roll < 2 ? "BUREAU" : roll < 10 ? "DIVISION" : roll < 60 ? "SECTION" : "OTHER";
            boolean fromUnit = random.nextInt(3) != 0;
            String post = switch (rank) {
                case "BUREAU" -> "副厅长";
                case "DIVISION" -> "处长";
                case "SECTION" -> List.of("科长", "副科长", "主任科员").get(random.nextInt(3));
                default -> List.of("科员", "干部", "办事员").get(random.nextInt(3));
            };
            return new Cadre(Names.person(1000 + n), idNumber(n, random), rank,
                    fromUnit ? unit.name() : township + "人民政府", fromUnit ? unit.level() : "TOWNSHIP", post,
                    "13" + (5 + random.nextInt(5)) + String.format("%08d", random.nextInt(100_000_000)));
        }

        /** A valid 居民身份证号 of 秦州区 for a cadre born 1966–1995. */
        static String idNumber(int n, Random random) {
            LocalDate born = LocalDate.of(1966 + random.nextInt(30), 1, 1).plusDays(random.nextInt(365));
            String body = "620502" + born.toString().replace("-", "") + String.format("%03d", n % 1000);
            return body + IdNumber.checkCharacter(body);
        }

        /** Whether the cadre may take one more household of the kind within the default quotas of their rank. */
        boolean takes(String kind) {
            int quota = switch (rank) {
                case "BUREAU" -> "KEY".equals(kind) ? 4 : 3;
                case "DIVISION" -> "KEY".equals(kind) ? 3 : 4;
                default -> "KEY".equals(kind) ? 2 : 3;
            };
            return ("KEY".equals(kind) ? key : contact) < quota;
        }

        void take(String kind) {
            if ("KEY".equals(kind)) {
                key++;
            } else {
                contact++;
            }
        }

        String name() {
            return name;
        }

        String idNumber() {
            return idNumber;
        }

        String rank() {
            return rank;
        }

        String unit() {
            return unit;
        }

        String level() {
            return level;
        }

        String post() {
            return post;
        }

        String phone() {
            return phone;
        }
    }

    /** The township's name as the registry gives it with the household, or a plain 乡镇. */
    static String township(Household household) {
        return household.region() != null && household.region().path().size() >= 5
                ? household.region().path().get(3) : "乡镇";
    }

    /**
     * Each team village's three-year plan (2024–2026) and its yearly plans for 2025 (completed) and 2026, and the
     * plans of the villages handed over (the first unit's abandoned, the next unit's for 2025–2027), with their
     * progress each half year.
     */
    private static List<RecordCase> villagePlans(County county, Map<String, String> links, List<String> teamVillages,
            Random random, LocalDate today) {
        List<RecordCase> records = new ArrayList<>();
        List<String> villages = county.villages();
        for (int i = 0; i < villages.size(); i++) {
            String village = villages.get(i);
            boolean team = teamVillages.contains(village);
            if (!team && !county.handedOver(village, today)) {
                continue;
            }
            String unit = links.get(village);
            long poor = county.households(village).stream().filter(h -> KEY.contains(h.status())).count();
            if (county.handedOver(village, today)) {
                // the plan of the unit that handed the village over ends with its link; the new unit plans anew
                RecordCase first = plan(village, "THREE_YEAR", previousUnit(unit), 2024, 2026, poor, random, today);
                List<RecordStep> steps = new ArrayList<>(first.steps().stream()
                        .filter(s -> s.on().isBefore(HANDOVER)).toList());
                steps.add(RecordStep.action("abandon", HANDOVER, Map.of(), "包村单位调整，由新单位重新制定规划"));
                records.add(new RecordCase(first.type(), village, first.createdOn(), first.data(), steps));
                records.add(plan(village, "THREE_YEAR", unit, 2025, 2027, poor, random, today));
            } else {
                records.add(plan(village, "THREE_YEAR", unit, 2024, 2026, poor, random, today));
            }
            if (team) {
                records.add(plan(village, "YEARLY", unit, 2025, 2025, (poor + 1) / 2, random, today));
                records.add(plan(village, "YEARLY", unit, 2026, 2026, poor - (poor + 1) / 2, random, today));
            }
        }
        return records;
    }

    private static RecordCase plan(String village, String kind, String unit, int from, int to, long exitTarget,
            Random random, LocalDate today) {
        LocalDate created = from == 2024 ? LINKED.plusDays(20) : "THREE_YEAR".equals(kind)
                ? HANDOVER.plusDays(10) : LocalDate.of(from, 1, 10 + random.nextInt(10));
        List<RecordStep> steps = new ArrayList<>();
        long left = exitTarget;
        for (int year = from; year <= to; year++) {
            for (int month : new int[] {6, 12}) {
                LocalDate on = LocalDate.of(year, month, 25);
                long exited = Math.min(left, Math.round(exitTarget / (2.0 * (to - from + 1)) + random.nextInt(2)));
                left -= exited;
                if (!on.isAfter(today) && !on.isBefore(created)) {
                    steps.add(RecordStep.entry("progress", on, Map.of("exited", exited, "note",
                            exited > 0 ? "按计划退出" : "本期无退出户"), null));
                }
            }
        }
        LocalDate end = LocalDate.of(to, 12, 31);
        if ("YEARLY".equals(kind) && !end.isAfter(today)) {
            steps.add(RecordStep.action("complete", end, Map.of(), null));
        }
        BigDecimal income = BigDecimal.valueOf(7000L + 500L * random.nextInt(8));
        return new RecordCase(PairingRules.VILLAGE_PLAN, village, created, Map.of("planKind", kind, "unit", unit,
                "fromYear", from, "toYear", to, "exitTarget", exitTarget, "incomeTarget", income, "fundTarget",
                BigDecimal.valueOf(200_000L + 50_000L * random.nextInt(20))), steps);
    }

    /**
     * A project in one village in ten (six at least), planned a month apart up to a month ago: started six weeks after
     * it was planned, paid out in instalments, finished five to eight months later — the latest still planned or
     * under way.
     */
    private static List<RecordCase> projects(County county, Map<String, String> links, Random random,
            LocalDate today) {
        String[][] kinds = {{"ROAD", "村组道路硬化"}, {"WATER", "安全饮水巩固提升"}, {"INDUSTRY", "花椒种植基地"},
            {"INDUSTRY", "肉牛养殖小区"}, {"HOUSING", "农户危房加固"}, {"EDUCATION", "村小学操场改造"},
            {"HEALTH", "村卫生室标准化建设"}, {"TRAINING", "劳务技能培训"}, {"OTHER", "村级活动阵地建设"}};
        List<RecordCase> records = new ArrayList<>();
        List<String> villages = county.villages();
        int count = Math.min(villages.size(), Math.max(6, villages.size() / 10));
        int spacing = Math.max(30, Math.min(120, 800 / Math.max(1, count)));
        for (int k = 0; k < count; k++) {
            String village = villages.get(k * villages.size() / count);
            String[] kind = kinds[random.nextInt(kinds.length)];
            long budget = 50_000L + 10_000L * random.nextInt(75);
            LocalDate planned = today.minusDays(30L + (long) (count - 1 - k) * spacing);
            LocalDate started = planned.plusDays(45);
            LocalDate finished = started.plusDays(150 + random.nextInt(100));
            List<RecordStep> steps = new ArrayList<>();
            if (!started.isAfter(today)) {
                steps.add(RecordStep.action("start", started, Map.of("startedOn", started.toString()), null));
                for (int i = 1; i <= 3; i++) {
                    LocalDate paid = started.plusDays(i * 45L);
                    if (paid.isBefore(finished) && !paid.isAfter(today)) {
                        steps.add(RecordStep.entry("spending", paid, Map.of("amount", BigDecimal.valueOf(budget / 4),
                                "purpose", i == 1 ? "预付工程款" : "工程进度款"), null));
                    }
                }
                if (!finished.isAfter(today)) {
                    steps.add(RecordStep.action("finish", finished, Map.of("finishedOn", finished.toString()), null));
                }
            }
            records.add(new RecordCase(PairingRules.PROJECT, village, planned, Map.of("unit", links.get(village),
                    "projectName", county.villageName(village) + kind[1], "projectKind", kind[0], "budget",
                    BigDecimal.valueOf(budget)), steps));
        }
        return records;
    }

    /** Each unit's assessment for 2025, scored at the end of the year. */
    private static List<RecordCase> assessments(String county, Random random, LocalDate today) {
        LocalDate scored = LocalDate.of(2025, 12, 28);
        List<RecordCase> records = new ArrayList<>();
        if (scored.isAfter(today)) {
            return records;
        }
        for (Unit unit : UNIT_LIST) {
            records.add(new RecordCase(PairingRules.ASSESSMENT, county, scored, Map.of("unit", unit.name(), "year",
                    2025, "presence", score(random), "visits", score(random), "plans", score(random), "exits",
                    score(random)), List.of()));
        }
        return records;
    }

    /** The first {@value #ASSESSED_CADRES} cadres paired with households, assessed for 2025 with the units. */
    private static List<RecordCase> cadreAssessments(String county, List<RecordCase> made, Random random,
            LocalDate today) {
        LocalDate scored = LocalDate.of(2025, 12, 28);
        List<RecordCase> records = new ArrayList<>();
        if (scored.isAfter(today)) {
            return records;
        }
        Map<Object, Object> cadres = new LinkedHashMap<>();
        made.stream().filter(r -> PairingRules.PAIRING.equals(r.type()) && !r.createdOn().isAfter(scored))
                .forEach(r -> cadres.putIfAbsent(r.data().get("cadreId"), r.data().get("cadreName")));
        cadres.entrySet().stream().limit(ASSESSED_CADRES).forEach(cadre -> records.add(new RecordCase(
                PairingRules.CADRE_ASSESSMENT, county, scored, Map.of("cadreName", cadre.getValue(), "cadreId",
                        cadre.getKey(), "year", 2025, "presence", score(random), "visits", score(random), "plans",
                        score(random), "exits", score(random)), List.of())));
        return records;
    }

    private static BigDecimal score(Random random) {
        return BigDecimal.valueOf(600 + random.nextInt(395), 1);
    }

    // ---- the household plans ----

    /**
     * About {@value #MAX_CASES} plans of households of the team villages: drawn up by the cadre, signed, approved by
     * the township and carried out within the year; some sent back once for revision, a few cancelled, the latest
     * still under way.
     */
    @Override
    public List<Case> cases(List<Candidate> candidates, Random random, LocalDate today) {
        County county = County.of(candidates.stream().map(Candidate::household).toList());
        Set<String> teamVillages = Set.copyOf(county.poorest(TEAMS));
        List<Household> households = candidates.stream().map(Candidate::household)
                .filter(h -> teamVillages.contains(h.villageCode())).toList();
        List<Case> cases = new ArrayList<>();
        int step = Math.max(1, households.size() / MAX_CASES);
        int count = Math.min(MAX_CASES, (households.size() + step - 1) / step);
        LocalDate first = LocalDate.of(2025, 3, 1);
        long span = Math.max(0, today.toEpochDay() - 2 - first.toEpochDay());
        for (int i = 0, n = 0; i < households.size() && n < count; i += step, n++) {
            // filed in turn from March 2025 to two days ago, so that the latest are still being drawn up and signed
            LocalDate filed = first.plusDays(span * n / Math.max(1, count - 1));
            plan(households.get(i), filed, random, today).ifPresent(cases::add);
        }
        cases.sort(Comparator.comparing(Case::filedOn));
        return cases;
    }

    private static java.util.Optional<Case> plan(Household household, LocalDate filed, Random random,
            LocalDate today) {
        String signer = household.head().or(() -> household.members().stream().findFirst()).map(Member::id)
                .orElse(null);
        if (signer == null || filed.isAfter(today)) {
            return java.util.Optional.empty();
        }
        Measure main = mainMeasure(household, random);
        Map<String, Object> data = new LinkedHashMap<>();
        for (Measure measure : Measure.values()) {
            data.put(measure.field(), measure == main || random.nextInt(6) == 0);
        }
        data.put("mainMeasure", main.name());
        data.put("targetIncome", BigDecimal.valueOf(6000L + 500L * random.nextInt(13)));
        data.put("targetYear", filed.getYear() + random.nextInt(2));
        Timeline timeline = new Timeline(today);
        LocalDate signed = filed.plusDays(3 + random.nextInt(8));
        timeline.add("confirm", signed, Map.of("signer", signer, "signedOn", signed.toString()), null);
        int roll = random.nextInt(100);
        LocalDate reviewed = signed.plusDays(5 + random.nextInt(10));
        if (roll < 6) {
            timeline.add("cancel", reviewed, Map.of(), "农户举家外出务工，计划另行制定");
            return java.util.Optional.of(new Case(household.id(), filed, data, timeline.actions()));
        }
        if (roll < 16) {
            timeline.add("revise", reviewed, Map.of(), "措施与致贫原因不符，退回修改");
            signed = reviewed.plusDays(4 + random.nextInt(6));
            timeline.add("confirm", signed, Map.of("signer", signer, "signedOn", signed.toString()), null);
            reviewed = signed.plusDays(5 + random.nextInt(10));
        }
        timeline.add("approve", reviewed, Map.of(), null);
        LocalDate done = reviewed.plusDays(90 + random.nextInt(200));
        // each measure of the approved plan, carried out with the plan; none of them linked to an application here,
        // since the demo files no program's applications for it (a county links them as they are filed)
        List<RecordCase> measures = new ArrayList<>();
        if (!reviewed.isAfter(today)) {
            for (Measure measure : Measure.values()) {
                if (Boolean.TRUE.equals(data.get(measure.field()))) {
                    measures.add(new RecordCase(PairingRules.MEASURE, null, reviewed, Map.of("measureKind",
                            measure.name()), done.isAfter(today) ? List.of()
                                    : List.of(RecordStep.action("complete", done, Map.of(), null))));
                }
            }
        }
        timeline.add("complete", done, Map.of("doneOn", done.toString(), "result", switch (main) {
            case TRAINING -> "参加技能培训并取得证书";
            case CREDIT -> "获得扶贫小额信贷，发展养殖";
            case INDUSTRY -> "落实产业奖补，种植养殖见效";
            case EMPLOYMENT -> "家庭劳动力稳定外出务工";
            case PUBLIC_WELFARE_JOB -> "安排村级公益岗位";
            case MEDICAL -> "落实慢病签约和医疗救助";
            case EDUCATION -> "子女享受教育资助";
            case HOUSING -> "完成危房改造并入住";
            case RELOCATION -> "搬迁入住安置点";
        }), null);
        return java.util.Optional.of(new Case(household.id(), filed, data, timeline.actions(), measures));
    }

    /** The measure that answers the household's main cause of poverty. */
    static Measure mainMeasure(Household household, Random random) {
        if (household.mainCause() == null) {
            return Measure.INDUSTRY;
        }
        return switch (household.mainCause()) {
            case ILLNESS -> Measure.MEDICAL;
            case DISABILITY -> random.nextBoolean() ? Measure.MEDICAL : Measure.PUBLIC_WELFARE_JOB;
            case EDUCATION -> Measure.EDUCATION;
            case DISASTER -> Measure.HOUSING;
            case LACK_OF_SKILLS -> Measure.TRAINING;
            case LACK_OF_FUNDS -> Measure.CREDIT;
            case LACK_OF_LABOUR -> Measure.PUBLIC_WELFARE_JOB;
            case LACK_OF_MOTIVATION -> Measure.EMPLOYMENT;
            default -> Measure.INDUSTRY;
        };
    }

    // ---- the county as the demo sees it ----

    /** The served households of the demo county by village (in code order), and what follows from them. */
    record County(String code, TreeMap<String, List<Household>> byVillage) {
        static County of(List<Household> households) {
            TreeMap<String, List<Household>> byVillage = new TreeMap<>();
            for (Household household : households) {
                byVillage.computeIfAbsent(household.villageCode(), v -> new ArrayList<>()).add(household);
            }
            String code = byVillage.isEmpty() ? "620502" : byVillage.firstKey().substring(0, 6);
            return new County(code, byVillage);
        }

        List<String> villages() {
            return List.copyOf(byVillage.keySet());
        }

        List<Household> households(String village) {
            return byVillage.getOrDefault(village, List.of());
        }

        /** One village in 45 was handed from one unit to the next in mid-2025. */
        boolean handedOver(String village, LocalDate today) {
            return villages().indexOf(village) % 45 == 7 && !HANDOVER.isAfter(today);
        }

        /** The village's name as the registry gives it with its households, or its code. */
        String villageName(String village) {
            return households(village).stream().map(Household::region)
                    .filter(r -> r != null && r.path().size() >= 5).map(r -> r.path().get(4)).findFirst()
                    .orElse(village);
        }

        /** The township's name as the registry gives it with the village's households, or a plain 乡镇. */
        String townshipOf(String village) {
            return households(village).stream().findFirst().map(PairingDemo::township).orElse("乡镇");
        }

        List<String> townships() {
            return byVillage.keySet().stream().map(v -> v.substring(0, 9)).distinct().toList();
        }

        /** Each village's unit: {@value #UNITS} units taking blocks of neighbouring villages in code order. */
        Map<String, String> links() {
            Map<String, String> links = new LinkedHashMap<>();
            List<String> villages = villages();
            for (int i = 0; i < villages.size(); i++) {
                links.put(villages.get(i), UNIT_LIST.get(i * UNIT_LIST.size() / villages.size()).name());
            }
            return links;
        }

        /** The villages with the largest share of households not yet lifted out (of those with 20 or more). */
        List<String> poorest(int count) {
            return byVillage.entrySet().stream().filter(e -> e.getValue().size() >= 20)
                    .sorted(Comparator.comparingDouble((Map.Entry<String, List<Household>> e) -> -share(e.getValue()))
                            .thenComparing(Map.Entry::getKey))
                    .limit(count).map(Map.Entry::getKey).sorted().toList();
        }

        List<String> poorestTownships(int count) {
            Map<String, Long> poor = new TreeMap<>();
            byVillage.forEach((village, households) -> poor.merge(village.substring(0, 9),
                    households.stream().filter(h -> KEY.contains(h.status())).count(), Long::sum));
            return poor.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                    .thenComparing(Map.Entry.comparingByKey())).limit(count).map(Map.Entry::getKey).toList();
        }

        private static double share(List<Household> households) {
            return households.stream().filter(h -> KEY.contains(h.status())).count() / (double) households.size();
        }
    }
}
