package org.cultivate.taskforce;

import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cultivate.taskforce.TaskForceCalls.Application;
import org.springframework.stereotype.Component;

import static org.cultivate.taskforce.TaskForceProcess.*;

/** At the close: every application waiting for its reviewers gets them, by load (taskforce.ReviewerAssignment). */
@Component("assignTaskForceReviewersDelegate")
class AssignTaskForceReviewersDelegate implements JavaDelegate {

    static final String APPLICATION_COUNT = "applicationCount";
    static final String WAITING_FOR_REVIEWERS = "ReceiveTask_AwaitReviewers";

    private final TaskForceCalls calls;
    private final TaskForceReviewers reviewers;
    private final RuntimeService runtimeService;

    AssignTaskForceReviewersDelegate(TaskForceCalls calls, TaskForceReviewers reviewers, RuntimeService runtimeService) {
        this.calls = calls;
        this.reviewers = reviewers;
        this.runtimeService = runtimeService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int k = ((Number) execution.getVariable(REVIEWERS_PER_APPLICATION)).intValue();
        List<Application> waiting = calls.applications(execution.getProcessBusinessKey()).stream()
                .filter(application -> runtimeService.createExecutionQuery().processInstanceId(application.caseId())
                        .activityId(WAITING_FOR_REVIEWERS).count() > 0)
                .toList();
        execution.setVariable(APPLICATION_COUNT, waiting.size());
        if (waiting.isEmpty()) {
            return;
        }
        var assignment = reviewers.assign(waiting, k);
        for (Application application : waiting) {
            runtimeService.createMessageCorrelation(MESSAGE_REVIEWERS_ASSIGNED).processInstanceId(application.caseId())
                    .setVariables(TaskForceReviewers.reviewersMessage(assignment.reviewers().getOrDefault(application.reference(), List.of()), k))
                    .setVariable(REVIEWS_DUE_AT, execution.getVariable(REVIEWS_DUE_AT))
                    .correlate();
        }
    }
}
