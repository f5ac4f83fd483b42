package org.cultivate.grant;

import java.time.Clock;
import java.time.LocalDate;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * {@code cultivate.grants.open} (tag {@code status}: approved, paid): grants approved whose final
 * report is not accepted yet; {@code cultivate.grants.reports.overdue}: their reports past due and
 * not filed. Read from the grants ledger when scraped.
 */
@Component
class GrantMetrics {

    GrantMetrics(GrantLedger ledger, Clock clock, MeterRegistry registry) {
        for (String status : new String[] {GrantLedger.APPROVED, GrantLedger.PAID}) {
            Gauge.builder("cultivate.grants.open", ledger, grants -> grants.openWithStatus(status))
                    .tag("status", status)
                    .description("Grants approved whose final report is not accepted yet")
                    .register(registry);
        }
        Gauge.builder("cultivate.grants.reports.overdue", ledger, grants -> grants.reportsOverdue(LocalDate.now(clock)))
                .description("Reports of open grants past their due date and not filed")
                .register(registry);
    }
}
