package org.cultivate.grant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The grant's status in the ledger, set by the BPMN: {@code ${grantStatus.set(execution, 'approved')}}.
 * The statuses are the ledger's ({@link GrantLedger#STATUSES}); what the applicant sees is the
 * tracking status, set beside it.
 */
@Component("grantStatus")
public class GrantStatus {

    private final GrantLedger ledger;

    GrantStatus(GrantLedger ledger) {
        this.ledger = ledger;
    }

    public void set(DelegateExecution execution, String status) {
        ledger.setStatus(execution.getProcessBusinessKey(), status);
    }
}
