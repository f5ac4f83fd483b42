package org.cultivate.grant;

import java.math.BigDecimal;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import jakarta.servlet.http.HttpServletRequest;
import org.cultivate.system.ApiProblem;
import org.cultivate.system.RateLimiter;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import static org.cultivate.grant.RapidGrantProcess.AMOUNT;
import static org.cultivate.grant.RapidGrantProcess.APPLICANT_TYPE;
import static org.cultivate.grant.RapidGrantProcess.COMMUNITY;
import static org.cultivate.grant.RapidGrantProcess.CURRENCY;
import static org.cultivate.grant.RapidGrantProcess.END_DATE;
import static org.cultivate.grant.RapidGrantProcess.ORGANISATION;
import static org.cultivate.grant.RapidGrantProcess.PROCESS_KEY;
import static org.cultivate.grant.RapidGrantProcess.PROJECT_TITLE;
import static org.cultivate.grant.RapidGrantProcess.START_DATE;

/**
 * The applications open for community comment, for anyone ({@code GET /api/grants/open-for-comment}):
 * only those whose applicant consented, while the window is open, and without contact data or the
 * applicant's name; and a comment on one ({@code POST /api/grants/{reference}/comments}, body
 * {@code {"comment": "…"}}).
 */
@RestController
class GrantCommentsController {

    static final String COMMENT_WINDOW = "UserTask_CommentWindow";
    private static final String WINDOW_TIMER = "Timer_CommentWindow";
    private static final List<String> PUBLISHED = List.of(PROJECT_TITLE, APPLICANT_TYPE, ORGANISATION, COMMUNITY, "summary", "goals",
            "budget", AMOUNT, CURRENCY, START_DATE, END_DATE);

    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final GrantComments comments;
    private final RateLimiter limit;

    GrantCommentsController(RuntimeService runtimeService, ManagementService managementService, GrantComments comments,
            @Qualifier("communityComments") RateLimiter limit) {
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.comments = comments;
        this.limit = limit;
    }

    /** One application as the public reads it; the window closes at {@code commentsCloseAt}. */
    record OpenApplication(String reference, String projectTitle, String applicantType, String organisation, String community,
            String summary, String goals, String budget, BigDecimal amount, String currency, String startDate, String endDate,
            Date commentsCloseAt) {
    }

    @GetMapping("/api/grants/open-for-comment")
    List<OpenApplication> open() {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).activityIdIn(COMMENT_WINDOW)
                .orderByProcessInstanceId().asc().list().stream().map(this::published).toList();
    }

    @PostMapping("/api/grants/{reference}/comments")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> comment(@PathVariable String reference, @RequestBody JsonNode body, HttpServletRequest request) {
        limit.acquireOrRefuse(request.getRemoteAddr(), "comments");
        if (openCase(reference) == null) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "Not open for comment",
                    "No application with this reference is open for comment now.");
        }
        JsonNode comment = body.path("comment");
        if (!comment.isTextual() || comment.asText().isBlank() || comment.asText().length() > GrantComments.MAX_LENGTH) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid comment",
                    "\"comment\" is a text of 1 to " + GrantComments.MAX_LENGTH + " characters.");
        }
        comments.add(reference, comment.asText().strip());
        return Map.of("reference", reference, "received", true);
    }

    private ProcessInstance openCase(String reference) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).processInstanceBusinessKey(reference)
                .activityIdIn(COMMENT_WINDOW).list().stream().findFirst().orElse(null);
    }

    private OpenApplication published(ProcessInstance instance) {
        Map<String, Object> values = runtimeService.getVariables(instance.getId(), PUBLISHED);
        Job window = managementService.createJobQuery().processInstanceId(instance.getId()).activityId(WINDOW_TIMER).singleResult();
        boolean individual = "individual".equals(values.get(APPLICANT_TYPE));
        return new OpenApplication(instance.getBusinessKey(), text(values, PROJECT_TITLE), text(values, APPLICANT_TYPE),
                individual ? null : text(values, ORGANISATION), text(values, COMMUNITY), text(values, "summary"), text(values, "goals"),
                text(values, "budget"), values.get(AMOUNT) == null ? null : new BigDecimal(values.get(AMOUNT).toString()),
                text(values, CURRENCY), text(values, START_DATE), text(values, END_DATE), window == null ? null : window.getDuedate());
    }

    private static String text(Map<String, Object> values, String name) {
        Object value = values.get(name);
        return value == null ? null : value.toString();
    }
}
