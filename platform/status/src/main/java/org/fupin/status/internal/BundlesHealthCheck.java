package org.fupin.status.internal;

import org.apache.felix.hc.api.FormattingResultLog;
import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.Result;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Every platform bundle active with all its components satisfied (critical otherwise: a feature is down), and every
 * plugin running (a broken plugin is a warning: the other programs keep serving).
 */
@Component(property = { HealthCheck.NAME + "=" + BundlesHealthCheck.NAME, HealthCheck.TAGS + "=ready" })
public class BundlesHealthCheck implements HealthCheck {
    static final String NAME = "bundles";

    private final BundleInspector inspector;

    @Activate
    public BundlesHealthCheck(@Reference BundleInspector inspector) {
        this.inspector = inspector;
    }

    @Override
    public Result execute() {
        var log = new FormattingResultLog();
        var bundles = inspector.bundles();
        var problems = inspector.problems(bundles);
        for (Problem problem : problems) {
            if (problem.platform()) {
                log.critical("平台组件 {}：{}", problem.source(), problem.message());
            } else {
                log.warn("插件 {}：{}", problem.source(), problem.message());
            }
        }
        long active = bundles.stream().filter(b -> "ACTIVE".equals(b.state())).count();
        log.info("{} 个组件中 {} 个已启动", bundles.size(), active);
        return new Result(log);
    }
}
