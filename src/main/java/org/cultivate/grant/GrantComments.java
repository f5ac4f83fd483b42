package org.cultivate.grant;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import static org.cultivate.grant.RapidGrantProcess.COMMUNITY_COMMENTS;
import static org.cultivate.grant.RapidGrantProcess.PUBLISH_CONSENT;

/**
 * Community comments on applications open for comment ({@code cultivate_grant_comment}). They wait
 * in the table only while the window is open: {@code ${grantComments.collect(execution)}}, as the
 * window closes, moves them into the case's {@code communityComments}, which the reviewers read,
 * and which leaves with the case's history.
 */
@Component("grantComments")
public class GrantComments {

    static final int MAX_LENGTH = 2000;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    GrantComments(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void add(String reference, String comment) {
        jdbc.update("INSERT INTO cultivate_grant_comment (reference, body, created_at) VALUES (?, ?, ?)",
                reference, comment, Timestamp.from(clock.instant()));
    }

    public void collect(DelegateExecution execution) {
        String reference = execution.getProcessBusinessKey();
        List<String> comments = jdbc.queryForList("SELECT body FROM cultivate_grant_comment WHERE reference = ? ORDER BY created_at, id",
                String.class, reference);
        jdbc.update("DELETE FROM cultivate_grant_comment WHERE reference = ?", reference);
        execution.setVariable(COMMUNITY_COMMENTS, summary(Boolean.TRUE.equals(execution.getVariable(PUBLISH_CONSENT)), comments));
    }

    static String summary(boolean published, List<String> comments) {
        if (!published) {
            return "Not published for comment: the applicant did not consent.";
        }
        if (comments.isEmpty()) {
            return "No comments.";
        }
        var text = new StringBuilder(comments.size() + (comments.size() == 1 ? " comment:" : " comments:"));
        comments.forEach(comment -> text.append("\n- ").append(comment.strip().replaceAll("\\s*\\R\\s*", " ")));
        return text.toString();
    }
}
