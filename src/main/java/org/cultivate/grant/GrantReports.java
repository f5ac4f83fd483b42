package org.cultivate.grant;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import static org.cultivate.grant.RapidGrantProcess.END_DATE;
import static org.cultivate.grant.RapidGrantProcess.FINAL;
import static org.cultivate.grant.RapidGrantProcess.FINAL_REPORT_DUE;
import static org.cultivate.grant.RapidGrantProcess.INTERIM;
import static org.cultivate.grant.RapidGrantProcess.INTERIM_REPORT_DUE;
import static org.cultivate.grant.RapidGrantProcess.REPORTS;
import static org.cultivate.grant.RapidGrantProcess.REPORT_DUE;
import static org.cultivate.grant.RapidGrantProcess.REPORT_ESCALATE_AT;
import static org.cultivate.grant.RapidGrantProcess.REPORT_HOLD_AT;
import static org.cultivate.grant.RapidGrantProcess.REPORT_KIND;
import static org.cultivate.grant.RapidGrantProcess.REPORT_MESSAGE;
import static org.cultivate.grant.RapidGrantProcess.REPORT_REMINDER_AT;
import static org.cultivate.grant.RapidGrantProcess.START_DATE;

/**
 * A funded grant's reports, for the BPMN: {@code ${grantReports.plan(execution)}} once it is paid
 * (an interim report halfway through a project of more than six months, the final one 30 days
 * after its end), {@code ${grantReports.open(execution)}} each time a report is asked for (its
 * due date in the ledger, and the dates of its reminders, escalation and hold), and
 * {@code ${grantReports.filed(execution)}} once the applicant has filed it: a report under
 * review is not overdue, and one filed after its due date counts against the grantee's track record.
 */
@Component("grantReports")
public class GrantReports {

    static final int INTERIM_AFTER_MONTHS = 6;
    static final Period FINAL_AFTER_END = Period.ofDays(30);
    static final Period REMIND_BEFORE = Period.ofDays(14);
    static final Period ESCALATE_AFTER = Period.ofDays(14);
    /** A report sent back for revision is due again this long after. */
    static final Period REVISION_WITHIN = Period.ofDays(14);

    private final GrantLedger ledger;
    private final GrantSettings settings;
    private final Clock clock;

    GrantReports(GrantLedger ledger, GrantSettings settings, Clock clock) {
        this.ledger = ledger;
        this.settings = settings;
        this.clock = clock;
    }

    public void plan(DelegateExecution execution) {
        LocalDate start = LocalDate.parse((String) execution.getVariable(START_DATE));
        LocalDate end = LocalDate.parse((String) execution.getVariable(END_DATE));
        var reports = new ArrayList<String>();
        if (start.plusMonths(INTERIM_AFTER_MONTHS).isBefore(end)) {
            reports.add(INTERIM);
            execution.setVariable(INTERIM_REPORT_DUE, start.plusDays(ChronoUnit.DAYS.between(start, end) / 2).toString());
        }
        reports.add(FINAL);
        execution.setVariable(FINAL_REPORT_DUE, end.plus(FINAL_AFTER_END).toString());
        execution.setVariable(REPORTS, reports);
    }

    /** The report of this round is due: its own due date the first time, {@link #REVISION_WITHIN} from today after a revision. */
    public void open(DelegateExecution execution, boolean revision) {
        LocalDate today = LocalDate.now(clock);
        String kind = (String) execution.getVariable(REPORT_KIND);
        LocalDate due = revision ? today.plus(REVISION_WITHIN)
                : LocalDate.parse((String) execution.getVariable(INTERIM.equals(kind) ? INTERIM_REPORT_DUE : FINAL_REPORT_DUE));
        LocalDate reminder = due.minus(REMIND_BEFORE);
        execution.setVariable(REPORT_DUE, at(due));
        // a report asked for late (a revision, a short project) is reminded of halfway, not at once
        execution.setVariable(REPORT_REMINDER_AT, at(reminder.isAfter(today) ? reminder
                : today.plusDays(Math.max(1, ChronoUnit.DAYS.between(today, due) / 2))));
        execution.setVariable(REPORT_ESCALATE_AT, at(due.plus(ESCALATE_AFTER)));
        execution.setVariable(REPORT_HOLD_AT, at(due.plus(settings.holdAfterOverdue())));
        execution.setVariable(REPORT_MESSAGE, (revision ? "The committee asks you to revise your " + kind + " report. "
                : "Your " + kind + " report is due. ") + "Please file it on this page by " + due + ".");
        ledger.setReportDue(execution.getProcessBusinessKey(), due);
    }

    public void filed(DelegateExecution execution) {
        ledger.reportFiled(execution.getProcessBusinessKey(), LocalDate.now(clock));
    }

    private static Date at(LocalDate day) {
        return Date.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }
}
