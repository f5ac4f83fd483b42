package org.cultivate.intake;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@code cultivate.cases.open}, tagged with {@code process} and {@code status}: the open cases
 * of every process by the status their reporters see. Refreshed every 30 seconds, not per scrape,
 * so that a busy monitoring system cannot load the database. A status once seen stays, at 0 when
 * no case has it: rows are never removed, so a scrape never finds one missing mid-refresh.
 */
@Component
class CaseMetrics {

    private final JdbcTemplate jdbc;
    private final MultiGauge openCases;
    private final Map<Tags, AtomicLong> counts = new ConcurrentHashMap<>();

    CaseMetrics(JdbcTemplate jdbc, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.openCases = MultiGauge.builder("cultivate.cases.open")
                .description("Open cases by process and by the status their reporters see")
                .register(registry);
        refresh();
    }

    @Scheduled(fixedDelayString = "${cultivate.metrics.refresh:PT30S}")
    void refresh() {
        Map<Tags, Long> current = new ConcurrentHashMap<>();
        jdbc.query("SELECT process_key, status, COUNT(*) FROM cultivate_case_tracking WHERE ended_at IS NULL GROUP BY process_key, status",
                rs -> {
                    current.put(Tags.of("process", rs.getString(1), "status", rs.getString(2)), rs.getLong(3));
                });
        boolean newStatus = false;
        for (var entry : current.entrySet()) {
            newStatus |= counts.putIfAbsent(entry.getKey(), new AtomicLong()) == null;
        }
        counts.forEach((tags, count) -> count.set(current.getOrDefault(tags, 0L)));
        if (newStatus) {
            List<MultiGauge.Row<?>> rows = counts.entrySet().stream()
                    .<MultiGauge.Row<?>>map(entry -> MultiGauge.Row.of(entry.getKey(), entry.getValue(), AtomicLong::get))
                    .toList();
            openCases.register(rows, false);
        }
    }
}
