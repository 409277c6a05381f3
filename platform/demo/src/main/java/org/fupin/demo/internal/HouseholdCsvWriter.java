package org.fupin.demo.internal;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.fupin.registry.api.AnnualIncome;
import org.fupin.registry.api.Assurances;
import org.fupin.registry.api.Ethnicities;
import org.fupin.registry.api.Household;
import org.fupin.registry.api.Housing;
import org.fupin.registry.api.Labelled;
import org.fupin.registry.api.LocalizedText;
import org.fupin.registry.api.Member;

/**
 * Writes households in the import format of {@code docs/import-format.md}: UTF-8 with a BOM, RFC 4180 (CRLF line
 * ends), Chinese headers and labels, one row per member. The household columns are filled on a household's first
 * row only; {@code 户编号} is the household's ordinal in the file. The format holds one income year per household:
 * the latest one is written. Rows go straight to the underlying writer, so any number of households can be written.
 */
public final class HouseholdCsvWriter implements Closeable, Flushable {
    private static final String KEY = "户编号";

    private record Column<T>(String header, Function<T, String> value) {
    }

    private static final List<Column<Household>> HOUSEHOLD_COLUMNS = List.of(
            new Column<>("村代码", Household::villageCode),
            new Column<>("村民小组", Household::villageGroup),
            new Column<>("联系电话", Household::phone),
            new Column<>("开户银行", Household::bankName),
            new Column<>("银行账号", Household::bankAccount),
            new Column<>("识别标准", h -> label(h.identificationStandard())),
            new Column<>("贫困户属性", h -> label(h.attribute())),
            new Column<>("主要致贫原因", h -> label(h.mainCause())),
            new Column<>("其他致贫原因", h -> labels(h.otherCauses())),
            new Column<>("户状态", h -> label(h.status())),
            new Column<>("识别年度", h -> text(h.identifiedYear())),
            housing("住房面积", h -> amount(h.area())),
            housing("房屋结构", h -> label(h.structure())),
            housing("建房年份", h -> text(h.builtYear())),
            housing("危房等级", h -> label(h.dangerGrade())),
            housing("是否通电", h -> yesNo(h.electricity())),
            housing("饮水情况", h -> label(h.water())),
            housing("燃料类型", h -> labels(h.fuels())),
            assurance("不愁吃", Assurances::food),
            assurance("不愁穿", Assurances::clothing),
            assurance("义务教育有保障", Assurances::compulsoryEducation),
            assurance("基本医疗有保障", Assurances::basicMedical),
            assurance("住房安全有保障", Assurances::safeHousing),
            assurance("饮水安全有保障", Assurances::safeWater),
            income("收入年度", i -> String.valueOf(i.year())),
            income("工资性收入", i -> amount(i.wage())),
            income("经营性收入", i -> amount(i.business())),
            income("转移性收入", i -> amount(i.transfer())),
            income("财产性收入", i -> amount(i.property())),
            income("生产经营支出", i -> amount(i.productionCost())));

    private static final List<Column<Member>> MEMBER_COLUMNS = List.of(
            new Column<>("姓名", Member::name),
            new Column<>("性别", m -> label(m.sex())),
            new Column<>("身份证号", Member::idNumber),
            new Column<>("与户主关系", m -> label(m.relation())),
            new Column<>("民族", m -> m.ethnicity() == null ? null
                    : Ethnicities.label(m.ethnicity()).map(LocalizedText::zh).orElse(m.ethnicity())),
            new Column<>("文化程度", m -> label(m.education())),
            new Column<>("在校生状况", m -> label(m.schoolStatus())),
            new Column<>("在校年级", m -> text(m.schoolGrade())),
            new Column<>("健康状况", m -> label(m.health())),
            new Column<>("残疾证号", Member::disabilityCertificate),
            new Column<>("劳动能力", m -> label(m.labourAbility())),
            new Column<>("务工状况", m -> label(m.workStatus())),
            new Column<>("务工月数", m -> text(m.workMonths())),
            new Column<>("享受低保", m -> yesNo(m.subsistenceAllowance())),
            new Column<>("参加医保", m -> yesNo(m.medicalInsurance())),
            new Column<>("参加养老保险", m -> yesNo(m.pensionInsurance())));

    /** The header row: 户编号, the household columns, the member columns, in the order of the format's tables. */
    public static final List<String> HEADERS = Stream.of(Stream.of(KEY),
            HOUSEHOLD_COLUMNS.stream().map(Column::header), MEMBER_COLUMNS.stream().map(Column::header))
            .flatMap(Function.identity()).toList();

    private final Writer out;
    private final StringBuilder row = new StringBuilder(1024);
    private long households;
    private long members;

    /** Writes the byte order mark and the header row to {@code out}, which should encode UTF-8. */
    public HouseholdCsvWriter(Writer out) throws IOException {
        this.out = out;
        out.write('\uFEFF');
        HEADERS.forEach(this::field);
        endRow();
    }

    /** A writer that encodes UTF-8 into {@code out}, buffered. */
    public static HouseholdCsvWriter utf8(OutputStream out) throws IOException {
        return new HouseholdCsvWriter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16));
    }

    /** Writes one row per member of the household; a household without members cannot be written. */
    public void write(Household household) throws IOException {
        if (household.members().isEmpty()) {
            throw new IllegalArgumentException("a household without members has no rows");
        }
        String key = Long.toString(++households);
        boolean first = true;
        for (Member member : household.members()) {
            field(key);
            for (Column<Household> column : HOUSEHOLD_COLUMNS) {
                field(first ? column.value().apply(household) : null);
            }
            for (Column<Member> column : MEMBER_COLUMNS) {
                field(column.value().apply(member));
            }
            endRow();
            first = false;
            members++;
        }
    }

    public long householdsWritten() {
        return households;
    }

    /** Data rows written so far: one per member. */
    public long membersWritten() {
        return members;
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    private void field(String value) {
        if (row.length() > 0) {
            row.append(',');
        }
        if (value == null || value.isEmpty()) {
            return;
        }
        if (needsQuotes(value)) {
            row.append('"').append(value.replace("\"", "\"\"")).append('"');
        } else {
            row.append(value);
        }
    }

    private static boolean needsQuotes(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                return true;
            }
        }
        return false;
    }

    private void endRow() throws IOException {
        row.append("\r\n");
        out.append(row);
        row.setLength(0);
    }

    private static Column<Household> housing(String header, Function<Housing, String> value) {
        return new Column<>(header, h -> h.housing() == null ? null : value.apply(h.housing()));
    }

    private static Column<Household> assurance(String header, Function<Assurances, Boolean> value) {
        return new Column<>(header, h -> h.assurances() == null ? null : yesNo(value.apply(h.assurances())));
    }

    private static Column<Household> income(String header, Function<AnnualIncome, String> value) {
        return new Column<>(header, h -> latestIncome(h).map(value).orElse(null));
    }

    private static Optional<AnnualIncome> latestIncome(Household household) {
        return household.incomes().stream().max(Comparator.comparingInt(AnnualIncome::year));
    }

    private static String label(Labelled value) {
        return value == null ? null : value.label().zh();
    }

    private static String labels(List<? extends Labelled> values) {
        return values.stream().map(v -> v.label().zh()).collect(Collectors.joining(";"));
    }

    private static String yesNo(boolean value) {
        return value ? "是" : "否";
    }

    private static String text(Integer value) {
        return value == null ? null : value.toString();
    }

    private static String amount(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
