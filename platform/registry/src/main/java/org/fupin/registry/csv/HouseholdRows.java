package org.fupin.registry.csv;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.fupin.registry.api.ExtensionField;
import org.fupin.registry.model.AnnualIncome;
import org.fupin.registry.model.Ethnicities;
import org.fupin.registry.model.Household;
import org.fupin.registry.model.Labelled;
import org.fupin.registry.model.Member;

/**
 * Households as rows of the import format, what the CSV and the XLSX writer both write: one row per member, the
 * household's columns (and its extension fields, after every {@link Column}) on its first row only, Chinese labels. A row holds every {@link Column}'s value in order:
 * text as a {@code String}, a {@link Column#numeric() numeric} column's value as an {@code Integer} or a
 * {@code BigDecimal}, {@code null} when empty.
 */
final class HouseholdRows {
    private final List<ExtensionField> extensions;
    private long households;
    private long members;

    /** @param extensions the programs' household fields, in the order of their columns after the fixed ones */
    HouseholdRows(List<ExtensionField> extensions) {
        this.extensions = List.copyOf(extensions);
    }

    /** The household's rows; its key (户编号) is its registry id, or its position in the file when it has none. */
    List<List<Object>> of(Household h) {
        households++;
        members += h.members().size();
        String key = h.id() != null ? h.id() : String.valueOf(households);
        AnnualIncome income = h.incomes().isEmpty() ? null : h.incomes().get(h.incomes().size() - 1);
        var rows = new ArrayList<List<Object>>(h.members().size());
        boolean first = true;
        for (Member m : h.members()) {
            var row = new ArrayList<Object>(Column.values().length + extensions.size());
            for (Column column : Column.values()) {
                row.add(column == Column.KEY ? key
                        : column.householdLevel() && !first ? null : value(column, h, m, income));
            }
            for (ExtensionField field : extensions) {
                row.add(first ? ExtensionColumns.cell(field, h.extensions().get(field.key())) : null);
            }
            rows.add(row);
            first = false;
        }
        return rows;
    }

    long households() {
        return households;
    }

    long members() {
        return members;
    }

    private static Object value(Column column, Household h, Member m, AnnualIncome income) {
        var housing = h.housing();
        var assured = h.assurances();
        return switch (column) {
            case KEY -> throw new IllegalStateException("the key is set by of()");
            case VILLAGE -> h.villageCode();
            case GROUP -> h.villageGroup();
            case PHONE -> h.phone();
            case BANK -> h.bankName();
            case ACCOUNT -> h.bankAccount();
            case STANDARD -> label(h.identificationStandard());
            case ATTRIBUTE -> label(h.attribute());
            case MAIN_CAUSE -> label(h.mainCause());
            case OTHER_CAUSES -> labels(h.otherCauses());
            case STATUS -> label(h.status());
            case IDENTIFIED_YEAR -> h.identifiedYear();
            case AREA -> housing == null ? null : housing.area();
            case STRUCTURE -> housing == null ? null : label(housing.structure());
            case BUILT_YEAR -> housing == null ? null : housing.builtYear();
            case DANGER_GRADE -> housing == null ? null : label(housing.dangerGrade());
            case ELECTRICITY -> housing == null ? null : yes(housing.electricity());
            case WATER -> housing == null ? null : label(housing.water());
            case FUELS -> housing == null ? null : labels(housing.fuels());
            case FOOD -> assured == null ? null : yes(assured.food());
            case CLOTHING -> assured == null ? null : yes(assured.clothing());
            case EDUCATION_ASSURED -> assured == null ? null : yes(assured.compulsoryEducation());
            case MEDICAL_ASSURED -> assured == null ? null : yes(assured.basicMedical());
            case HOUSING_ASSURED -> assured == null ? null : yes(assured.safeHousing());
            case WATER_ASSURED -> assured == null ? null : yes(assured.safeWater());
            case INCOME_YEAR -> income == null ? null : income.year();
            case WAGE -> income == null ? null : income.wage();
            case BUSINESS -> income == null ? null : income.business();
            case TRANSFER -> income == null ? null : income.transfer();
            case PROPERTY -> income == null ? null : income.property();
            case PRODUCTION_COST -> income == null ? null : income.productionCost();
            case NAME -> m.name();
            case SEX -> label(m.sex());
            case ID_NUMBER -> m.idNumber();
            case RELATION -> label(m.relation());
            case ETHNICITY -> m.ethnicity() == null ? null
                    : Ethnicities.label(m.ethnicity()).map(l -> l.zh()).orElse(m.ethnicity());
            case EDUCATION -> label(m.education());
            case SCHOOL_STATUS -> label(m.schoolStatus());
            case SCHOOL_GRADE -> m.schoolGrade();
            case HEALTH -> label(m.health());
            case DISABILITY_CERTIFICATE -> m.disabilityCertificate();
            case LABOUR -> label(m.labourAbility());
            case WORK_STATUS -> label(m.workStatus());
            case WORK_MONTHS -> m.workMonths();
            case SUBSISTENCE -> yes(m.subsistenceAllowance());
            case MEDICAL_INSURANCE -> yes(m.medicalInsurance());
            case PENSION_INSURANCE -> yes(m.pensionInsurance());
        };
    }

    private static String label(Labelled value) {
        return value == null ? null : value.label().zh();
    }

    private static String labels(List<? extends Labelled> values) {
        return values.stream().map(v -> v.label().zh()).collect(Collectors.joining(";"));
    }

    private static String yes(boolean value) {
        return value ? "是" : "否";
    }
}
