package org.cultivate.intake;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.variable.type.ValueType;
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
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The public contract of DESIGN.md for the catalogue, submissions and tracking, over HTTP. */
@DefaultProfileTest
class IntakeApiTest {

    private static final String GOOD_REPORT = """
            {"description": "Someone shouted at me during the meetup.", "location": "event",
             "ongoingDanger": false, "reporterEmail": "reporter@example.org", "language": "es"}""";

    @Autowired
    TestRestTemplate http;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    HistoryService historyService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CaseTrackingRepository trackingRepository;

    @Test
    void theCatalogueListsThePublicStartFormsOnly() {
        ResponseEntity<JsonNode> response = http.getForEntity("/api/forms", JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().findValuesAsText("formId")).contains("incident-report").doesNotContain("acknowledge-report");
        JsonNode incident = first(response.getBody(), "incident-report");
        assertThat(incident.path("title").asText()).isEqualTo("Report a code-of-conduct incident");
        assertThat(incident.path("processKey").asText()).isEqualTo("conduct-incident");
    }

    @Test
    void aGoodSubmissionStartsItsProcessWithTypedVariablesAndTheReferenceAsBusinessKey() {
        ResponseEntity<JsonNode> response = submit("incident-report", GOOD_REPORT);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(response.getHeaders().getLocation()).isNull();
        String code = response.getBody().path("trackingCode").asText();
        String reference = response.getBody().path("reference").asText();
        assertThat(code).matches("[A-Za-z0-9_-]{32}");
        assertThat(reference).matches("CI-[0-9A-Z]{8}");

        var instance = historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(reference).singleResult();
        assertThat(instance.getProcessDefinitionKey()).isEqualTo("conduct-incident");
        var variables = historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).list();
        assertThat(variables).anySatisfy(variable -> {
            assertThat(variable.getName()).isEqualTo("ongoingDanger");
            assertThat(variable.getTypedValue().getType()).isEqualTo(ValueType.BOOLEAN);
            assertThat(variable.getValue()).isEqualTo(false);
        });
        assertThat(variables).anySatisfy(variable -> {
            assertThat(variable.getName()).isEqualTo("peopleInvolved");
            assertThat(variable.getTypedValue().getType()).isEqualTo(ValueType.STRING);
            assertThat(variable.getValue()).isNull();
        });
        // the code itself is stored nowhere: neither in the tracking table nor in any variable
        assertThat(jdbc.queryForList("SELECT * FROM cultivate_case_tracking WHERE reference = ?", reference))
                .singleElement().satisfies(row -> assertThat(row.values()).doesNotContain(code));
        // the acknowledgement mail, a job that may already have run, carries a second code of the submitter's
        assertThat(jdbc.queryForList("SELECT * FROM cultivate_tracking_code WHERE reference = ?", reference))
                .allSatisfy(row -> assertThat(row.values()).doesNotContain(code).contains(CaseTracking.SUBMITTER))
                .anySatisfy(row -> assertThat(row.values()).contains(TrackingCodes.hash(code)));
        assertThat(variables).noneSatisfy(variable -> assertThat(String.valueOf(variable.getValue())).contains(code));
    }

    @Test
    void theCaseTakesItsLanguageFromTheFormOrElseFromTheSubmissionsAcceptLanguage() {
        String fromHeader = submit("incident-report", """
                {"description": "Someone shouted at me during the meetup."}""", "es-MX,es;q=0.9,en;q=0.5")
                .getBody().path("reference").asText();
        String fromForm = submit("incident-report", """
                {"description": "Someone shouted at me during the meetup.", "language": "en"}""", "es")
                .getBody().path("reference").asText();
        String withoutHeader = submit("incident-report", """
                {"description": "Someone shouted at me during the meetup."}""").getBody().path("reference").asText();

        assertThat(languageOf(fromHeader)).isEqualTo("es");
        assertThat(languageOf(fromForm)).isEqualTo("en");
        assertThat(languageOf(withoutHeader)).isEqualTo("en");
    }

    private Object languageOf(String reference) {
        String caseId = historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(reference).singleResult().getId();
        return historyService.createHistoricVariableInstanceQuery().processInstanceId(caseId)
                .variableName(CaseLanguage.VARIABLE).singleResult().getValue();
    }

    @Test
    void aBadSubmissionIsRefusedFieldByFieldAndStartsNothing() {
        long before = historyService.createHistoricProcessInstanceQuery().processDefinitionKey("conduct-incident").count();

        ResponseEntity<JsonNode> response = submit("incident-report", """
                {"description": "short", "location": "moon", "reporterEmail": "not-an-address", "isAdmin": true}""");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().path("title").asText()).isEqualTo("Invalid submission");
        assertThat(response.getBody().path("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("description", "location", "reporterEmail", "isAdmin");
        assertThat(response.getBody().path("errors").findValuesAsText("message"))
                .contains("\"What happened?\" must have at least 10 characters.");
        // and as a rule with its limit, for clients that say it in their reader's language
        assertThat(response.getBody().path("errors")).anySatisfy(error -> {
            assertThat(error.path("field").asText()).isEqualTo("description");
            assertThat(error.path("rule").asText()).isEqualTo("minLength");
            assertThat(error.path("limit").asInt()).isEqualTo(10);
        });
        assertThat(response.getBody().path("errors").findValuesAsText("rule")).contains("option", "email", "unknownField");
        assertThat(response.getBody().toString()).doesNotContain("Exception", "at org.");
        assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey("conduct-incident").count()).isEqualTo(before);
    }

    @Test
    void unknownAndInternalFormsAreNotFound() {
        for (String formId : List.of("no-such-form", "acknowledge-report")) {
            ResponseEntity<JsonNode> response = submit(formId, GOOD_REPORT);
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(response.getBody().path("detail").asText()).contains(formId);
        }
    }

    @Test
    void aBodyOverSixtyFourKibibytesIsRefusedWith413() {
        String huge = "{\"description\": \"" + "x".repeat(70 * 1024) + "\"}";

        ResponseEntity<JsonNode> response = submit("incident-report", huge);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void somethingThatIsNotAJsonObjectIsABadRequest() {
        for (String body : List.of("{not json", "[1, 2]", "\"text\"")) {
            ResponseEntity<JsonNode> response = submit("incident-report", body);
            assertThat(response.getStatusCode()).as(body).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    void theTrackingPageFollowsTheCaseAsTheProcessMovesIt() {
        ResponseEntity<JsonNode> receipt = submit("incident-report", GOOD_REPORT);
        String code = receipt.getBody().path("trackingCode").asText();
        String reference = receipt.getBody().path("reference").asText();

        JsonNode received = http.getForObject("/api/tracking/" + code, JsonNode.class);
        assertThat(received.path("processKey").asText()).isEqualTo("conduct-incident");
        assertThat(received.path("status").asText()).isEqualTo("received");
        assertThat(received.path("updates").findValuesAsText("status")).containsExactly("received");

        taskService.complete(acknowledgeTaskOnceMailsAreSent(reference), Map.of("severity", "low"));

        JsonNode reviewed = http.getForObject("/api/tracking/" + code, JsonNode.class);
        assertThat(reviewed.path("status").asText()).isEqualTo("under-review");
        assertThat(reviewed.path("updates").findValuesAsText("status")).containsExactly("received", "under-review");
        assertThat(reviewed.path("updates").get(1).path("message").asText()).isNotBlank();
        assertThat(reviewed.toString()).doesNotContain("shouted", "reporter@example.org");
    }

    @Test
    void theTrackingEntryOfAnEndedCaseIsDeletedAfterTheRetentionPeriod() {
        ResponseEntity<JsonNode> receipt = submit("incident-report", GOOD_REPORT);
        String code = receipt.getBody().path("trackingCode").asText();
        String reference = receipt.getBody().path("reference").asText();
        String acknowledge = acknowledgeTaskOnceMailsAreSent(reference);
        var retention = Duration.ofDays(365);

        var tooEarly = new TrackingRetention(trackingRepository, Clock.offset(Clock.systemUTC(), Duration.ofDays(400)), retention);
        tooEarly.deleteExpired();
        assertThat(http.getForEntity("/api/tracking/" + code, JsonNode.class).getStatusCode())
                .as("a running case is kept, however old").isEqualTo(HttpStatus.OK);

        declareNoConflicts(reference);
        taskService.complete(acknowledge, Map.of("severity", "low"));
        decideNoViolation(reference);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).count()).isZero();
        new TrackingRetention(trackingRepository, Clock.offset(Clock.systemUTC(), Duration.ofDays(300)), retention).deleteExpired();
        assertThat(http.getForEntity("/api/tracking/" + code, JsonNode.class).getStatusCode())
                .as("within the retention period").isEqualTo(HttpStatus.OK);

        new TrackingRetention(trackingRepository, Clock.offset(Clock.systemUTC(), Duration.ofDays(366)), retention).deleteExpired();
        assertThat(http.getForEntity("/api/tracking/" + code, JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cultivate_case_update WHERE reference = ?", Integer.class, reference)).isZero();
    }

    @Test
    void theReporterAnswersAQuestionOfTheCommitteeThroughAHolderTaskWithTheTrackingCodeAlone() {
        ResponseEntity<JsonNode> receipt = submit("incident-report", GOOD_REPORT);
        String code = receipt.getBody().path("trackingCode").asText();
        String reference = receipt.getBody().path("reference").asText();

        assertThat(http.getForObject("/api/tracking/" + code, JsonNode.class).path("tasks")).as("nothing asked yet").isEmpty();
        String acknowledge = acknowledgeTaskOnceMailsAreSent(reference);
        declareNoConflicts(reference);
        taskService.complete(acknowledge, Map.of("severity", "low"));
        String investigate = taskService.createTaskQuery().processInstanceBusinessKey(reference).singleResult().getId();
        taskService.complete(investigate, Map.of("nextStep", "ask-reporter", "questionForReporter", "Which channel was it?"));

        JsonNode asked = http.getForObject("/api/tracking/" + code, JsonNode.class);
        assertThat(asked.path("status").asText()).isEqualTo("awaiting-information");
        assertThat(asked.path("updates").findValuesAsText("message")).contains("Which channel was it?");
        assertThat(asked.path("tasks")).hasSize(1);
        JsonNode waiting = asked.path("tasks").get(0);
        assertThat(waiting.path("formId").asText()).isEqualTo("answer-question");
        assertThat(waiting.path("name").asText()).isEqualTo("Answer the committee's question");
        String task = "/api/tracking/" + code + "/tasks/" + waiting.path("id").asText();

        JsonNode form = http.getForObject(task, JsonNode.class);
        assertThat(form.path("form").path("id").asText()).isEqualTo("answer-question");
        assertThat(form.path("values").path("questionForReporter").asText()).isEqualTo("Which channel was it?");
        assertThat(form.path("values").fieldNames()).toIterable().as("only what the form shows read-only")
                .containsExactly("questionForReporter");
        assertThat(form.toString()).doesNotContain("shouted", "reporter@example.org");
        assertThat(form.path("translation")).as("English is the form's own language").isEmpty();
        var spanish = new HttpHeaders();
        spanish.set(HttpHeaders.ACCEPT_LANGUAGE, "es-MX,es;q=0.9");
        ResponseEntity<JsonNode> inSpanish = http.exchange(task, HttpMethod.GET, new HttpEntity<>(spanish), JsonNode.class);
        assertThat(inSpanish.getBody().path("translation").path("Field_Answer").path("label").asText()).isEqualTo("Tu respuesta");
        assertThat(inSpanish.getHeaders().getVary()).contains(HttpHeaders.ACCEPT_LANGUAGE);
        assertThat(taskService.createTaskQuery().taskCandidateUser("alice").processInstanceBusinessKey(reference).list())
                .as("in no committee member's task list").isEmpty();

        ResponseEntity<JsonNode> empty = postJson(task, Map.of("holderMessage", ""));
        assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(empty.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(empty.getBody().path("errors").findValuesAsText("field")).containsExactly("holderMessage");
        assertThat(postJson(task, Map.of("holderMessage", "x".repeat(5001))).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(postJson(task, Map.of("questionForReporter", "Something else", "holderMessage", "Hi")).getBody()
                .path("errors").findValuesAsText("rule")).containsExactly("readOnly");
        assertThat(postJson(task, Map.of("holderMessage", "Hi", "answeredBy", "respondent")).getStatusCode())
                .as("a field the form does not have").isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(postJson("/api/tracking/" + TrackingCodes.newCode() + "/tasks/" + waiting.path("id").asText(),
                Map.of("holderMessage", "Hello")).getStatusCode()).as("another code").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(postJson("/api/tracking/" + code + "/tasks/" + acknowledge, Map.of("severity", "low")).getStatusCode())
                .as("a committee task is no holder task").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(taskService.createTaskQuery().taskId(waiting.path("id").asText()).count()).as("nothing changed").isOne();

        assertThat(postJson(task, Map.of("holderMessage", "The #general channel, on Tuesday.")).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        JsonNode answered = http.getForObject("/api/tracking/" + code, JsonNode.class);
        assertThat(answered.path("status").asText()).isEqualTo("under-review");
        assertThat(answered.path("tasks")).isEmpty();
        var next = taskService.createTaskQuery().processInstanceBusinessKey(reference).singleResult();
        assertThat(next.getTaskDefinitionKey()).isEqualTo("UserTask_Investigate");
        assertThat(runtimeService.getVariable(next.getProcessInstanceId(), "holderMessage")).isEqualTo("The #general channel, on Tuesday.");
        assertThat(runtimeService.getVariable(next.getProcessInstanceId(), "answeredBy")).isEqualTo("submitter");
        assertThat(postJson(task, Map.of("holderMessage", "Once more")).getStatusCode()).as("answered already").isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void anUnknownTrackingCodeIsNotFoundAndRevealsNothing() {
        for (String code : List.of(TrackingCodes.newCode(), "too-short")) {
            ResponseEntity<JsonNode> response = http.getForEntity("/api/tracking/" + code, JsonNode.class);
            assertThat(response.getStatusCode()).as(code).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        }
        // an encoded path traversal is refused before any code is looked up
        ResponseEntity<JsonNode> traversal = http.getForEntity("/api/tracking/%2e%2e%2fetc", JsonNode.class);
        assertThat(traversal.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(traversal.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void everyApiErrorIsProblemJson() {
        // deny by default: an unknown path is not even confirmed missing to an anonymous caller
        ResponseEntity<JsonNode> anonymous = http.getForEntity("/api/nothing-here", JsonNode.class);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(anonymous.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        ResponseEntity<JsonNode> noSuchPath = http.withBasicAuth("gita", "gita").getForEntity("/api/nothing-here", JsonNode.class);
        assertThat(noSuchPath.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(noSuchPath.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);

        var headers = new HttpHeaders();
        headers.setContentType(MediaType.TEXT_PLAIN);
        ResponseEntity<JsonNode> wrongType = http.postForEntity("/api/forms/incident-report/submissions",
                new HttpEntity<>("hello", headers), JsonNode.class);
        assertThat(wrongType.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(wrongType.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);

        ResponseEntity<JsonNode> wrongMethod = http.exchange("/api/forms", org.springframework.http.HttpMethod.DELETE, null, JsonNode.class);
        assertThat(wrongMethod.getStatusCode()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
        assertThat(wrongMethod.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    /** The acknowledgement task, once the job executor has sent the case's mails (so the two do not collide). */
    private String acknowledgeTaskOnceMailsAreSent(String reference) {
        String caseId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).singleResult().getId();
        await().atMost(Duration.ofSeconds(30)).until(() -> managementService.createJobQuery().processInstanceId(caseId).messages().count() == 0
                && taskService.createTaskQuery().processInstanceId(caseId).count() == 1);
        return taskService.createTaskQuery().processInstanceId(caseId).singleResult().getId();
    }

    /** The committee proposes "no violation" and every voter approves. */
    private void decideNoViolation(String reference) {
        String investigate = taskService.createTaskQuery().processInstanceBusinessKey(reference).singleResult().getId();
        taskService.complete(investigate, Map.of("nextStep", "propose"));
        String propose = taskService.createTaskQuery().processInstanceBusinessKey(reference).singleResult().getId();
        taskService.complete(propose, Map.of("outcome", "no-violation", "messageToReporter", "We found no violation.",
                "rationale", "Nothing in the logs."));
        for (var ballot : taskService.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey("UserTask_Vote").list()) {
            taskService.complete(ballot.getId(), Map.of("approve", true));
        }
        // the appeal window and the expunge period pass
        String caseId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).singleResult().getId();
        for (String timer : List.of("Timer_AppealWindow", "Timer_Expunge")) {
            await().atMost(Duration.ofSeconds(30)).until(() -> managementService.createJobQuery()
                    .processInstanceId(caseId).activityId(timer).count() == 1);
            String job = managementService.createJobQuery().processInstanceId(caseId).activityId(timer).singleResult().getId();
            // the job executor may be sending one of the case's mails at this moment: then try again
            await().atMost(Duration.ofSeconds(30)).ignoreException(OptimisticLockingException.class).until(() -> {
                managementService.executeJob(job);
                return true;
            });
        }
        // the reporter's outcome mail is a job; the case ends when it is sent
        await().atMost(Duration.ofSeconds(30)).until(() -> runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(reference).count() == 0);
    }

    /** Every committee member declares no conflict, so that the case can end. */
    private void declareNoConflicts(String reference) {
        String caseId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).singleResult().getId();
        for (var declaration : runtimeService.createProcessInstanceQuery().superProcessInstanceId(caseId).list()) {
            var task = taskService.createTaskQuery().processInstanceId(declaration.getId()).singleResult();
            taskService.complete(task.getId(), Map.of("hasConflict", false));
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> runtimeService.createProcessInstanceQuery().superProcessInstanceId(caseId).count() == 0);
    }

    private ResponseEntity<JsonNode> postJson(String path, Object body) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity(path, new HttpEntity<>(body, headers), JsonNode.class);
    }

    private ResponseEntity<JsonNode> submit(String formId, String body) {
        return submit(formId, body, null);
    }

    private ResponseEntity<JsonNode> submit(String formId, String body, String acceptLanguage) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (acceptLanguage != null) {
            headers.set(HttpHeaders.ACCEPT_LANGUAGE, acceptLanguage);
        }
        return http.postForEntity("/api/forms/" + formId + "/submissions", new HttpEntity<>(body, headers), JsonNode.class);
    }

    private static JsonNode first(JsonNode forms, String formId) {
        for (JsonNode form : forms) {
            if (form.path("formId").asText().equals(formId)) {
                return form;
            }
        }
        throw new AssertionError("no form " + formId + " in " + forms);
    }
}
