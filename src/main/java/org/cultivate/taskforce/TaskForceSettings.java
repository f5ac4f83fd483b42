package org.cultivate.taskforce;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

import static org.cultivate.taskforce.TaskForceProcess.CRITERIA;

/**
 * The task-force settings ({@code cultivate.task-force.*}): the weight of each criterion of the
 * review rubric, the languages each selection-committee member reads (reviews go first to those who
 * read the application).
 */
@ConfigurationProperties("cultivate.task-force")
record TaskForceSettings(Map<String, Integer> rubric, Map<String, List<String>> reviewerLanguages) {

    TaskForceSettings {
        rubric = rubric == null || rubric.isEmpty() ? Map.of() : Map.copyOf(rubric);
        for (String criterion : rubric.keySet()) {
            if (!CRITERIA.contains(criterion)) {
                throw new IllegalArgumentException("cultivate.task-force.rubric: no criterion " + criterion + "; the criteria are " + CRITERIA);
            }
        }
        if (rubric.values().stream().anyMatch(weight -> weight < 0)) {
            throw new IllegalArgumentException("cultivate.task-force.rubric: a weight is 0 or more");
        }
        reviewerLanguages = reviewerLanguages == null ? Map.of() : Map.copyOf(reviewerLanguages);
    }

    /** A criterion's weight: 1 unless the settings say otherwise. */
    int weight(String criterion) {
        return rubric.getOrDefault(criterion, 1);
    }

    List<String> languagesOf(String reviewer) {
        return reviewerLanguages.getOrDefault(reviewer, List.of());
    }
}
