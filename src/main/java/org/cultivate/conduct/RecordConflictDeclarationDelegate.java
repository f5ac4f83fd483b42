package org.cultivate.conduct;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static org.cultivate.conduct.ConductIncidentProcess.CASE_ID;
import static org.cultivate.conduct.ConductIncidentProcess.CONFLICT_NOTE;
import static org.cultivate.conduct.ConductIncidentProcess.HAS_CONFLICT;
import static org.cultivate.conduct.ConductIncidentProcess.MEMBER;

/** {@code ServiceTask_RecordDeclaration} of {@code conduct-conflict-declaration}: clears or recuses the member in the case. */
@Component("recordConflictDeclarationDelegate")
class RecordConflictDeclarationDelegate implements JavaDelegate {

    private final Recusals recusals;

    RecordConflictDeclarationDelegate(Recusals recusals) {
        this.recusals = recusals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        recusals.declare((String) execution.getVariable(CASE_ID), (String) execution.getVariable(MEMBER),
                Boolean.TRUE.equals(execution.getVariable(HAS_CONFLICT)), (String) execution.getVariable(CONFLICT_NOTE));
    }
}
