package org.fupin.programs.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.fupin.program.api.Field;
import org.fupin.program.api.Form;
import org.fupin.program.api.HouseholdField;
import org.fupin.program.api.Limit;
import org.fupin.program.api.ParameterDefinition;
import org.fupin.program.api.RecordType;
import org.fupin.program.api.ReportDefinition;
import org.fupin.program.api.Workflow;
import org.fupin.program.declaration.ParameterValues;
import org.fupin.registry.model.LocalizedText;
import org.fupin.registry.model.Role;

/** The JSON shapes of the programs API (labels as {"zh","en"} so a client can render either language). */
final class ProgramViews {
    private ProgramViews() {
    }

    /**
     * A catalogue entry; {@code enabled} is for the asked county, absent when no county was asked. A program whose
     * plugin was removed is listed with {@code installed} false (and no description): its applications stay readable.
     */
    record Summary(String id, LocalizedText name, String agency, LocalizedText agencyName, LocalizedText description,
            String version, String bundle, Boolean enabled, boolean installed) {
    }

    /** One program in full, with the parameters in force for the asked region and year. */
    record Detail(String id, LocalizedText name, String agency, LocalizedText agencyName, LocalizedText description,
            String version, String bundle, Boolean enabled, String region, int year, List<Form> forms,
            Workflow workflow, List<ReportDefinition> reports, List<Parameter> parameters, List<Limit> limits,
            List<HouseholdFieldView> householdFields, List<RecordType> records) {
    }

    /** A field the program adds to every household's record, under {@code key} in its {@code extensions}. */
    record HouseholdFieldView(String key, Field field, Set<Role> editors) {
        static List<HouseholdFieldView> of(String programId, List<HouseholdField> fields) {
            return fields.stream().map(f -> new HouseholdFieldView(f.key(programId), f.field(),
                    new java.util.TreeSet<>(f.editors()))).toList();
        }
    }

    /** A parameter with its value in force and where that value comes from (default, province, county). */
    record Parameter(String name, ParameterDefinition.Type type, LocalizedText label, LocalizedText unit,
            BigDecimal defaultValue, BigDecimal min, BigDecimal max, BigDecimal value, String source, String region,
            Integer fromYear) {
        static List<Parameter> of(ParameterValues values) {
            return values.all().stream().map(p -> new Parameter(p.definition().name(), p.definition().type(),
                    p.definition().label(), p.definition().unit(), p.definition().defaultValue(),
                    p.definition().min(), p.definition().max(), p.value(), p.source(), p.region(), p.fromYear()))
                    .toList();
        }
    }

    /** A rule's reason in the caller's language. */
    record ReasonView(String rule, String field, String memberId, String message) {
    }

    static String in(LocalizedText text, Locale language) {
        return text == null ? null : text.in(language);
    }
}
