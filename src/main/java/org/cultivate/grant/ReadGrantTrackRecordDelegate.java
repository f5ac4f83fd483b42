package org.cultivate.grant;

import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static org.cultivate.grant.RapidGrantProcess.COMPLETED_GRANTS;
import static org.cultivate.grant.RapidGrantProcess.EMAIL;
import static org.cultivate.grant.RapidGrantProcess.GRANT_HISTORY;
import static org.cultivate.grant.RapidGrantProcess.LATE_REPORTS;

/**
 * A grant is complete: the grantee's track record from the ledger for the scale-up table
 * ({@code completedGrants}, {@code lateReports}), and their grants as the invitation shows them.
 */
@Component("readGrantTrackRecordDelegate")
class ReadGrantTrackRecordDelegate implements JavaDelegate {

    private final GrantLedger ledger;

    ReadGrantTrackRecordDelegate(GrantLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<GrantLedger.Entry> grants = ledger.byApplicant((String) execution.getVariable(EMAIL));
        GrantLedger.TrackRecord record = GrantLedger.trackRecordOf(grants);
        execution.setVariable(COMPLETED_GRANTS, record.completedGrants());
        execution.setVariable(LATE_REPORTS, record.lateReports());
        execution.setVariable(GRANT_HISTORY, grants.stream()
                .map(grant -> grant.reference() + ", applied " + grant.appliedOn() + ": " + grant.amount().toPlainString() + " "
                        + grant.currency() + ", " + grant.status())
                .collect(Collectors.joining("\n")));
    }
}
