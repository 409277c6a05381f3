package org.fupin.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

/**
 * One folder per kind: configurations come from conf/ alone (one file per PID, so no watcher thread can override
 * another) and deleting the file returns the component to its built-in defaults; a .cfg dropped into deploy/
 * changes nothing and is reported.
 */
@Timeout(60)
class ConfigurationIT {
    private static final String PID = "org.fupin.health";

    @Test
    void aFileInConfIsTheConfigurationAndDeletingItReturnsToTheDefaults(@InjectBundleContext BundleContext context,
            @InjectService ConfigurationAdmin configurations) throws Exception {
        Path file = Path.of(context.getProperty("felix.fileinstall.dir")).resolve(PID + ".cfg");
        Files.writeString(file, "timeoutMillis=4321\n");
        try {
            Configuration applied = await(configurations, c -> c != null
                    && Integer.valueOf(4321).equals(Integer.valueOf(String.valueOf(c.getProperties().get("timeoutMillis")))));
            assertTrue(String.valueOf(applied.getProperties().get("felix.fileinstall.filename")).endsWith(PID + ".cfg"));
        } finally {
            Files.delete(file);
        }
        assertNull(await(configurations, c -> c == null), "the configuration goes with its file");
    }

    @Test
    void aConfigurationFileInTheDeployFolderIsIgnoredAndReported(@InjectBundleContext BundleContext context,
            @InjectService ConfigurationAdmin configurations) throws Exception {
        Api admin = Api.admin(context);
        Path file = Path.of(context.getProperty("fupin.deploy.dir")).resolve(PID + ".cfg");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "timeoutMillis=999\n");
        try {
            var reported = admin.await("/api/v1/admin/bundles",
                    r -> r.body().contains("\"source\":\"" + PID + ".cfg\""), Duration.ofSeconds(10));
            assertTrue(reported.body().contains("ignored: configuration files belong in conf/"), reported.body());
            Thread.sleep(1_000); // four polls of the deploy folder's watcher
            assertNull(configuration(configurations), "a .cfg in deploy/ is not applied");
        } finally {
            Files.delete(file);
        }
    }

    private static Configuration configuration(ConfigurationAdmin configurations) throws Exception {
        Configuration[] found = configurations.listConfigurations("(service.pid=" + PID + ")");
        return found == null ? null : found[0];
    }

    private static Configuration await(ConfigurationAdmin configurations, Predicate<Configuration> condition)
            throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        Configuration current = configuration(configurations);
        while (!condition.test(current)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("configuration " + PID + " is " + (current == null ? "absent"
                        : current.getProperties()));
            }
            Thread.sleep(100);
            current = configuration(configurations);
        }
        return current;
    }

    @Test
    void theShippedDefaultsAreApplied(@InjectService ConfigurationAdmin configurations) throws Exception {
        Configuration[] jersey = configurations.listConfigurations("(jersey.context.path=/api/v1)");
        assertEquals(1, jersey == null ? 0 : jersey.length);
    }
}
