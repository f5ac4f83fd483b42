package org.cultivate.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The log of staff reads of case data (variables, forms, history) for the processes whose cases
 * are sensitive, {@code cultivate.access-log.process-keys} (the conduct incidents). Written by
 * {@link CaseReadRecorder}; read per case by those who may read the case; kept for
 * {@code cultivate.access-log.retention}.
 */
@Component
public class CaseReadLog {

    /** One read: who, when, and through which door (method and path, without query values). */
    public record Read(String userId, java.time.Instant readAt, String door) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Set<String> processKeys;
    private final Duration retention;

    CaseReadLog(JdbcTemplate jdbc, Clock clock, @Value("${cultivate.access-log.process-keys}") Set<String> processKeys,
            @Value("${cultivate.access-log.retention}") Duration retention) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.processKeys = Set.copyOf(processKeys);
        this.retention = retention;
    }

    boolean logs(String processKey) {
        return processKeys.contains(processKey);
    }

    void record(String processInstanceId, String reference, String userId, String door) {
        jdbc.update("INSERT INTO cultivate_case_read (process_instance_id, reference, user_id, read_at, door) VALUES (?, ?, ?, ?, ?)",
                processInstanceId, reference, userId, Timestamp.from(clock.instant()), door);
    }

    /** The reads of one case, newest first. */
    public List<Read> readsOf(String processInstanceId) {
        return jdbc.query("SELECT user_id, read_at, door FROM cultivate_case_read WHERE process_instance_id = ? ORDER BY read_at DESC, id DESC",
                (row, index) -> new Read(row.getString("user_id"), row.getTimestamp("read_at").toInstant(), row.getString("door")),
                processInstanceId);
    }

    @Scheduled(cron = "${cultivate.access-log.purge-cron:0 30 3 * * *}")
    void forgetOldReads() {
        jdbc.update("DELETE FROM cultivate_case_read WHERE read_at < ?", Timestamp.from(clock.instant().minus(retention)));
    }
}
