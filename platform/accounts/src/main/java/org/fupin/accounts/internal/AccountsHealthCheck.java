package org.fupin.accounts.internal;

import org.apache.felix.hc.api.FormattingResultLog;
import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.Result;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Ready once somebody can sign in: on a first start the province administrator is created in the background
 * ({@link FirstAdministrator}), and until it is stored the platform must not say it can serve.
 */
@Component(property = { HealthCheck.NAME + "=accounts", HealthCheck.TAGS + "=ready" })
public class AccountsHealthCheck implements HealthCheck {
    private final AccountStore store;

    @Activate
    public AccountsHealthCheck(@Reference AccountStore store) {
        this.store = store;
    }

    @Override
    public Result execute() {
        var log = new FormattingResultLog();
        if (store.isEmpty()) {
            log.temporarilyUnavailable("尚无账户：正在创建首位省级管理员");
        } else {
            log.info("账户已就绪，可以登录");
        }
        return new Result(log);
    }
}
