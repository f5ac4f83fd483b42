package org.cultivate.grant;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cultivate.identity.ConflictsOfInterest;
import org.cultivate.identity.Groups;
import org.springframework.stereotype.Component;

import static org.cultivate.grant.RapidGrantProcess.CRITERIA;
import static org.cultivate.grant.RapidGrantProcess.RECOMMENDATION;
import static org.cultivate.grant.RapidGrantProcess.REVIEW_COMMENT;
import static org.cultivate.grant.RapidGrantProcess.REVIEW_PREFIX;
import static org.cultivate.grant.RapidGrantProcess.REVIEW_SUMMARY;

/**
 * The committee's reviews of one application. Completing a review task files it as the case
 * variable {@code review-<member>} (its fields are local to the task, so reviewers finishing
 * together never write the same row); {@code ${grantReviews.pending(execution)}} names the cleared
 * members still to review, for reminders; {@code ${grantReviews.summarise(execution)}} writes the
 * {@code reviewSummary} that the determination shows.
 */
@Component("grantReviews")
public class GrantReviews implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        var review = new LinkedHashMap<String, Object>();
        review.put("reviewer", task.getAssignee());
        for (String criterion : CRITERIA) {
            review.put(criterion, task.getVariable(criterion));
        }
        review.put(RECOMMENDATION, task.getVariable(RECOMMENDATION));
        review.put(REVIEW_COMMENT, task.getVariable(REVIEW_COMMENT));
        task.getExecution().getProcessInstance().setVariable(REVIEW_PREFIX + task.getAssignee(), review);
    }

    /** The cleared members who have not reviewed yet, comma-separated as {@code toUser} of a mail takes them; perhaps none. */
    public String pending(DelegateExecution execution) {
        return String.join(",", cleared(execution).stream().filter(member -> !execution.hasVariable(REVIEW_PREFIX + member)).toList());
    }

    /** Average score per criterion, the recommendations counted, and each reviewer's comment. */
    /**
     * Who else takes a committee task when no member is cleared (all conflicted, or none declared):
     * the coordinators, as for the determination; nobody else while a member can.
     * {@code camunda:candidateGroups="${grantReviews.withoutMembers(clearedMembers)}"}
     */
    public List<String> withoutMembers(Collection<?> clearedMembers) {
        return clearedMembers == null || clearedMembers.isEmpty() ? List.of(Groups.COORDINATORS) : List.of();
    }

    public void summarise(DelegateExecution execution) {
        var reviews = new ArrayList<Map<String, Object>>();
        for (String member : cleared(execution)) {
            if (execution.getVariable(REVIEW_PREFIX + member) instanceof Map<?, ?> review) {
                @SuppressWarnings("unchecked")
                Map<String, Object> typed = (Map<String, Object>) review;
                reviews.add(typed);
            }
        }
        execution.setVariable(REVIEW_SUMMARY, summary(reviews));
    }

    static String summary(List<Map<String, Object>> reviews) {
        if (reviews.isEmpty()) {
            return "No reviews: nobody of the committee was cleared to review, or nobody reviewed in time.";
        }
        var text = new StringBuilder(reviews.size() + (reviews.size() == 1 ? " review." : " reviews."));
        text.append("\nAverage scores (1 to 5):");
        for (String criterion : CRITERIA) {
            double average = reviews.stream().map(review -> review.get(criterion)).filter(Number.class::isInstance)
                    .mapToDouble(score -> ((Number) score).doubleValue()).average().orElse(Double.NaN);
            text.append(String.format(Locale.ROOT, "\n- %s: %.1f", label(criterion), average));
        }
        var recommendations = new LinkedHashMap<String, Integer>();
        reviews.forEach(review -> recommendations.merge(String.valueOf(review.get(RECOMMENDATION)), 1, Integer::sum));
        text.append("\nRecommendations:");
        recommendations.forEach((recommendation, count) -> text.append("\n- ").append(recommendation).append(": ").append(count));
        text.append("\nComments:");
        for (Map<String, Object> review : reviews) {
            Object comment = review.get(REVIEW_COMMENT);
            text.append("\n- ").append(review.get("reviewer")).append(": ")
                    .append(comment == null || comment.toString().isBlank() ? "(none)" : comment);
        }
        return text.toString();
    }

    private static String label(String criterion) {
        return criterion.substring("score".length());
    }

    @SuppressWarnings("unchecked")
    private static List<String> cleared(DelegateExecution execution) {
        Object cleared = execution.getVariable(ConflictsOfInterest.CLEARED_MEMBERS);
        return cleared == null ? List.of() : (List<String>) cleared;
    }
}
