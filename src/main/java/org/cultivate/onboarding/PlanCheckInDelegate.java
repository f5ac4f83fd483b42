package org.cultivate.onboarding;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static org.cultivate.onboarding.LeaderOnboardingProcess.CHECK_IN_DUE_AT;
import static org.cultivate.onboarding.LeaderOnboardingProcess.CHECK_IN_LATE_AT;
import static org.cultivate.onboarding.LeaderOnboardingProcess.CHECK_IN_OPENS_AT;
import static org.cultivate.onboarding.LeaderOnboardingProcess.CHECK_IN_WEEK;
import static org.cultivate.onboarding.LeaderOnboardingProcess.ORIENTATION_STARTED_AT;

/**
 * The dates of the check-in of week {@code checkInWeek}: it opens 7 days before it is due, is
 * due that week after the orientation started, and is late (escalated) 7 days after. An extension
 * moves the orientation's end, and so the check-ins not yet planned.
 */
@Component("planCheckInDelegate")
class PlanCheckInDelegate implements JavaDelegate {

    private static final Duration WEEK = Duration.ofDays(7);

    @Override
    public void execute(DelegateExecution execution) {
        Instant started = ((Date) execution.getVariable(ORIENTATION_STARTED_AT)).toInstant();
        int week = ((Number) execution.getVariable(CHECK_IN_WEEK)).intValue();
        Instant due = started.plus(WEEK.multipliedBy(week));
        execution.setVariable(CHECK_IN_OPENS_AT, Date.from(due.minus(WEEK)));
        execution.setVariable(CHECK_IN_DUE_AT, Date.from(due));
        execution.setVariable(CHECK_IN_LATE_AT, Date.from(due.plus(WEEK)));
    }
}
