package org.fupin.programs.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The time programs run on: the system clock, unless a {@link Clock} service is registered (integration tests
 * register one to move through notice periods). Dates are China's (Asia/Shanghai), instants UTC.
 */
@Component(service = PlatformClock.class)
public class PlatformClock {
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    // a field, not a constructor argument: the reference is optional and may come and go while we run
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Clock clock;

    public PlatformClock() {
    }

    PlatformClock(Clock fixed) {
        this.clock = fixed;
    }

    Instant now() {
        Clock current = clock;
        return current == null ? Instant.now() : current.instant();
    }

    LocalDate today() {
        return LocalDate.ofInstant(now(), CHINA);
    }
}
