package org.cultivate.conduct;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import static org.cultivate.conduct.ConductIncidentProcess.BAN_DAYS;
import static org.cultivate.conduct.ConductIncidentProcess.CODE_NAME;
import static org.cultivate.conduct.ConductIncidentProcess.FINAL_OUTCOME;
import static org.cultivate.conduct.ConductIncidentProcess.REPORTED_PERSON_EMAIL;
import static org.cultivate.conduct.ConductIncidentProcess.REPORTED_PERSON_NAME;

/**
 * {@code ServiceTask_RecordBan}: writes a ban into the committee's ban list
 * ({@code cultivate_conduct_ban}), which outlives the case's history. A temporary ban runs
 * {@code banDays} from today; a permanent one has no end.
 */
@Component("recordBanDelegate")
class RecordBanDelegate implements JavaDelegate {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    RecordBanDelegate(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String outcome = (String) execution.getVariable(FINAL_OUTCOME);
        LocalDate from = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate until = null;
        if ("temporary-ban".equals(outcome)) {
            Number days = (Number) execution.getVariable(BAN_DAYS);
            if (days == null) {
                throw new IllegalStateException("a temporary ban without banDays in case " + execution.getProcessBusinessKey());
            }
            until = from.plusDays(days.longValue());
        }
        jdbc.update("""
                        INSERT INTO cultivate_conduct_ban
                        (reference, code_name, outcome, person_name, person_email, effective_from, effective_until, recorded_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                execution.getProcessBusinessKey(), execution.getVariable(CODE_NAME), outcome,
                execution.getVariable(REPORTED_PERSON_NAME), execution.getVariable(REPORTED_PERSON_EMAIL),
                Date.valueOf(from), until == null ? null : Date.valueOf(until), Timestamp.from(clock.instant()));
    }
}
