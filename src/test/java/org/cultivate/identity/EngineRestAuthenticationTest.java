package org.cultivate.identity;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.cultivate.system.DefaultProfileTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code /engine-rest} answers only to authenticated users, and the engine's authorizations decide what each sees. */
@DefaultProfileTest
class EngineRestAuthenticationTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;

    private static final String PROBE = "wrong-password-probe";

    @Test
    void anonymousCallsAreRefused() {
        assertThat(http.getForEntity("/engine-rest/task", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        // an account of its own: a wrong password locks it for a few seconds (Camunda's login delay)
        if (identityService.createUserQuery().userId(PROBE).count() == 0) {
            var probe = identityService.newUser(PROBE);
            probe.setPassword("the-right-password");
            identityService.saveUser(probe);
        }
        assertThat(exchange(PROBE, "wrong", "/engine-rest/task").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void theConductCommitteeSeesItsTaskAndTheGrantsCommitteeDoesNot() {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        String reference = http.postForObject("/api/forms/incident-report/submissions",
                new HttpEntity<>("{\"description\": \"A long enough description of what happened.\"}", headers), JsonNode.class)
                .path("reference").asText();
        String query = "/engine-rest/task?processInstanceBusinessKey=" + reference;

        // alice first declares that she has no conflict, through her own task, as Tasklist does
        await().atMost(Duration.ofSeconds(30)).until(() -> runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(reference).count() == 1);
        String caseId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).singleResult().getId();
        String declarations = "/engine-rest/task?assignee=alice&taskDefinitionKey=UserTask_DeclareConflict&processVariables=caseId_eq_" + caseId;
        await().atMost(Duration.ofSeconds(30)).until(() -> get("alice", declarations).size() == 1);
        String declaration = get("alice", declarations).get(0).path("id").asText();
        var answer = new HttpHeaders();
        answer.setBasicAuth("alice", "alice");
        answer.setContentType(MediaType.APPLICATION_JSON);
        assertThat(http.exchange("/engine-rest/task/" + declaration + "/submit-form", HttpMethod.POST,
                new HttpEntity<>("{\"variables\": {\"hasConflict\": {\"value\": false}}}", answer), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        await().atMost(Duration.ofSeconds(30)).until(() -> get("alice", query).size() == 1);
        JsonNode task = get("alice", query).get(0);
        assertThat(task.path("name").asText()).matches("Acknowledge [a-z]+-[a-z]+-[0-9]{2}");
        assertThat(get("alice", "/engine-rest/task/" + task.path("id").asText() + "/deployed-form")
                .path("id").asText()).isEqualTo("acknowledge-report");

        // bob has not declared yet: the case is not his to see
        assertThat(get("bob", query)).isEmpty();

        // a comment on the case's task, fetched by id: only those who may see the task get it
        String taskId = task.path("id").asText();
        var comment = taskService.createComment(taskId, caseId, "Witness statement: Mallory was there.");
        String commentPath = "/engine-rest/task/" + taskId + "/comment/" + comment.getId();
        assertThat(get("alice", commentPath).path("message").asText()).contains("Mallory");
        for (String outsider : List.of("bob", "dana")) {
            ResponseEntity<JsonNode> refused = exchange(outsider, outsider, commentPath);
            assertThat(refused.getStatusCode()).as(outsider).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(String.valueOf(refused.getBody())).doesNotContain("Mallory");
        }
        var attachment = taskService.createAttachment("text/plain", taskId, caseId, "notes", "meeting notes", "https://example.org");
        assertThat(exchange("dana", "dana", "/engine-rest/task/" + taskId + "/attachment/" + attachment.getId()).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("alice", "/engine-rest/task/" + taskId + "/attachment/" + attachment.getId()).path("name").asText())
                .isEqualTo("notes");
        assertThat(get("dana", query)).isEmpty();
        assertThat(get("gita", query)).isEmpty();
    }

    /** Sends Basic credentials with the first request, as Tasklist's scripts and curl do. */
    private ResponseEntity<JsonNode> exchange(String user, String password, String path) {
        var headers = new HttpHeaders();
        headers.setBasicAuth(user, password);
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);
    }

    private JsonNode get(String user, String path) {
        ResponseEntity<JsonNode> response = exchange(user, user, path);
        assertThat(response.getStatusCode()).as("%s %s", user, path).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }
}
