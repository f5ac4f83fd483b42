package org.cultivate.system;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
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
 * Committee members working a case through {@code /engine-rest} as Tasklist does: each signed in
 * with HTTP Basic as themselves (demo users, password = user name), reading every task's deployed
 * form and submitting only the fields it offers.
 */
public final class CommitteeOverRest {

    private final TestRestTemplate http;

    public CommitteeOverRest(TestRestTemplate http) {
        this.http = http;
    }

    /** The one task the query finds for the user, once it exists. */
    public String awaitTask(String user, String query) {
        await().atMost(Duration.ofSeconds(30)).until(() -> get(user, "/task?" + query).size() == 1);
        return get(user, "/task?" + query).get(0).path("id").asText();
    }

    /** The id of the case with this reference, once the engine has it. */
    public String awaitCase(String reference) {
        String query = "/process-instance?businessKey=" + reference;
        await().atMost(Duration.ofSeconds(30)).until(() -> get("demo", query).size() == 1);
        return get("demo", query).get(0).path("id").asText();
    }

    /** Submits a task as Tasklist does: only the keys its deployed form offers, disabled ones left out. */
    public void submit(String user, String taskId, Map<String, Object> values) {
        Set<String> offered = new HashSet<>();
        collectKeys(get(user, "/task/" + taskId + "/deployed-form").path("components"), offered);
        assertThat(offered).as("fields the form of task %s offers", taskId).containsAll(values.keySet());
        var variables = new LinkedHashMap<String, Object>();
        values.forEach((key, value) -> variables.put(key, Map.of("value", value)));
        assertThat(post(user, "/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", variables), String.class)
                .getStatusCode()).as("%s submits %s", user, taskId).isEqualTo(HttpStatus.NO_CONTENT);
    }

    public void claimAndSubmit(String user, String taskId, Map<String, Object> values) {
        assertThat(post(user, "/engine-rest/task/" + taskId + "/claim", Map.of("userId", user), String.class).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        submit(user, taskId, values);
    }

    /** Each member declares no conflict for the case. */
    public void declareNoConflicts(String caseId, Iterable<String> members) {
        for (String member : members) {
            String declaration = awaitTask(member, "assignee=" + member + "&taskDefinitionKey=UserTask_DeclareConflict"
                    + "&processVariables=caseId_eq_" + caseId);
            submit(member, declaration, Map.of("hasConflict", false));
        }
    }

    private static void collectKeys(JsonNode components, Set<String> keys) {
        for (JsonNode component : components) {
            if (component.has("key") && !component.path("disabled").asBoolean(false)) {
                keys.add(component.path("key").asText());
            }
            collectKeys(component.path("components"), keys);
        }
    }

    /** GET as the user; a path starting with {@code /task} or {@code /process-instance} goes to {@code /engine-rest}. */
    public JsonNode get(String user, String path) {
        var headers = new HttpHeaders();
        headers.setBasicAuth(user, user);
        String url = path.startsWith("/task") || path.startsWith("/process-instance") ? "/engine-rest" + path : path;
        ResponseEntity<JsonNode> response = http.exchange(url, HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);
        assertThat(response.getStatusCode()).as("%s GET %s", user, path).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    /** POST JSON, as the user, or anonymously when {@code user} is null. */
    public <T> ResponseEntity<T> post(String user, String path, Object body, Class<T> type) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (user != null) {
            headers.setBasicAuth(user, user);
        }
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), type);
    }
}
