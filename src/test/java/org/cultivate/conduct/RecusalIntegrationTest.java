package org.cultivate.conduct;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.cultivate.identity.Groups;
import org.cultivate.system.TestPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Recusal enforced by the engine, on PostgreSQL, seen through {@code /engine-rest} as Tasklist
 * and scripts see it: a member the report names, and a member who declares a conflict, get no
 * task, no variable and no history of the case, while a cleared member gets all of it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgres")
class RecusalIntegrationTest {

    private static final String PASSWORD = "committee-member-password";
    private static final String DETAILS = "During the sprint, Bob kept mocking my accent in the video call.";

    @Autowired
    TestRestTemplate http;
    @Autowired
    IdentityService identityService;
    @Autowired
    RuntimeService runtimeService;

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        // no mail server is needed here: the mail jobs may fail and wait, the case goes on
        TestPostgres.registerProfile(registry, "recusal", 9);
    }

    @BeforeEach
    void committee() {
        for (String member : List.of("alice", "bob", "chidi")) {
            if (identityService.createUserQuery().userId(member).count() == 0) {
                var user = identityService.newUser(member);
                user.setEmail(member + "@committee.test");
                user.setPassword(PASSWORD);
                identityService.saveUser(user);
                identityService.createMembership(member, Groups.CONDUCT_COMMITTEE);
            }
        }
    }

    @Test
    void recusedMembersFindNothingOfTheCaseAndTheClearedMemberFindsEverything() {
        String caseId = submit("{\"description\": \"" + DETAILS + "\", \"peopleInvolved\": \"bob, and others in the call\"}");

        // bob is named in the report: he is not even asked to declare
        await().atMost(Duration.ofSeconds(30)).until(() -> declarationOf("alice") != null && declarationOf("chidi") != null);
        assertThat(get("bob", "/task?assignee=bob").getBody()).isEmpty();

        // each member sees only their own declaration, which holds nothing of the report
        JsonNode declaration = declarationOf("alice");
        assertThat(get("alice", "/task/" + declaration.path("id").asText() + "/variables").getBody().toString())
                .doesNotContain("mocking", "accent");
        complete("alice", declarationOf("alice"), false);
        complete("chidi", declarationOf("chidi"), true);

        String acknowledge = "/task?processInstanceId=" + caseId;
        await().atMost(Duration.ofSeconds(30)).until(() -> get("alice", acknowledge).getBody().size() == 1);
        String taskId = get("alice", acknowledge).getBody().get(0).path("id").asText();

        // alice, cleared: the task, its form and variables, the case, its variables and history
        assertThat(get("alice", "/task/" + taskId + "/form-variables").getBody().toString()).contains("mocking");
        assertThat(get("alice", "/process-instance/" + caseId + "/variables").getBody().path("description").path("value").asText())
                .isEqualTo(DETAILS);
        assertThat(get("alice", "/variable-instance?processInstanceIdIn=" + caseId).getBody()).isNotEmpty();
        assertThat(get("alice", "/history/process-instance?processInstanceId=" + caseId).getBody()).hasSize(1);
        assertThat(get("alice", "/history/variable-instance?processInstanceId=" + caseId).getBody()).isNotEmpty();

        for (String recused : List.of("bob", "chidi")) {
            assertThat(get(recused, acknowledge).getBody()).as(recused).isEmpty();
            assertThat(get(recused, "/task?candidateUser=" + recused).getBody()).as(recused).isEmpty();
            assertThat(status(recused, "/task/" + taskId)).as(recused).isEqualTo(HttpStatus.NOT_FOUND);
            // the engine answers 403 to these, which would confirm the case exists; Cultivate says 404
            assertThat(status(recused, "/task/" + taskId + "/variables")).as(recused).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(status(recused, "/task/" + taskId + "/form-variables")).as(recused).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(status(recused, "/process-instance/" + caseId)).as(recused).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(status(recused, "/process-instance/" + caseId + "/variables")).as(recused).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(get(recused, "/process-instance?processInstanceIds=" + caseId).getBody()).as(recused).isEmpty();
            assertThat(get(recused, "/variable-instance?processInstanceIdIn=" + caseId).getBody()).as(recused).isEmpty();
            assertThat(get(recused, "/history/process-instance?processInstanceId=" + caseId).getBody()).as(recused).isEmpty();
            assertThat(get(recused, "/history/variable-instance?processInstanceId=" + caseId).getBody()).as(recused).isEmpty();
            assertThat(get(recused, "/history/detail?processInstanceId=" + caseId).getBody()).as(recused).isEmpty();
            assertThat(get(recused, "/history/task?processInstanceId=" + caseId).getBody()).as(recused).isEmpty();
            assertThat(get(recused, "/history/activity-instance?processInstanceId=" + caseId).getBody()).as(recused).isEmpty();
            assertThat(status(recused, "/task/" + taskId + "/claim", HttpMethod.POST, Map.of("userId", recused)))
                    .as(recused).isEqualTo(HttpStatus.FORBIDDEN);
        }
        // the case log says who was recused and how, for the committee only
        assertThat(get("alice", "/process-instance/" + caseId + "/variables/recusals?deserializeValue=false")
                .getBody().path("value").asText()).contains("\"bob\"", "named-in-report", "\"chidi\"", "declared");
    }

    private String submit(String json) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        String reference = http.postForObject("/api/forms/incident-report/submissions", new HttpEntity<>(json, headers), JsonNode.class)
                .path("reference").asText();
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).singleResult().getId();
    }

    private JsonNode declarationOf(String member) {
        JsonNode tasks = get(member, "/task?assignee=" + member + "&taskDefinitionKey=UserTask_DeclareConflict").getBody();
        return tasks.isEmpty() ? null : tasks.get(0);
    }

    private void complete(String member, JsonNode task, boolean hasConflict) {
        var body = Map.of("variables", Map.of("hasConflict", Map.of("value", hasConflict, "type", "Boolean")));
        assertThat(status(member, "/task/" + task.path("id").asText() + "/submit-form", HttpMethod.POST, body))
                .isEqualTo(HttpStatus.NO_CONTENT);
    }

    private ResponseEntity<JsonNode> get(String user, String path) {
        ResponseEntity<JsonNode> response = http.exchange("/engine-rest" + path, HttpMethod.GET, new HttpEntity<>(auth(user)), JsonNode.class);
        assertThat(response.getStatusCode()).as("%s GET %s", user, path).isEqualTo(HttpStatus.OK);
        return response;
    }

    private HttpStatus status(String user, String path) {
        return status(user, path, HttpMethod.GET, null);
    }

    private HttpStatus status(String user, String path, HttpMethod method, Object body) {
        HttpHeaders headers = auth(user);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return HttpStatus.valueOf(http.exchange("/engine-rest" + path, method, new HttpEntity<>(body, headers), String.class)
                .getStatusCode().value());
    }

    private static HttpHeaders auth(String user) {
        var headers = new HttpHeaders();
        headers.setBasicAuth(user, PASSWORD);
        return headers;
    }
}
