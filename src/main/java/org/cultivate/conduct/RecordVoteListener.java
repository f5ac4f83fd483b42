package org.cultivate.conduct;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import static org.cultivate.conduct.ConductIncidentProcess.APPROVE;
import static org.cultivate.conduct.ConductIncidentProcess.VOTES;
import static org.cultivate.conduct.ConductIncidentProcess.VOTE_COMMENT;

/**
 * Completing a {@code UserTask_Vote} adds the member's vote to the case's {@code votes}. The
 * answer fields are removed from the case again, so that one member's answer never pre-fills
 * another's form.
 */
@Component("recordVoteListener")
class RecordVoteListener implements TaskListener {

    @Override
    @SuppressWarnings("unchecked")
    public void notify(DelegateTask task) {
        var vote = new LinkedHashMap<String, Object>();
        vote.put("member", task.getAssignee());
        vote.put("approve", Boolean.TRUE.equals(task.getVariable(APPROVE)));
        Object comment = task.getVariable(VOTE_COMMENT);
        if (comment instanceof String text && !text.isBlank()) {
            vote.put("comment", text);
        }
        Object recorded = task.getExecution().getProcessInstance().getVariable(VOTES);
        List<Map<String, Object>> votes = recorded == null ? new ArrayList<>() : new ArrayList<>((List<Map<String, Object>>) recorded);
        votes.add(vote);
        var caseScope = task.getExecution().getProcessInstance();
        caseScope.setVariable(VOTES, votes);
        caseScope.removeVariable(APPROVE);
        caseScope.removeVariable(VOTE_COMMENT);
    }
}
