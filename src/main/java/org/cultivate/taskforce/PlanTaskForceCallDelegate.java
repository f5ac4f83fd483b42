package org.cultivate.taskforce;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static org.cultivate.taskforce.TaskForceProcess.*;

/**
 * A call's dates, in UTC: open from the start of its opening day, closed at the end of its closing
 * day, reviews due {@value TaskForceProcess#REVIEW_DAYS} after the close with a reminder 3 days
 * before; and its balance as the selection's quotas.
 */
@Component("planTaskForceCallDelegate")
class PlanTaskForceCallDelegate implements JavaDelegate {

    static final Duration REMINDER_BEFORE_DEADLINE = Duration.ofDays(3);

    private final Clock clock;

    PlanTaskForceCallDelegate(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Instant opens = LocalDate.parse((String) execution.getVariable(OPENS_ON)).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant closes = LocalDate.parse((String) execution.getVariable(CLOSES_ON)).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        execution.setVariable(OPENS_AT, Date.from(opens.isBefore(clock.instant()) ? clock.instant() : opens));
        execution.setVariable(CLOSES_AT, Date.from(closes));
        planReviews(execution, closes, ((Number) execution.getVariable(REVIEW_DAYS)).intValue());
        int seats = ((Number) execution.getVariable(SEATS)).intValue();
        execution.setVariable(QUOTAS, new ArrayList<>(BalanceRules.parse((String) execution.getVariable(BALANCE), seats).stream()
                .map(BalanceRules::asVariable).toList()));
    }

    /** The review deadline {@code days} after {@code from}, and its reminder. */
    static void planReviews(DelegateExecution execution, Instant from, int days) {
        Instant due = from.plus(Duration.ofDays(days));
        execution.setVariable(REVIEWS_DUE_AT, Date.from(due));
        execution.setVariable(REVIEW_REMINDER_AT, Date.from(due.minus(REMINDER_BEFORE_DEADLINE)));
    }
}
