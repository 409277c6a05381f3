package org.fupin.demo.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.fupin.jobs.api.Jobs;
import org.fupin.registry.api.Actor;
import org.fupin.registry.api.HouseholdQuery;
import org.fupin.registry.api.HouseholdRegistry;
import org.fupin.registry.api.RegionDirectory;
import org.fupin.registry.model.Region;
import org.fupin.registry.model.Role;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * With {@code --demo} ({@code fupin.demo=true}): fills an empty registry with the demo county 620502 秦州区 —
 * about 19,000 generated households in its real rural villages, the same on every machine (fixed seed).
 * Runs once, as a background job of the demo county administrator (so {@code /api/v1/jobs} has one to show), and
 * never touches a county that already has households.
 */
@Component(immediate = true, service = {})
public class DemoCounty {
    static final String COUNTY = "620502";
    static final int HOUSEHOLDS = 19_000;
    static final long SEED = 620502L;

    private static final Logger LOG = LoggerFactory.getLogger(DemoCounty.class);
    private static final Actor DEMO = new Actor("demo", COUNTY, null, Set.of(Role.COUNTY_ADMIN));

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "fupin-demo"));

    @Activate
    public DemoCounty(BundleContext context, @Reference HouseholdRegistry registry,
            @Reference RegionDirectory regions, @Reference Jobs jobs) {
        if (Boolean.parseBoolean(context.getProperty("fupin.demo"))) {
            worker.execute(() -> fillAsJob(registry, regions, jobs));
        }
    }

    private static void fillAsJob(HouseholdRegistry registry, RegionDirectory regions, Jobs jobs) {
        var existing = registry.search(new HouseholdQuery(COUNTY, null, null, null, null, 0, 1, null), DEMO);
        if (existing.total() > 0) {
            LOG.info("Demo county {} already has {} households; nothing to do", COUNTY, existing.total());
            return;
        }
        try {
            jobs.start("demo-county", DEMO, folder -> { }, context -> fill(registry, regions));
        } catch (java.io.IOException e) {
            LOG.error("The demo county could not be filled", e);
        }
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        worker.shutdownNow();
        worker.awaitTermination(30, TimeUnit.SECONDS);
    }

    /** Stores the demo county's households; what it did, as the job's result. */
    static Map<String, Object> fill(HouseholdRegistry registry, RegionDirectory regions) {
        long started = System.nanoTime();
        var villages = ruralVillages(regions);
        var households = new HouseholdGenerator(SEED, LocalDate.now(ZoneId.of("Asia/Shanghai")))
                .generate(villages, HOUSEHOLDS);
        var summary = registry.register(households, DEMO);
        LOG.info("Demo county {}: {} households stored, {} unchanged, {} rejected, in {} villages, {} ms", COUNTY,
                summary.stored(), summary.unchanged(), summary.rejected(), villages.size(),
                (System.nanoTime() - started) / 1_000_000);
        summary.problems().stream().limit(5).forEach(p -> LOG.warn("Demo household {} rejected: {} {}",
                p.index(), p.field(), p.reason().en()));
        return Map.of("county", COUNTY, "villages", villages.size(), "stored", summary.stored(), "unchanged",
                summary.unchanged(), "rejected", summary.rejected());
    }

    /** The county's 村民委员会 (registered poor households are rural); its 居委会 only if it has no village. */
    static List<String> ruralVillages(RegionDirectory regions) {
        var all = new ArrayList<Region>();
        for (Region township : regions.children(COUNTY)) {
            all.addAll(regions.children(township.code()));
        }
        var rural = all.stream().filter(v -> v.name().endsWith("村委会") || v.name().endsWith("村民委员会")).toList();
        return (rural.isEmpty() ? all : rural).stream().map(Region::code).toList();
    }
}
