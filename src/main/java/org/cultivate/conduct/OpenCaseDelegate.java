package org.cultivate.conduct;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static org.cultivate.conduct.ConductIncidentProcess.CODE_NAME;
import static org.cultivate.conduct.ConductIncidentProcess.PEOPLE_INVOLVED;

/**
 * {@code ServiceTask_OpenCase}: gives the case its code name, which task names and e-mails use
 * from here on, and sets up its committee: members the report names are recused before any task exists.
 */
@Component("openCaseDelegate")
class OpenCaseDelegate implements JavaDelegate {

    private final Recusals recusals;

    OpenCaseDelegate(Recusals recusals) {
        this.recusals = recusals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(CODE_NAME, CodeNames.next());
        recusals.openCase(execution.getProcessInstanceId(), (String) execution.getVariable(PEOPLE_INVOLVED));
    }
}
