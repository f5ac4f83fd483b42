package org.cultivate.identity;

import com.fasterxml.jackson.databind.JsonNode;
import org.cultivate.system.DefaultProfileTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code /engine-rest} answers only to authenticated users, and the engine's authorizations decide what each sees. */
@DefaultProfileTest
class EngineRestAuthenticationTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void anonymousCallsAreRefused() {
        assertThat(http.getForEntity("/engine-rest/task", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        // femi: a wrong password locks the account for a few seconds (Camunda's login delay)
        assertThat(http.withBasicAuth("femi", "wrong").getForEntity("/engine-rest/task", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void theConductCommitteeSeesItsTaskAndTheGrantsCommitteeDoesNot() {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        String reference = http.postForObject("/api/forms/incident-report/submissions",
                new HttpEntity<>("{\"description\": \"A long enough description of what happened.\"}", headers), JsonNode.class)
                .path("reference").asText();
        String query = "/engine-rest/task?processInstanceBusinessKey=" + reference;

        await().until(() -> http.withBasicAuth("alice", "alice").getForObject(query, JsonNode.class).size() == 1);
        JsonNode task = http.withBasicAuth("alice", "alice").getForObject(query, JsonNode.class).get(0);
        assertThat(task.path("name").asText()).isEqualTo("Triage the report");
        assertThat(http.withBasicAuth("alice", "alice")
                .getForObject("/engine-rest/task/" + task.path("id").asText() + "/deployed-form", JsonNode.class)
                .path("id").asText()).isEqualTo("triage-report");

        assertThat(http.withBasicAuth("dana", "dana").getForObject(query, JsonNode.class)).isEmpty();
        assertThat(http.withBasicAuth("gita", "gita").getForObject(query, JsonNode.class)).isEmpty();
    }
}
