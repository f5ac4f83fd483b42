package org.cultivate.taskforce;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static org.cultivate.taskforce.TaskForceProcess.*;

/** After the coordinators asked for declarations: the reviewers so far, and cleared members since, up to the number wanted. */
@Component("reassignTaskForceReviewersDelegate")
class ReassignTaskForceReviewersDelegate implements JavaDelegate {

    private final TaskForceCalls calls;
    private final TaskForceReviewers reviewers;

    ReassignTaskForceReviewersDelegate(TaskForceCalls calls, TaskForceReviewers reviewers) {
        this.calls = calls;
        this.reviewers = reviewers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int wanted = ((Number) execution.getVariable(REVIEWERS_PER_APPLICATION)).intValue();
        List<String> assigned = new ArrayList<>(TaskForceCalls.strings(execution.getVariable(REVIEWERS)));
        for (String member : reviewers.eligible(calls.application(execution.getProcessInstanceId(), execution.getProcessBusinessKey()))) {
            if (assigned.size() < wanted && !assigned.contains(member)) {
                assigned.add(member);
            }
        }
        execution.setVariable(REVIEWERS, assigned);
    }
}
