package org.cultivate.grant;

import org.springframework.stereotype.Component;

/** How {@code processes/grant-payment.bpmn} pays: {@code ${grantPayments.byFinanceTool()}} (cultivate.grants.finance-tool). */
@Component("grantPayments")
public class GrantPayments {

    private final GrantSettings settings;

    GrantPayments(GrantSettings settings) {
        this.settings = settings;
    }

    public boolean byFinanceTool() {
        return settings.financeTool();
    }
}
