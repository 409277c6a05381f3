package org.fupin.demo.internal;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.fupin.accounts.api.Accounts;
import org.fupin.accounts.api.NewAccount;
import org.fupin.registry.api.Actor;
import org.fupin.registry.api.ConflictException;
import org.fupin.registry.api.RegionDirectory;
import org.fupin.registry.model.Role;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * With {@code --demo}: the demo accounts of the README, all with the password {@value #PASSWORD}. {@code admin}
 * (province administrator of 62 甘肃省) is the first administrator, which {@code bin/fupin --demo} has the accounts
 * bundle create with this password; the others are made here, each only if its name is free.
 */
@Component(immediate = true, service = {})
public class DemoAccounts {
    static final String PASSWORD = "fupin-demo";
    /** The agency of the 雨露计划 plugin (its descriptor's {@code agency}). */
    static final String YULU_AGENCY = "poverty-office";
    /** The agencies of the other shipped plugins: 农村危房改造, 易地扶贫搬迁, 产业扶贫, 扶贫小额信贷. */
    static final String HOUSING_AGENCY = "housing-bureau";
    static final String RELOCATION_AGENCY = "development-reform";
    static final String INDUSTRY_AGENCY = "agriculture-bureau";
    static final String MICROCREDIT_AGENCY = "rural-credit";

    private static final Logger LOG = LoggerFactory.getLogger(DemoAccounts.class);

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "fupin-demo-accounts"));

    /** In the background, like the first administrator: the writes may wait behind the demo county's import. */
    @Activate
    public DemoAccounts(BundleContext context, @Reference Accounts accounts, @Reference RegionDirectory regions) {
        if (Boolean.parseBoolean(context.getProperty("fupin.demo"))) {
            worker.execute(() -> create(accounts, regions));
        }
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        worker.shutdownNow();
        worker.awaitTermination(30, TimeUnit.SECONDS);
    }

    static void create(Accounts accounts, RegionDirectory regions) {
        var system = Actor.unrestricted("demo");
        for (NewAccount account : accounts(firstVillage(regions))) {
            if (accounts.find(account.username(), system).isPresent()) {
                continue;
            }
            try {
                accounts.create(account, system);
                LOG.info("Demo account '{}' ({}, {}) created", account.username(), account.roles(), account.region());
            } catch (ConflictException e) {
                // created meanwhile by another start on the same data folder
            }
        }
    }

    static List<NewAccount> accounts(String clerkVillage) {
        String county = DemoCounty.COUNTY;
        return List.of(
                new NewAccount("qinzhou", "秦州区扶贫办", PASSWORD, county, null, Set.of(Role.COUNTY_ADMIN)),
                new NewAccount("yulu", "雨露计划经办人", PASSWORD, county, YULU_AGENCY, Set.of(Role.PROGRAM_OFFICER)),
                new NewAccount("housing", "住建局危房改造经办人", PASSWORD, county, HOUSING_AGENCY,
                        Set.of(Role.PROGRAM_OFFICER)),
                new NewAccount("relocation", "发改局易地搬迁经办人", PASSWORD, county, RELOCATION_AGENCY,
                        Set.of(Role.PROGRAM_OFFICER)),
                new NewAccount("industry", "农业农村局产业扶贫经办人", PASSWORD, county, INDUSTRY_AGENCY,
                        Set.of(Role.PROGRAM_OFFICER)),
                new NewAccount("credit", "农信社小额信贷经办人", PASSWORD, county, MICROCREDIT_AGENCY,
                        Set.of(Role.PROGRAM_OFFICER)),
                new NewAccount("clerk", "村级信息员", PASSWORD, clerkVillage, null, Set.of(Role.VILLAGE_CLERK)),
                // a cadre of a county unit responsible for households (帮扶责任人): visits, attendance, 一户一策
                new NewAccount("cadre", "帮扶干部", PASSWORD, county, null, Set.of(Role.PAIRED_CADRE)),
                new NewAccount("auditor", "秦州区审计员", PASSWORD, county, null, Set.of(Role.AUDITOR)));
    }

    /**
     * The county's first village (村) by code, 620502101202 北崖村: the 居委会 before it are urban neighbourhoods,
     * which hold no registered poor households, so their clerk would have nothing to do.
     */
    static String firstVillage(RegionDirectory regions) {
        return DemoCounty.ruralVillages(regions).get(0);
    }
}
