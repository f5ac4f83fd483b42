package org.cultivate.taskforce;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static org.cultivate.taskforce.TaskForceProcess.*;

/** The selection goes ahead: applications still in review are scored with the reviews they have. */
@Component("closeTaskForceReviewsDelegate")
class CloseTaskForceReviewsDelegate implements JavaDelegate {

    private final TaskForceCalls calls;
    private final RuntimeService runtimeService;

    CloseTaskForceReviewsDelegate(TaskForceCalls calls, RuntimeService runtimeService) {
        this.calls = calls;
        this.runtimeService = runtimeService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        for (var application : calls.applications(execution.getProcessBusinessKey())) {
            if (application.score() == null) {
                runtimeService.createMessageCorrelation(MESSAGE_REVIEWS_CLOSED).processInstanceId(application.caseId()).correlateAll();
            }
        }
    }
}
