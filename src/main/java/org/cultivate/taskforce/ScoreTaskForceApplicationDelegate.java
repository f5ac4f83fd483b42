package org.cultivate.taskforce;

import java.util.ArrayList;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static org.cultivate.taskforce.TaskForceProcess.*;

/** The application's score from the reviews filed (all of them, or those in when the call closed the reviews). */
@Component("scoreTaskForceApplicationDelegate")
class ScoreTaskForceApplicationDelegate implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        var scores = new ArrayList<Double>();
        for (String reviewer : TaskForceCalls.strings(execution.getVariable(REVIEWERS))) {
            if (execution.getVariable(REVIEW_PREFIX + reviewer) instanceof Map<?, ?> review) {
                scores.add(((Number) review.get(SCORE)).doubleValue());
            }
        }
        var score = TaskForceReviews.Score.of(scores);
        execution.setVariable(SCORE, score.mean());
        execution.setVariable(SCORE_SPREAD, score.spread());
        execution.setVariable(REVIEW_COUNT, scores.size());
    }
}
