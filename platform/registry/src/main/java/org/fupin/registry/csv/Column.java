package org.fupin.registry.csv;

/**
 * The columns of the household import format, CSV or XLSX (docs/import-format.md): the Chinese header, whether it
 * describes the household or the member, and the JSON field it fills (so a validation error on a field can name
 * its column).
 */
public enum Column {
    KEY("户编号", true, null, true),
    VILLAGE("村代码", true, "villageCode", true),
    GROUP("村民小组", true, "villageGroup", false),
    PHONE("联系电话", true, "phone", false),
    BANK("开户银行", true, "bankName", false),
    ACCOUNT("银行账号", true, "bankAccount", false),
    STANDARD("识别标准", true, "identificationStandard", true),
    ATTRIBUTE("贫困户属性", true, "attribute", true),
    MAIN_CAUSE("主要致贫原因", true, "mainCause", true),
    OTHER_CAUSES("其他致贫原因", true, "otherCauses", false),
    STATUS("户状态", true, "status", false),
    IDENTIFIED_YEAR("识别年度", true, "identifiedYear", false),
    AREA("住房面积", true, "housing.area", false),
    STRUCTURE("房屋结构", true, "housing.structure", false),
    BUILT_YEAR("建房年份", true, "housing.builtYear", false),
    DANGER_GRADE("危房等级", true, "housing.dangerGrade", false),
    ELECTRICITY("是否通电", true, "housing.electricity", false),
    WATER("饮水情况", true, "housing.water", false),
    FUELS("燃料类型", true, "housing.fuels", false),
    FOOD("不愁吃", true, "assurances.food", false),
    CLOTHING("不愁穿", true, "assurances.clothing", false),
    EDUCATION_ASSURED("义务教育有保障", true, "assurances.compulsoryEducation", false),
    MEDICAL_ASSURED("基本医疗有保障", true, "assurances.basicMedical", false),
    HOUSING_ASSURED("住房安全有保障", true, "assurances.safeHousing", false),
    WATER_ASSURED("饮水安全有保障", true, "assurances.safeWater", false),
    INCOME_YEAR("收入年度", true, "incomes[0].year", false),
    WAGE("工资性收入", true, "incomes[0].wage", false),
    BUSINESS("经营性收入", true, "incomes[0].business", false),
    TRANSFER("转移性收入", true, "incomes[0].transfer", false),
    PROPERTY("财产性收入", true, "incomes[0].property", false),
    PRODUCTION_COST("生产经营支出", true, "incomes[0].productionCost", false),
    NAME("姓名", false, "name", true),
    SEX("性别", false, "sex", true),
    ID_NUMBER("身份证号", false, "idNumber", true),
    RELATION("与户主关系", false, "relation", true),
    ETHNICITY("民族", false, "ethnicity", false),
    EDUCATION("文化程度", false, "education", false),
    SCHOOL_STATUS("在校生状况", false, "schoolStatus", false),
    SCHOOL_GRADE("在校年级", false, "schoolGrade", false),
    HEALTH("健康状况", false, "health", false),
    DISABILITY_CERTIFICATE("残疾证号", false, "disabilityCertificate", false),
    LABOUR("劳动能力", false, "labourAbility", false),
    WORK_STATUS("务工状况", false, "workStatus", false),
    WORK_MONTHS("务工月数", false, "workMonths", false),
    SUBSISTENCE("享受低保", false, "subsistenceAllowance", false),
    MEDICAL_INSURANCE("参加医保", false, "medicalInsurance", false),
    PENSION_INSURANCE("参加养老保险", false, "pensionInsurance", false);

    private final String header;
    private final boolean householdLevel;
    private final String field;
    private final boolean required;

    Column(String header, boolean householdLevel, String field, boolean required) {
        this.header = header;
        this.householdLevel = householdLevel;
        this.field = field;
        this.required = required;
    }

    public String header() {
        return header;
    }

    public boolean householdLevel() {
        return householdLevel;
    }

    /** The JSON field, relative to the household or (for member columns) to the member. */
    public String field() {
        return field;
    }

    public boolean required() {
        return required;
    }

    /**
     * Whether the column holds a quantity (an amount, an area, a year, a count): a number cell in XLSX. Every
     * other column is text, codes and ID numbers above all, whose digits a spreadsheet must never round.
     */
    public boolean numeric() {
        return switch (this) {
            case IDENTIFIED_YEAR, AREA, BUILT_YEAR, INCOME_YEAR, WAGE, BUSINESS, TRANSFER, PROPERTY, PRODUCTION_COST,
                    SCHOOL_GRADE, WORK_MONTHS -> true;
            default -> false;
        };
    }

    public static java.util.Optional<Column> byHeader(String header) {
        for (Column column : values()) {
            if (column.header.equals(header)) {
                return java.util.Optional.of(column);
            }
        }
        return java.util.Optional.empty();
    }

    /** The column a JSON field path belongs to ({@code members[2].idNumber} → 身份证号). */
    public static java.util.Optional<Column> byField(String path) {
        String relative = path.replaceFirst("^members\\[\\d+]\\.", "").replaceFirst("\\[\\d+]$", "");
        boolean member = path.startsWith("members[");
        for (Column column : values()) {
            if (column.field != null && column.householdLevel != member
                    && (column.field.equals(relative) || column.field.equals(path))) {
                return java.util.Optional.of(column);
            }
        }
        return java.util.Optional.empty();
    }
}
