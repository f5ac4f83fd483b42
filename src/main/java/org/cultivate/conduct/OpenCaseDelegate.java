package org.cultivate.conduct;

import java.time.Period;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import static org.cultivate.conduct.ConductIncidentProcess.CODE_NAME;
import static org.cultivate.conduct.ConductIncidentProcess.EXPUNGE_AFTER;
import static org.cultivate.conduct.ConductIncidentProcess.PEOPLE_INVOLVED;

/**
 * {@code ServiceTask_OpenCase}: gives the case its code name, which task names and e-mails use
 * from here on, and sets up its committee: members the report names are recused before any task
 * exists. It also fixes the case's expunge period ({@code cultivate.conduct.expunge-after}).
 */
@Component("openCaseDelegate")
class OpenCaseDelegate implements JavaDelegate {

    private final Recusals recusals;
    private final Period expungeAfter;

    OpenCaseDelegate(Recusals recusals, @Value("${cultivate.conduct.expunge-after:P6M}") Period expungeAfter) {
        this.recusals = recusals;
        this.expungeAfter = expungeAfter;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(CODE_NAME, CodeNames.next());
        execution.setVariable(EXPUNGE_AFTER, expungeAfter.toString());
        recusals.openCase(execution.getProcessInstanceId(), (String) execution.getVariable(PEOPLE_INVOLVED));
    }
}
