package org.cultivate.conduct;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static org.cultivate.conduct.ConductIncidentProcess.FAILED_VOTES;
import static org.cultivate.conduct.ConductIncidentProcess.BALLOT_PREFIX;
import static org.cultivate.conduct.ConductIncidentProcess.VOTE_HISTORY;
import static org.cultivate.conduct.ConductIncidentProcess.VOTE_PASSED;

/**
 * {@code ServiceTask_CountVotes}: a proposal passes when at least two thirds of the votes approve
 * it (the PSF's rule). A failed vote counts towards the escalation after two; a vote without
 * voters cannot pass and escalates at once.
 */
@Component("countVotesDelegate")
class CountVotesDelegate implements JavaDelegate {

    static final int FAILED_VOTES_BEFORE_ESCALATION = 2;

    @Override
    @SuppressWarnings("unchecked")
    public void execute(DelegateExecution execution) {
        var votes = new ArrayList<Map<String, Object>>();
        for (String name : List.copyOf(execution.getVariableNames())) {
            if (name.startsWith(BALLOT_PREFIX)) {
                votes.add((Map<String, Object>) execution.getVariable(name));
                execution.removeVariable(name);
            }
        }
        long approvals = votes.stream().filter(vote -> Boolean.TRUE.equals(vote.get("approve"))).count();
        boolean passed = passes(approvals, votes.size());
        int failed = execution.getVariable(FAILED_VOTES) instanceof Integer count ? count : 0;
        if (!passed) {
            failed = votes.isEmpty() ? FAILED_VOTES_BEFORE_ESCALATION : failed + 1;
        }

        Object history = execution.getVariable(VOTE_HISTORY);
        var rounds = history == null ? new ArrayList<Map<String, Object>>() : new ArrayList<>((List<Map<String, Object>>) history);
        var round = new LinkedHashMap<String, Object>();
        round.put("approvals", approvals);
        round.put("votes", votes.size());
        round.put("passed", passed);
        round.put("voters", votes.stream().map(vote -> vote.get("member")).toList());
        rounds.add(round);

        execution.setVariable(VOTE_PASSED, passed);
        execution.setVariable(FAILED_VOTES, failed);
        execution.setVariable(VOTE_HISTORY, rounds);
    }

    static boolean passes(long approvals, int votes) {
        return votes > 0 && approvals * 3 >= votes * 2L;
    }
}
