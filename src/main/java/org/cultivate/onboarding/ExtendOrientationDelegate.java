package org.cultivate.onboarding;

import java.time.Duration;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static org.cultivate.onboarding.LeaderOnboardingProcess.EXTEND_WEEKS;
import static org.cultivate.onboarding.LeaderOnboardingProcess.ORIENTATION_ENDS_AT;

/** The final review extends the orientation by {@code extendWeeks} (1 to 5, as the form allows): the review comes that much later. */
@Component("extendOrientationDelegate")
class ExtendOrientationDelegate implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        long weeks = ((Number) execution.getVariable(EXTEND_WEEKS)).longValue();
        Date ends = (Date) execution.getVariable(ORIENTATION_ENDS_AT);
        execution.setVariable(ORIENTATION_ENDS_AT, Date.from(ends.toInstant().plus(Duration.ofDays(7 * weeks))));
    }
}
