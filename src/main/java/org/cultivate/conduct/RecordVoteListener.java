package org.cultivate.conduct;

import java.util.LinkedHashMap;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import static org.cultivate.conduct.ConductIncidentProcess.APPROVE;
import static org.cultivate.conduct.ConductIncidentProcess.BALLOT_PREFIX;
import static org.cultivate.conduct.ConductIncidentProcess.VOTE_COMMENT;

/**
 * Completing a {@code UserTask_Vote} files the member's ballot as the case variable
 * {@code ballot-<member>}. Each ballot has its own variable, and the answer fields are local to the
 * task, so members who vote at the same moment never write the same row.
 */
@Component("recordVoteListener")
class RecordVoteListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        var ballot = new LinkedHashMap<String, Object>();
        ballot.put("member", task.getAssignee());
        ballot.put("approve", Boolean.TRUE.equals(task.getVariable(APPROVE)));
        if (task.getVariable(VOTE_COMMENT) instanceof String comment && !comment.isBlank()) {
            ballot.put("comment", comment);
        }
        task.getExecution().getProcessInstance().setVariable(BALLOT_PREFIX + task.getAssignee(), ballot);
    }
}
