package org.fupin.registry.api;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The one clock the platform runs on: what "today" and "now" mean for validation, workflow notices, rules, limits
 * and audit. The registry bundle provides it; no other bundle's {@link Clock} service changes it. Integration tests
 * move it (configuration {@code org.fupin.clock}, only where the framework allows it).
 */
@ProviderType
public interface PlatformClock {
    /** Dates are China's. */
    ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** The clock itself, in {@link #CHINA}: it follows the platform clock when that is moved. */
    Clock clock();

    default Instant now() {
        return clock().instant();
    }

    /** Today in China. */
    default LocalDate today() {
        return LocalDate.ofInstant(now(), CHINA);
    }
}
