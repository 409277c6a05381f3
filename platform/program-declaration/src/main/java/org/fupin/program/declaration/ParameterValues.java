package org.fupin.program.declaration;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fupin.program.api.ParameterDefinition;
import org.fupin.program.api.Parameters;
import org.fupin.program.api.ProgramDefinition;

/**
 * The parameter values in force for one region and year: the county's override from the latest year not after the
 * asked year, else the province's, else the program's default. The platform resolves every rule's parameters this
 * way; a plugin's tests use the same class.
 */
public final class ParameterValues implements Parameters {
    /** One value and where it comes from: {@code default}, {@code province} or {@code county}. */
    public record InForce(ParameterDefinition definition, BigDecimal value, String source, String region,
            Integer fromYear) {
    }

    /**
     * A value set by a province (2-digit region) or a county (6-digit region), in force from {@code fromYear} until
     * a later override of the same region.
     */
    public record RegionValue(String region, int fromYear, String name, BigDecimal value) {
    }

    private final Map<String, InForce> values = new LinkedHashMap<>();

    public ParameterValues(ProgramDefinition definition, List<RegionValue> overrides, String region, int year) {
        String province = region.length() >= 2 ? region.substring(0, 2) : null;
        String county = region.length() >= 6 ? region.substring(0, 6) : null;
        for (ParameterDefinition parameter : definition.parameters()) {
            InForce inForce = latest(overrides, parameter, county, year, "county")
                    .or(() -> latest(overrides, parameter, province, year, "province"))
                    .orElse(new InForce(parameter, parameter.defaultValue(), "default", null, null));
            values.put(parameter.name(), inForce);
        }
    }

    private static java.util.Optional<InForce> latest(List<RegionValue> overrides,
            ParameterDefinition parameter, String region, int year, String source) {
        if (region == null) {
            return java.util.Optional.empty();
        }
        return overrides.stream()
                .filter(o -> o.name().equals(parameter.name()) && o.region().equals(region) && o.fromYear() <= year)
                .max(Comparator.comparingInt(RegionValue::fromYear))
                .map(o -> new InForce(parameter, o.value(), source, o.region(), o.fromYear()));
    }

    @Override
    public BigDecimal value(String name) {
        InForce inForce = values.get(name);
        if (inForce == null) {
            throw new IllegalArgumentException("parameter " + name + " is not declared by the program");
        }
        return inForce.value();
    }

    public List<InForce> all() {
        return List.copyOf(values.values());
    }
}
