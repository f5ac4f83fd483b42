package org.cultivate.taskforce;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import static org.cultivate.taskforce.TaskForceProcess.*;

/**
 * A reviewer's review, filed with the application as {@code review-<member>} when they complete it
 * (processes/task-force-review.bpmn runs apart from the application, so the reviewer reads only
 * what it holds); and an application's score: the mean of its reviews' weighted means.
 */
@Component("taskForceReviews")
class TaskForceReviews implements TaskListener {

    /** The application's case, as the review process holds it. */
    static final String APPLICATION_ID = "applicationId";

    private final TaskForceSettings settings;

    TaskForceReviews(TaskForceSettings settings) {
        this.settings = settings;
    }

    @Override
    public void notify(DelegateTask task) {
        var review = new LinkedHashMap<String, Object>();
        review.put(REVIEWER, task.getAssignee());
        for (String criterion : CRITERIA) {
            review.put(criterion, Integer.parseInt(String.valueOf(task.getVariable(criterion))));
        }
        review.put(REVIEW_COMMENT, task.getVariable(REVIEW_COMMENT));
        review.put(SCORE, weighted(review));
        task.getProcessEngineServices().getRuntimeService()
                .setVariable((String) task.getVariable(APPLICATION_ID), REVIEW_PREFIX + task.getAssignee(), review);
    }

    /** One review's weighted mean of its criteria. */
    double weighted(Map<String, Object> review) {
        double sum = 0;
        int weights = 0;
        for (String criterion : CRITERIA) {
            int weight = settings.weight(criterion);
            sum += weight * ((Number) review.get(criterion)).doubleValue();
            weights += weight;
        }
        return weights == 0 ? 0 : sum / weights;
    }

    /** The reviews' scores, and their mean and spread (highest less lowest); a score of 0 when there is none. */
    record Score(List<Double> scores, double mean, double spread) {

        static Score of(List<Double> scores) {
            if (scores.isEmpty()) {
                return new Score(scores, 0, 0);
            }
            double mean = scores.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            double spread = scores.stream().mapToDouble(Double::doubleValue).max().orElseThrow()
                    - scores.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            return new Score(scores, round(mean), round(spread));
        }

        private static double round(double value) {
            return Math.round(value * 1000) / 1000.0;
        }

        String words() {
            return scores.isEmpty() ? "no reviews" : String.format(Locale.ROOT, "%.2f from %d review%s, spread %.2f", mean, scores.size(),
                    scores.size() == 1 ? "" : "s", spread);
        }
    }
}
