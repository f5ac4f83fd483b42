package org.cultivate.grant;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static org.cultivate.grant.RapidGrantProcess.EARLY_CALL_DUE;
import static org.cultivate.grant.RapidGrantProcess.EARLY_CALL_WORKING_DAYS;

/** A larger grant's early call is due ten working days (Monday to Friday) from today, at the end of that day. */
@Component("planEarlyCallDelegate")
class PlanEarlyCallDelegate implements JavaDelegate {

    private final Clock clock;

    PlanEarlyCallDelegate(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LocalDate due = workingDaysAfter(LocalDate.now(clock), EARLY_CALL_WORKING_DAYS);
        execution.setVariable(EARLY_CALL_DUE, Date.from(due.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
    }

    static LocalDate workingDaysAfter(LocalDate day, int workingDays) {
        LocalDate due = day;
        for (int counted = 0; counted < workingDays; ) {
            due = due.plusDays(1);
            if (due.getDayOfWeek() != DayOfWeek.SATURDAY && due.getDayOfWeek() != DayOfWeek.SUNDAY) {
                counted++;
            }
        }
        return due;
    }
}
