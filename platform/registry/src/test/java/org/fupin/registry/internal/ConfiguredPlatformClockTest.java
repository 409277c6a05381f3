package org.fupin.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.lang.annotation.Annotation;
import java.time.LocalDate;

import org.fupin.registry.api.PlatformClock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.osgi.framework.BundleContext;

class ConfiguredPlatformClockTest {
    @ParameterizedTest(name = "adjustable {0}, offset {1}: {2} days ahead")
    @CsvSource({
            "true,  6,  6",
            "true,  -3, -3",
            "false, 6,  0",
            ",      6,  0",
            "true,  0,  0",
    })
    void theClockMovesOnlyWhereTheFrameworkAllowsIt(String adjustable, int offsetDays, int expectedDays) {
        BundleContext context = mock(BundleContext.class);
        when(context.getProperty(ConfiguredPlatformClock.ADJUSTABLE)).thenReturn(adjustable);

        var clock = new ConfiguredPlatformClock(context, config(offsetDays));

        assertEquals(LocalDate.now(PlatformClock.CHINA).plusDays(expectedDays), clock.today());
        assertEquals(PlatformClock.CHINA, clock.clock().getZone());
    }

    @ParameterizedTest(name = "moved to {0} while running")
    @CsvSource({ "10", "0" })
    void aNewOffsetTakesEffectWithoutARestart(int offsetDays) {
        BundleContext context = mock(BundleContext.class);
        when(context.getProperty(ConfiguredPlatformClock.ADJUSTABLE)).thenReturn("true");
        var clock = new ConfiguredPlatformClock(context, config(3));
        var view = clock.clock();

        clock.modified(config(offsetDays));

        assertEquals(LocalDate.now(PlatformClock.CHINA).plusDays(offsetDays), LocalDate.now(view));
    }

    static ConfiguredPlatformClock.Config config(int offsetDays) {
        return new ConfiguredPlatformClock.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return ConfiguredPlatformClock.Config.class;
            }

            @Override
            public int offsetDays() {
                return offsetDays;
            }
        };
    }
}
