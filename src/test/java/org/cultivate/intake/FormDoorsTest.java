package org.cultivate.intake;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.cultivate.system.DefaultProfileTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The form is the contract at every door: task completion over {@code /engine-rest} (complete and
 * submit-form; Tasklist's engine API serves the same resources through the same command chain, and
 * TasklistBrowserTest completes a task through Tasklist's form) and over the Java API; process
 * starts over {@code /engine-rest} (start and submit-form). Bad values answer 400 with every
 * field's message and change nothing; a start with only the required values is a whole case.
 */
@DefaultProfileTest
class FormDoorsTest {

    private static final String REST = "/engine-rest";

    @Autowired
    TestRestTemplate http;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    JdbcTemplate jdbc;

    @ParameterizedTest
    @ValueSource(strings = {"/submit-form", "/complete"})
    void aTaskSubmissionMeetsItsFormOverEngineRest(String door) {
        String investigate = investigateTask();

        ResponseEntity<JsonNode> noQuestion = postAs("bob", REST + "/task/" + investigate + door, Map.of("nextStep", "ask-reporter"));
        assertThat(noQuestion.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noQuestion.getBody().path("message").asText()).contains("\"Question for the reporter\" is required.");

        assertRefused(REST + "/task/" + investigate + door, Map.of("nextStep", "delay"), "is not one of the offered choices");
        assertRefused(REST + "/task/" + investigate + door, Map.of("nextStep", "propose", "description", "Rewritten."), "read-only");
        assertRefused(REST + "/task/" + investigate + door, Map.of("nextStep", "propose", "severity", "low"), "has no field \"severity\"");
        assertRefused(REST + "/task/" + investigate + door, Map.of("nextStep", "propose", "questionForReporter", "Hidden?"),
                "is not asked for with these answers");
        assertRefused(REST + "/task/" + investigate + door, Map.of("nextStep", "propose", "investigationNotes", 42), "must be text");
        assertThat(taskService.createTaskQuery().taskId(investigate).count()).as("nothing changed").isOne();
        assertThat(runtimeService.getVariable(taskService.createTaskQuery().taskId(investigate).singleResult().getProcessInstanceId(),
                "nextStep")).isNull();

        assertThat(postAs("bob", REST + "/task/" + investigate + door, Map.of("nextStep", "propose")).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        var propose = taskService.createTaskQuery().taskDefinitionKey("UserTask_ProposeResolution").processInstanceId(
                taskService.createTaskQuery().taskDefinitionKey("UserTask_ProposeResolution").list().get(0).getProcessInstanceId())
                .list();
        assertThat(propose).isNotEmpty();
        assertThat(runtimeService.getVariables(propose.get(0).getProcessInstanceId()))
                .as("the hidden question and the notes left empty are typed nulls")
                .containsEntry("questionForReporter", null).containsEntry("investigationNotes", null);
    }

    @Test
    void theJavaApiIsADoorAsWell() {
        String investigate = investigateTask();

        assertThatThrownBy(() -> taskService.complete(investigate, Map.of("nextStep", "ask-reporter")))
                .isInstanceOf(InvalidFormSubmission.class)
                .satisfies(e -> assertThat(((InvalidFormSubmission) e).errors()).singleElement()
                        .satisfies(error -> assertThat(error.field()).isEqualTo("questionForReporter")));
    }

    @Test
    void aCaseStartedOverEngineRestWithOnlyTheRequiredFieldsIsAWholeCase() {
        ResponseEntity<JsonNode> started = postAs("demo", REST + "/process-definition/key/conduct-incident/start",
                Map.of("variables", typed(Map.of("description", "Reported to us by e-mail: insults in the chat."))));

        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
        String caseId = started.getBody().path("id").asText();
        String reference = started.getBody().path("businessKey").asText();
        assertThat(reference).matches("CI-[0-9A-Z]{8}");
        assertThat(runtimeService.getVariables(caseId)).as("typed nulls for the start form's other fields")
                .containsEntry("reporterEmail", null).containsEntry("ongoingDanger", null).containsEntry("location", null);
        assertThat(jdbc.queryForObject("SELECT status FROM cultivate_case_tracking WHERE reference = ?", String.class, reference))
                .isEqualTo("received");
        await().atMost(Duration.ofSeconds(30)).until(() -> managementService.createJobQuery().processInstanceId(caseId).messages().count() == 0);
        assertThat(managementService.createJobQuery().withException().processInstanceId(caseId).list()).as("failed jobs").isEmpty();
        assertThat(runtimeService.createIncidentQuery().processInstanceId(caseId).count()).isZero();
        assertThat(runtimeService.getVariable(caseId, "codeName")).as("opened under a code name").isNotNull();
        assertThat(taskService.createTaskQuery().processInstanceId(caseId).taskDefinitionKey("UserTask_AcknowledgeReport").count()).isOne();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/start", "/submit-form"})
    void aStartMeetsItsStartForm(String door) {
        long before = runtimeService.createProcessInstanceQuery().processDefinitionKey("conduct-incident").count();

        ResponseEntity<JsonNode> refused = postAs("demo", REST + "/process-definition/key/conduct-incident" + door,
                Map.of("variables", typed(Map.of("description", "Too", "location", "the moon", "extra", "x"))));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().path("message").asText()).contains("3 fields need attention", "at least 10 characters",
                "'the moon' is not one of the offered choices", "no field \"extra\"");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("conduct-incident").count()).isEqualTo(before);
    }

    private void assertRefused(String path, Map<String, Object> values, String message) {
        ResponseEntity<JsonNode> response = postAs("bob", path, values);
        assertThat(response.getStatusCode()).as("%s", values).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().path("message").asText()).contains(message);
    }

    /** The investigation task of a new case, acknowledged, every member cleared. */
    private String investigateTask() {
        JsonNode receipt = postAs(null, "/api/forms/incident-report/submissions",
                Map.of("description", "Someone kept insulting me in the project chat.", "location", "online")).getBody();
        String reference = receipt.path("reference").asText();
        String caseId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).singleResult().getId();
        await().atMost(Duration.ofSeconds(30)).until(() -> managementService.createJobQuery().processInstanceId(caseId).messages().count() == 0);
        for (var declaration : runtimeService.createProcessInstanceQuery().superProcessInstanceId(caseId).list()) {
            taskService.complete(taskService.createTaskQuery().processInstanceId(declaration.getId()).singleResult().getId(),
                    Map.of("hasConflict", false));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> runtimeService.createProcessInstanceQuery().superProcessInstanceId(caseId).count() == 0);
        taskService.complete(taskService.createTaskQuery().processInstanceId(caseId).taskDefinitionKey("UserTask_AcknowledgeReport")
                .singleResult().getId(), Map.of("severity", "low"));
        return taskService.createTaskQuery().processInstanceId(caseId).taskDefinitionKey("UserTask_Investigate").singleResult().getId();
    }

    private static Map<String, Object> typed(Map<String, Object> values) {
        var variables = new LinkedHashMap<String, Object>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        return variables;
    }

    private ResponseEntity<JsonNode> postAs(String user, String path, Map<String, Object> body) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (user != null) {
            headers.setBasicAuth(user, user);
        }
        Object payload = path.startsWith(REST + "/task/") ? Map.of("variables", typed(body)) : body;
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(payload, headers), JsonNode.class);
    }
}
