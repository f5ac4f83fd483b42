package org.cultivate.identity;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static org.cultivate.identity.ConflictsOfInterest.CASE_ID;
import static org.cultivate.identity.ConflictsOfInterest.CONFLICT_NOTE;
import static org.cultivate.identity.ConflictsOfInterest.HAS_CONFLICT;
import static org.cultivate.identity.ConflictsOfInterest.MEMBER;

/** {@code ServiceTask_RecordDeclaration} of {@code conflict-declaration}: clears or recuses the member in the case. */
@Component("recordConflictDeclarationDelegate")
public class RecordConflictDeclarationDelegate implements JavaDelegate {

    private final ConflictsOfInterest conflicts;

    public RecordConflictDeclarationDelegate(ConflictsOfInterest conflicts) {
        this.conflicts = conflicts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        conflicts.declare((String) execution.getVariable(CASE_ID), (String) execution.getVariable(MEMBER),
                Boolean.TRUE.equals(execution.getVariable(HAS_CONFLICT)), (String) execution.getVariable(CONFLICT_NOTE));
    }
}
