package org.fupin.registry.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.fupin.registry.api.PlatformClock;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform clock: the system clock, moved by {@code offsetDays} where the framework property
 * {@value #ADJUSTABLE} is {@code true} (integration tests and rehearsals walk through notice periods and overdue
 * dates this way); elsewhere an offset is refused with a warning, so a production platform always runs on real time.
 * The offset changes without restarting anything that uses the clock.
 */
@Component(service = PlatformClock.class, configurationPid = ConfiguredPlatformClock.PID)
@Designate(ocd = ConfiguredPlatformClock.Config.class)
public class ConfiguredPlatformClock implements PlatformClock {
    static final String PID = "org.fupin.clock";
    static final String ADJUSTABLE = "fupin.clock.adjustable";
    private static final Logger LOG = LoggerFactory.getLogger(ConfiguredPlatformClock.class);

    @ObjectClassDefinition(name = "Fupin platform clock", description = "Only for tests: see " + ADJUSTABLE)
    public @interface Config {
        @AttributeDefinition(name = "Days to move the clock ahead (negative: back)")
        int offsetDays() default 0;
    }

    private final boolean adjustable;
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return CHINA;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.offset(Clock.system(zone), offset);
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }
    };
    private volatile Duration offset = Duration.ZERO;

    @Activate
    public ConfiguredPlatformClock(BundleContext context, Config config) {
        this.adjustable = Boolean.parseBoolean(context.getProperty(ADJUSTABLE));
        modified(config);
    }

    @Modified
    void modified(Config config) {
        if (config.offsetDays() != 0 && !adjustable) {
            LOG.warn("The platform clock runs on real time: offsetDays={} of {} is ignored unless the framework "
                    + "property {} is true", config.offsetDays(), PID, ADJUSTABLE);
            offset = Duration.ZERO;
            return;
        }
        offset = Duration.ofDays(config.offsetDays());
        if (!offset.isZero()) {
            LOG.warn("The platform clock is moved {} days: today is {}", config.offsetDays(), today());
        }
    }

    @Override
    public Clock clock() {
        return clock;
    }
}
