package org.fupin.accounts.internal;

import java.security.SecureRandom;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.fupin.accounts.api.Accounts;
import org.fupin.accounts.api.NewAccount;
import org.fupin.registry.api.Actor;
import org.fupin.registry.api.ValidationException;
import org.fupin.registry.model.Role;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On the first start (no account at all) creates the first province administrator, {@value #USERNAME}, who then
 * creates everyone else. The password comes from the environment variable {@code FUPIN_ADMIN_PASSWORD} (or the
 * framework property {@code fupin.admin.password}); without one, a random password is generated and written to
 * the log once. The region comes from {@code FUPIN_ADMIN_REGION} / {@code fupin.admin.region} (a province code
 * such as {@code 62}); without one the administrator covers the whole country.
 */
@Component(immediate = true, service = {})
public class FirstAdministrator {
    static final String USERNAME = "admin";
    private static final Logger LOG = LoggerFactory.getLogger(FirstAdministrator.class);
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    // in the background: the write may wait behind a long import (the demo county), and activation must not block
    // the thread that delivers service events to everyone else
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "fupin-first-admin"));

    @Activate
    public FirstAdministrator(BundleContext context, @Reference AccountStore store, @Reference Accounts accounts) {
        worker.execute(() -> createIfNoAccount(context, store, accounts));
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        worker.shutdownNow();
        worker.awaitTermination(30, TimeUnit.SECONDS);
    }

    private static void createIfNoAccount(BundleContext context, AccountStore store, Accounts accounts) {
        if (!store.isEmpty()) {
            return;
        }
        String password = setting(context, "FUPIN_ADMIN_PASSWORD", "fupin.admin.password");
        String region = setting(context, "FUPIN_ADMIN_REGION", "fupin.admin.region");
        boolean generated = password == null;
        if (generated) {
            password = randomPassword();
        }
        var first = new NewAccount(USERNAME, "省级管理员", password, region == null ? "" : region, null,
                Set.of(Role.PROVINCE_ADMIN));
        try {
            accounts.create(first, Actor.unrestricted("system"));
        } catch (ValidationException e) {
            LOG.error("The first administrator was not created: {}", e.violations().stream()
                    .map(v -> v.field() + ": " + v.message().en()).toList());
            return;
        }
        if (generated) {
            LOG.warn("First start: created the province administrator '{}' with the password {}  — it is shown "
                    + "only this once; sign in and change it (POST /api/v1/auth/password)", USERNAME, password);
        } else {
            LOG.info("First start: created the province administrator '{}' (password from the environment)",
                    USERNAME);
        }
    }

    private static String setting(BundleContext context, String environment, String property) {
        String value = System.getenv(environment);
        if (value == null || value.isBlank()) {
            value = context.getProperty(property);
        }
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String randomPassword() {
        var random = new SecureRandom();
        var password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
