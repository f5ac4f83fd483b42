package org.cultivate.conduct;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
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

/**
 * One whole case the way people work it: the reporter through the public API with their
 * tracking code, the committee through {@code /engine-rest} as Tasklist does — each member signed
 * in as themselves, reading every task's deployed form and submitting only the fields it offers.
 */
@DefaultProfileTest
class ConductCaseOverRestTest {

    private static final List<String> COMMITTEE = List.of("alice", "bob", "chidi");

    @Autowired
    TestRestTemplate http;
    @Autowired
    HistoryService historyService;
    @Autowired
    RuntimeService runtimeService;

    @Test
    void aReportIsAcknowledgedInvestigatedDecidedAppealedAndClosed() {
        JsonNode receipt = post(null, "/api/forms/incident-report/submissions", Map.of(
                "description", "He mocked my accent in three meetings.", "behaviour", "harassment",
                "reporterEmail", "rosa@example.org", "location", "online"), JsonNode.class).getBody();
        String code = receipt.path("trackingCode").asText();
        String reference = receipt.path("reference").asText();

        String caseId = awaitCase(reference);
        for (String member : COMMITTEE) {
            String declaration = awaitTask(member, "assignee=" + member + "&taskDefinitionKey=UserTask_DeclareConflict"
                    + "&processVariables=caseId_eq_" + caseId);
            submit(member, declaration, Map.of("hasConflict", false));
        }
        String inCase = "processInstanceBusinessKey=" + reference;

        String acknowledge = awaitTask("alice", inCase + "&taskDefinitionKey=UserTask_AcknowledgeReport");
        claimAndSubmit("alice", acknowledge, Map.of("severity", "medium", "acknowledgementMessage", "Thank you; we are on it."));
        assertThat(track(code).path("status").asText()).isEqualTo("under-review");

        claimAndSubmit("bob", awaitTask("bob", inCase + "&taskDefinitionKey=UserTask_Investigate"),
                Map.of("nextStep", "ask-reporter", "questionForReporter", "Were others in those meetings?"));
        assertThat(track(code).path("status").asText()).isEqualTo("awaiting-information");
        assertThat(post(null, "/api/tracking/" + code + "/replies", Map.of("text", "Yes, two others."), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        String investigate = awaitTask("bob", inCase + "&taskDefinitionKey=UserTask_Investigate");
        assertThat(get("bob", "/task/" + investigate + "/form-variables").path("holderMessage").path("value").asText())
                .isEqualTo("Yes, two others.");
        claimAndSubmit("bob", investigate, Map.of("nextStep", "propose"));
        claimAndSubmit("chidi", awaitTask("chidi", inCase + "&taskDefinitionKey=UserTask_ProposeResolution"), Map.of(
                "outcome", "warning", "rationale", "Repeated, but no threats.",
                "messageToReporter", "We have given a formal warning.", "informReportedPerson", false));
        for (String member : COMMITTEE) {
            submit(member, awaitTask(member, inCase + "&assignee=" + member + "&taskDefinitionKey=UserTask_Vote"),
                    Map.of("approve", true, "voteComment", "Agreed."));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> "appeal-open".equals(track(code).path("status").asText()));
        assertThat(track(code).path("updates").findValuesAsText("message")).contains("We have given a formal warning.");
        assertThat(post(null, "/api/tracking/" + code + "/appeals", Map.of("text", "A warning is not enough."), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(track(code).path("status").asText()).isEqualTo("appeal-under-review");

        // every cleared member voted: the administrators review
        assertThat(get("alice", "/task?" + inCase + "&taskDefinitionKey=UserTask_ReviewAppeal")).isEmpty();
        String review = awaitTask("demo", inCase + "&taskDefinitionKey=UserTask_ReviewAppeal");
        claimAndSubmit("demo", review, Map.of("appealDecision", "upheld", "finalOutcome", "warning",
                "appealResponse", "After review, the warning stands."));

        JsonNode closed = track(code);
        assertThat(closed.path("status").asText()).isEqualTo("closed");
        assertThat(closed.path("updates").findValuesAsText("status")).containsSubsequence(
                "received", "under-review", "awaiting-information", "under-review", "decided", "appeal-open", "appeal-under-review", "closed");
        assertThat(closed.toString()).doesNotContain("mocked", "accent", "Repeated, but no threats.", "Agreed.");
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(reference).singleResult().getState())
                .isEqualTo("COMPLETED");
    }

    /** Submits a task as Tasklist does: only the keys its deployed form offers, disabled ones left out. */
    private void submit(String user, String taskId, Map<String, Object> values) {
        Set<String> offered = new HashSet<>();
        collectKeys(get(user, "/task/" + taskId + "/deployed-form").path("components"), offered);
        assertThat(offered).as("fields the form of task %s offers", taskId).containsAll(values.keySet());
        var variables = new LinkedHashMap<String, Object>();
        values.forEach((key, value) -> variables.put(key, Map.of("value", value)));
        assertThat(post(user, "/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", variables), String.class)
                .getStatusCode()).as("%s submits %s", user, taskId).isEqualTo(HttpStatus.NO_CONTENT);
    }

    private void claimAndSubmit(String user, String taskId, Map<String, Object> values) {
        assertThat(post(user, "/engine-rest/task/" + taskId + "/claim", Map.of("userId", user), String.class).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        submit(user, taskId, values);
    }

    private static void collectKeys(JsonNode components, Set<String> keys) {
        for (JsonNode component : components) {
            if (component.has("key") && !component.path("disabled").asBoolean(false)) {
                keys.add(component.path("key").asText());
            }
            collectKeys(component.path("components"), keys);
        }
    }

    private String awaitTask(String user, String query) {
        await().atMost(Duration.ofSeconds(30)).until(() -> get(user, "/task?" + query).size() == 1);
        return get(user, "/task?" + query).get(0).path("id").asText();
    }

    private String awaitCase(String reference) {
        await().atMost(Duration.ofSeconds(30)).until(() -> runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(reference).count() == 1);
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).singleResult().getId();
    }

    private JsonNode track(String code) {
        return http.getForObject("/api/tracking/" + code, JsonNode.class);
    }

    private JsonNode get(String user, String path) {
        var headers = new HttpHeaders();
        headers.setBasicAuth(user, user);
        ResponseEntity<JsonNode> response = http.exchange(path.startsWith("/task") ? "/engine-rest" + path : path,
                HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);
        assertThat(response.getStatusCode()).as("%s GET %s", user, path).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private <T> ResponseEntity<T> post(String user, String path, Object body, Class<T> type) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (user != null) {
            headers.setBasicAuth(user, user);
        }
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), type);
    }
}
