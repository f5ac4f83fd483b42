package org.cultivate.conduct;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static org.cultivate.conduct.ConductIncidentProcess.CODE_NAME;

/** {@code ServiceTask_OpenCase}: gives the case its code name, which task names and e-mails use from here on. */
@Component("openCaseDelegate")
class OpenCaseDelegate implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(CODE_NAME, CodeNames.next());
    }
}
