package org.cultivate.conduct;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cultivate.notify.EmailAddresses;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import static org.cultivate.conduct.GoodStandingProcess.BAN_IN_FORCE;
import static org.cultivate.conduct.GoodStandingProcess.GOOD_STANDING;
import static org.cultivate.conduct.GoodStandingProcess.PERSON_EMAIL;

/**
 * {@code ServiceTask_CheckBanList}: whether the committee's ban list holds a ban in force today on
 * the person's e-mail address (compared without case or surrounding spaces). No ban: the person
 * is in good standing at once; a ban: the committee confirms or clears.
 */
@Component("checkBanListDelegate")
class CheckBanListDelegate implements JavaDelegate {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    CheckBanListDelegate(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object email = execution.getVariable(PERSON_EMAIL);
        boolean banned = email != null && !email.toString().isBlank() && bansInForce(email.toString()) > 0;
        execution.setVariable(BAN_IN_FORCE, banned);
        execution.setVariable(GOOD_STANDING, !banned);
    }

    private int bansInForce(String email) {
        Date today = Date.valueOf(LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        Integer bans = jdbc.queryForObject("""
                        SELECT COUNT(*) FROM cultivate_conduct_ban WHERE LOWER(TRIM(person_email)) = ?
                        AND effective_from <= ? AND (effective_until IS NULL OR effective_until >= ?)""",
                Integer.class, EmailAddresses.normalised(email), today, today);
        return bans == null ? 0 : bans;
    }
}
