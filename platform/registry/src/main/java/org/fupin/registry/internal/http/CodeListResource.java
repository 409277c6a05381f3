package org.fupin.registry.internal.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fupin.registry.model.CadreUnitLevel;
import org.fupin.registry.model.Cause;
import org.fupin.registry.model.DangerGrade;
import org.fupin.registry.model.Education;
import org.fupin.registry.model.Ethnicities;
import org.fupin.registry.model.Fuel;
import org.fupin.registry.model.HealthStatus;
import org.fupin.registry.model.HouseStructure;
import org.fupin.registry.model.HouseholdAttribute;
import org.fupin.registry.model.HouseholdStatus;
import org.fupin.registry.model.IdentificationStandard;
import org.fupin.registry.model.Labelled;
import org.fupin.registry.model.LabourAbility;
import org.fupin.registry.model.MemberChangeReason;
import org.fupin.registry.model.Relation;
import org.fupin.registry.model.SchoolStatus;
import org.fupin.registry.model.Sex;
import org.fupin.registry.model.WaterSource;
import org.fupin.registry.model.WorkStatus;
import org.fupin.web.api.ApiResource;
import org.osgi.service.component.annotations.Component;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /api/v1/codes}: every registry code list with its stable codes and zh-CN/en labels. */
@Component(service = CodeListResource.class)
@ApiResource
@Path("codes")
@Produces(MediaType.APPLICATION_JSON)
public class CodeListResource {
    public record Code(String code, String zh, String en) {
    }

    private static final List<Class<? extends Enum<? extends Labelled>>> LISTS = List.of(Cause.class,
            HouseholdAttribute.class, IdentificationStandard.class, HouseholdStatus.class, Sex.class, Relation.class,
            Education.class, SchoolStatus.class, HealthStatus.class, LabourAbility.class, WorkStatus.class,
            HouseStructure.class, DangerGrade.class, WaterSource.class, Fuel.class, CadreUnitLevel.class,
            MemberChangeReason.class);

    private final Map<String, List<Code>> codes = build();

    @GET
    public Map<String, List<Code>> all() {
        return codes;
    }

    private static Map<String, List<Code>> build() {
        var all = new LinkedHashMap<String, List<Code>>();
        for (var list : LISTS) {
            var values = new ArrayList<Code>();
            for (var constant : list.getEnumConstants()) {
                var label = ((Labelled) constant).label();
                values.add(new Code(constant.name(), label.zh(), label.en()));
            }
            all.put(list.getSimpleName(), List.copyOf(values));
        }
        var ethnicities = new ArrayList<Code>();
        Ethnicities.all().forEach((code, label) -> ethnicities.add(new Code(code, label.zh(), label.en())));
        all.put("Ethnicity", List.copyOf(ethnicities));
        return java.util.Collections.unmodifiableMap(all);
    }
}
