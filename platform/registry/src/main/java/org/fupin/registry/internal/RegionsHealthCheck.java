package org.fupin.registry.internal;

import org.apache.felix.hc.api.FormattingResultLog;
import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.Result;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Ready once the whole division table is in, villages included: on a first start {@link RegistryStartup} loads its
 * 665,000 rows in the background, and a household of a village cannot be validated before.
 */
@Component(property = { HealthCheck.NAME + "=regions", HealthCheck.TAGS + "=ready" })
public class RegionsHealthCheck implements HealthCheck {
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile RegistryStore store;

    @Override
    public Result execute() {
        var log = new FormattingResultLog();
        RegistryStore current = store;
        if (current == null) {
            log.temporarilyUnavailable("正在准备登记库：迁移数据结构、加载省至乡镇级区划");
        } else if (!current.villagesLoaded()) {
            log.temporarilyUnavailable("正在加载村级区划");
        } else {
            log.info("区划表已加载（{}）", RegionLoader.DATASET);
        }
        return new Result(log);
    }
}
