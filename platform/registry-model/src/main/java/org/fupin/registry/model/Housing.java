package org.fupin.registry.model;

import java.math.BigDecimal;
import java.util.List;

/**
 * 住房与生活条件.
 *
 * @param area        住房面积 in m² (0 = no house of its own)
 * @param builtYear   建房年份
 * @param dangerGrade 危房等级 from the safety assessment
 * @param electricity 是否通生活用电
 * @param fuels       主要燃料, at most three
 */
public record Housing(BigDecimal area, HouseStructure structure, Integer builtYear, DangerGrade dangerGrade,
        boolean electricity, WaterSource water, List<Fuel> fuels) {
    public Housing {
        fuels = fuels == null ? List.of() : List.copyOf(fuels);
    }
}
