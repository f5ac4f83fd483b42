package org.cultivate.conduct;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cultivate.identity.Groups;
import org.springframework.stereotype.Component;

import static org.cultivate.conduct.ConductIncidentProcess.APPEAL_REVIEWERS;
import static org.cultivate.conduct.ConductIncidentProcess.APPEAL_REVIEWER_GROUP;
import static org.cultivate.conduct.ConductIncidentProcess.CLEARED_MEMBERS;
import static org.cultivate.conduct.ConductIncidentProcess.VOTE_HISTORY;

/**
 * {@code ServiceTask_ChooseAppealReviewers}: an appeal is reviewed by cleared members who did not
 * vote on the decision; when fewer than {@value #MIN_REVIEWERS} remain, by the administrators.
 */
@Component("chooseAppealReviewersDelegate")
class ChooseAppealReviewersDelegate implements JavaDelegate {

    static final int MIN_REVIEWERS = 2;

    @Override
    @SuppressWarnings("unchecked")
    public void execute(DelegateExecution execution) {
        var reviewers = new ArrayList<>((List<String>) execution.getVariable(CLEARED_MEMBERS));
        var rounds = (List<Map<String, Object>>) execution.getVariable(VOTE_HISTORY);
        if (rounds != null && !rounds.isEmpty()) {
            reviewers.removeAll((List<String>) rounds.get(rounds.size() - 1).get("voters"));
        }
        boolean enough = reviewers.size() >= MIN_REVIEWERS;
        execution.setVariable(APPEAL_REVIEWERS, enough ? reviewers : List.of());
        execution.setVariable(APPEAL_REVIEWER_GROUP, enough ? List.of() : List.of(Groups.ADMINS));
    }
}
