package org.cultivate.taskforce;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static org.cultivate.taskforce.TaskForceProcess.*;

/**
 * An application tells its call something ({@code message}): its reviews are in, or its answer to an
 * offer ({@code accepted}). {@code callMustWait}: the call waits for this message for certain (an
 * offer's answer), so not finding it waiting is an error, retried as a job; otherwise the call has
 * moved on and needs no telling.
 */
@Component("tellTaskForceCallDelegate")
class TellTaskForceCallDelegate implements JavaDelegate {

    static final String MESSAGE = "message";
    static final String ACCEPTED = "accepted";
    static final String CALL_MUST_WAIT = "callMustWait";
    /** Whether the applicant accepted, as the call reads it. */
    static final String OFFER_ACCEPTED = "offerAccepted";

    private final RuntimeService runtimeService;

    TellTaskForceCallDelegate(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var correlation = runtimeService.createMessageCorrelation((String) execution.getVariableLocal(MESSAGE))
                .processInstanceBusinessKey((String) execution.getVariable(CALL_REFERENCE))
                .setVariable(ANSWERING_APPLICATION, execution.getProcessBusinessKey());
        if (execution.hasVariableLocal(ACCEPTED)) {
            correlation.setVariable(OFFER_ACCEPTED, Boolean.TRUE.equals(execution.getVariableLocal(ACCEPTED)));
        }
        if (Boolean.TRUE.equals(execution.getVariableLocal(CALL_MUST_WAIT))) {
            correlation.correlate();
        } else {
            correlation.correlateAll();
        }
    }
}
