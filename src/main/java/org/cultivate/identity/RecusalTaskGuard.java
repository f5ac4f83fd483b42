package org.cultivate.identity;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import static org.cultivate.identity.ConflictsOfInterest.RECUSED_MEMBERS;

/**
 * Every new task of a case is hidden from the members recused from it, whatever the process. It
 * listens to all task events of the engine rather than to listeners in the BPMN, so that a task a
 * coordinator adds later cannot be forgotten.
 */
@Component
class RecusalTaskGuard {

    private final CaseAuthorizations authorizations;

    RecusalTaskGuard(CaseAuthorizations authorizations) {
        this.authorizations = authorizations;
    }

    @EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_CREATE + "'")
    @SuppressWarnings("unchecked")
    public void onTaskCreated(DelegateTask task) {
        if (task.getProcessInstanceId() == null) {
            return;
        }
        Object recused = task.getVariable(RECUSED_MEMBERS);
        if (recused instanceof List<?> members) {
            ((List<String>) members).forEach(member -> authorizations.revokeTask(task, member));
        }
    }
}
