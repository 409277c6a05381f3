package org.fupin.program.declaration.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import org.fupin.program.api.FieldType;
import org.fupin.program.api.Limit;
import org.fupin.program.api.ParameterDefinition;
import org.fupin.program.api.RecordType;
import org.fupin.program.api.ReportDefinition;
import org.fupin.registry.model.HouseholdStatus;
import org.fupin.registry.model.RegionLevel;
import org.fupin.registry.model.Role;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code PROGRAM-INF/program.json} as written (see {@code program.schema.json}): ids, types and numbers only, no
 * texts; every label comes from the messages by key.
 */
public record ProgramJson(@JsonProperty("$schema") String schema, String id, String agency, boolean rules,
        Set<HouseholdStatus> householdStatuses, List<FormJson> forms, WorkflowJson workflow,
        List<LimitJson> limits, List<ConflictJson> conflicts, List<ReportJson> reports,
        List<ParameterJson> parameters, List<HouseholdFieldJson> householdFields, List<RecordJson> records) {

    public record RecordJson(String id, RecordType.Attachment attachedTo, String form, Set<Role> editors,
            String initial, List<StateJson> states, List<TransitionJson> actions, List<EntryJson> entries,
            List<RecordLimitJson> limits, HouseholdPairingJson householdPairing) {
    }

    public record HouseholdPairingJson(String cadreName, String startDate, String cadreUnit, String cadrePost,
            String cadrePhone, String unitLevel) {
    }

    public record RecordLimitJson(String rule, String field, org.fupin.program.api.RecordLimit.Per per,
            List<String> states, java.math.BigDecimal max, String maxParameter, BalanceJson maxBalance,
            String perField, WhereJson where, ByFieldJson maxByField) {
    }

    public record WhereJson(String field, List<String> in) {
    }

    public record ByFieldJson(String field, java.util.Map<String, String> parameters) {
    }

    public record BalanceJson(String record, String plus, String minus, String timesParameter) {
    }

    public record EntryJson(String id, String form, String amountField) {
    }

    public record HouseholdFieldJson(String name, FieldType type, BigDecimal min, BigDecimal max,
            List<String> options, Set<Role> editors) {
    }

    public record ConflictJson(String rule, String program, List<String> states, List<String> actions,
            String record) {
    }

    public record FormJson(String id, List<FieldJson> fields) {
    }

    public record FieldJson(String name, FieldType type, boolean required, BigDecimal min, BigDecimal max,
            String pattern, List<String> options, RequiredWhenJson requiredWhen, String program) {
    }

    public record RequiredWhenJson(String field, List<String> in) {
    }

    public record ScheduleJson(Integer afterDays, String dateField) {
    }

    public record WorkflowJson(String initial, Set<Role> filers, List<StateJson> states,
            List<TransitionJson> transitions) {
    }

    public record StateJson(String id, String notice, boolean terminal, RegionLevel noticeLevel,
            boolean announcement, String deadline) {
    }

    public record TransitionJson(String action, List<String> from, String to, Set<Role> roles, RegionLevel level,
            String form, boolean reasonRequired, boolean afterNotice, boolean duringNotice, ScheduleJson schedule,
            GrantJson grant, Set<org.fupin.registry.model.Assurance> assures) {
    }

    /** A benefit the action grants: a parameter's amount, or the amount in a MONEY field of the action's form. */
    public record GrantJson(String amountParameter, String amountField) {
    }

    public record LimitJson(String rule, Limit.Measure measure, Limit.Per per, Limit.Within within, BigDecimal max,
            String maxParameter, String field) {
    }

    public record ReportJson(String id, ReportDefinition.Source source, List<DimensionJson> dimensions,
            List<ReportDefinition.Measure.Kind> measures, List<FieldMeasureJson> fieldMeasures,
            ReportDefinition.Chart chart, String record, String entry, List<String> states, MinimumJson minimum,
            boolean rank) {
    }

    public record MinimumJson(String measure, String parameter, boolean prorated) {
    }

    public record FieldMeasureJson(ReportDefinition.Measure.Kind kind, String field, String entry,
            List<String> states, java.util.LinkedHashMap<String, String> weights) {
    }

    public record DimensionJson(ReportDefinition.Dimension.Kind kind, String field) {
    }

    public record ParameterJson(String name, ParameterDefinition.Type type,
            @JsonProperty("default") BigDecimal defaultValue, BigDecimal min, BigDecimal max) {
    }
}
