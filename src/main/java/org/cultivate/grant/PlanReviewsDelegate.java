package org.cultivate.grant;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cultivate.identity.ConflictsOfInterest;
import org.springframework.stereotype.Component;

import static org.cultivate.grant.RapidGrantProcess.REVIEW_DUE;
import static org.cultivate.grant.RapidGrantProcess.REVIEW_QUORUM;
import static org.cultivate.grant.RapidGrantProcess.REVIEW_REMINDER_AT;

/**
 * Reviewing starts: how many cleared members must review ({@code cultivate.grants.review-quorum},
 * fewer when fewer are cleared; none sends the application to the coordinators), the deadline,
 * and the reminder three days before it.
 */
@Component("planReviewsDelegate")
class PlanReviewsDelegate implements JavaDelegate {

    static final Duration REMIND_BEFORE = Duration.ofDays(3);

    private final GrantSettings settings;
    private final Clock clock;

    PlanReviewsDelegate(GrantSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int cleared = ((Collection<?>) execution.getVariable(ConflictsOfInterest.CLEARED_MEMBERS)).size();
        execution.setVariable(REVIEW_QUORUM, Math.min(settings.reviewQuorum(), cleared));
        Instant now = clock.instant();
        Instant due = now.atZone(ZoneOffset.UTC).plus(settings.reviewWithin()).toInstant();
        Instant reminder = due.minus(REMIND_BEFORE);
        execution.setVariable(REVIEW_DUE, Date.from(due));
        execution.setVariable(REVIEW_REMINDER_AT, Date.from(reminder.isAfter(now) ? reminder : now));
    }
}
