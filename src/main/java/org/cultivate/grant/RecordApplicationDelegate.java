package org.cultivate.grant;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static org.cultivate.grant.RapidGrantProcess.AMOUNT;
import static org.cultivate.grant.RapidGrantProcess.APPLICANT_TYPE;
import static org.cultivate.grant.RapidGrantProcess.COMMUNITY;
import static org.cultivate.grant.RapidGrantProcess.CURRENCY;
import static org.cultivate.grant.RapidGrantProcess.EMAIL;
import static org.cultivate.grant.RapidGrantProcess.OPEN_GRANTS;
import static org.cultivate.grant.RapidGrantProcess.OVERDUE_REPORTS;
import static org.cultivate.grant.RapidGrantProcess.RAPID_GRANT_REFERENCE;
import static org.cultivate.grant.RapidGrantProcess.TOTAL_THIS_YEAR;

/**
 * An application arrives, rapid or larger: it enters the grants ledger as requested (a larger one
 * with the rapid grant it came from), and the eligibility table gets the applicant's history
 * ({@code totalThisYear} counts this application too).
 */
@Component("recordGrantApplicationDelegate")
class RecordApplicationDelegate implements JavaDelegate {

    private final GrantLedger ledger;
    private final GrantSettings settings;
    private final Clock clock;

    RecordApplicationDelegate(GrantLedger ledger, GrantSettings settings, Clock clock) {
        this.ledger = ledger;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reference = execution.getProcessBusinessKey();
        String email = (String) execution.getVariable(EMAIL);
        BigDecimal amount = new BigDecimal(execution.getVariable(AMOUNT).toString());
        LocalDate today = LocalDate.now(clock);
        if (ledger.find(reference).isEmpty()) {
            ledger.record(new GrantLedger.Entry(reference, execution.getProcessEngineServices().getRepositoryService()
                    .getProcessDefinition(execution.getProcessDefinitionId()).getKey(), email,
                    (String) execution.getVariable(APPLICANT_TYPE), (String) execution.getVariable(COMMUNITY), amount,
                    settings.currency(), GrantLedger.REQUESTED, today, null, (String) execution.getVariable(RAPID_GRANT_REFERENCE)));
        }
        GrantLedger.ApplicantHistory history = ledger.historyOf(email, today, reference);
        execution.setVariable(TOTAL_THIS_YEAR, history.requestedOrGrantedThisYear().add(amount).doubleValue());
        execution.setVariable(OPEN_GRANTS, history.openGrants());
        execution.setVariable(OVERDUE_REPORTS, history.overdueReports());
        execution.setVariable(CURRENCY, settings.currency());
    }
}
