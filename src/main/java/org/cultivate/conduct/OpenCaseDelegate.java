package org.cultivate.conduct;

import java.time.Period;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import static org.cultivate.conduct.ConductIncidentProcess.CODE_NAME;
import static org.cultivate.conduct.ConductIncidentProcess.EXPUNGE_AFTER;

/**
 * {@code ServiceTask_OpenCase}: gives the case its code name, which task names and e-mails use
 * from here on, and fixes its expunge period ({@code cultivate.conduct.expunge-after}). Its
 * committee was set up as the case started (the process's {@code cultivate.conflicts.*} properties).
 */
@Component("openCaseDelegate")
class OpenCaseDelegate implements JavaDelegate {

    private final Period expungeAfter;

    OpenCaseDelegate(@Value("${cultivate.conduct.expunge-after:P6M}") Period expungeAfter) {
        this.expungeAfter = expungeAfter;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(CODE_NAME, CodeNames.next());
        execution.setVariable(EXPUNGE_AFTER, expungeAfter.toString());
    }
}
