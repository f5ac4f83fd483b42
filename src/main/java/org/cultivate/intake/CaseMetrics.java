package org.cultivate.intake;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@code cultivate.cases.open}, tagged with {@code process} and {@code status}: the open cases
 * of every process by the status their reporters see. Refreshed every 30 seconds, not per scrape,
 * so that a busy monitoring system cannot load the database.
 */
@Component
class CaseMetrics {

    private final JdbcTemplate jdbc;
    private final MultiGauge openCases;

    CaseMetrics(JdbcTemplate jdbc, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.openCases = MultiGauge.builder("cultivate.cases.open")
                .description("Open cases by process and by the status their reporters see")
                .register(registry);
        refresh();
    }

    @Scheduled(fixedDelayString = "${cultivate.metrics.refresh:PT30S}")
    void refresh() {
        List<MultiGauge.Row<?>> rows = jdbc.query(
                "SELECT process_key, status, COUNT(*) FROM cultivate_case_tracking WHERE ended_at IS NULL GROUP BY process_key, status",
                (rs, row) -> MultiGauge.Row.of(Tags.of("process", rs.getString(1), "status", rs.getString(2)), rs.getLong(3)));
        openCases.register(rows, true);
    }
}
