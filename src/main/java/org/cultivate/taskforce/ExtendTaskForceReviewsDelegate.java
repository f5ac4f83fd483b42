package org.cultivate.taskforce;

import java.time.Clock;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The coordinators gave the reviewers more days: the deadline and its reminder move, counted from now. */
@Component("extendTaskForceReviewsDelegate")
class ExtendTaskForceReviewsDelegate implements JavaDelegate {

    static final String EXTEND_DAYS = "extendDays";

    private final Clock clock;

    ExtendTaskForceReviewsDelegate(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        PlanTaskForceCallDelegate.planReviews(execution, clock.instant(), ((Number) execution.getVariable(EXTEND_DAYS)).intValue());
    }
}
