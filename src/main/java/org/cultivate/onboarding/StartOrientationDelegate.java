package org.cultivate.onboarding;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import static org.cultivate.onboarding.LeaderOnboardingProcess.CHECK_IN_WEEKS;
import static org.cultivate.onboarding.LeaderOnboardingProcess.ORIENTATION_ENDS_AT;
import static org.cultivate.onboarding.LeaderOnboardingProcess.ORIENTATION_STARTED_AT;

/** The orientation starts now: it ends {@code cultivate.onboarding.orientation} later, with check-ins at weeks 2, 6 and 10. */
@Component("startOrientationDelegate")
class StartOrientationDelegate implements JavaDelegate {

    private final Clock clock;
    private final Duration orientation;

    StartOrientationDelegate(Clock clock, @Value("${cultivate.onboarding.orientation:P90D}") Duration orientation) {
        this.clock = clock;
        this.orientation = orientation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Instant now = clock.instant();
        execution.setVariable(ORIENTATION_STARTED_AT, Date.from(now));
        execution.setVariable(ORIENTATION_ENDS_AT, Date.from(now.plus(orientation)));
        execution.setVariable(CHECK_IN_WEEKS, LeaderOnboardingProcess.CHECK_IN_SCHEDULE);
    }
}
