package org.cultivate.conduct;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
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

/** {@code /api/conduct/transparency}: figures for everyone, all of them for the committee. */
@DefaultProfileTest
class TransparencyApiTest {

    private static final String REPORT = "/api/conduct/transparency";

    @Autowired
    TestRestTemplate http;

    @Test
    void thePublicSeesSuppressedFiguresAndTheCommitteeSeesThemAll() {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        http.postForObject("/api/forms/incident-report/submissions",
                new HttpEntity<>("{\"description\": \"Rude remarks at the meetup, twice.\"}", headers), JsonNode.class);

        JsonNode publicReport = get(REPORT, null, null).getBody();
        assertThat(publicReport.path("full").asBoolean()).isFalse();
        assertThat(publicReport.has("reports")).isTrue();
        assertThat(publicReport.path("suppressedBelow").asInt()).isEqualTo(3);
        if (publicReport.path("reports").isNumber()) {
            assertThat(publicReport.path("reports").asInt()).isGreaterThanOrEqualTo(3);
        }

        // the triage table runs just after the report is stored
        await().atMost(Duration.ofSeconds(30))
                .until(() -> get(REPORT, "alice", "alice").getBody().path("bySeverity").path("low").asInt() >= 1);
        JsonNode committeeReport = get(REPORT, "alice", "alice").getBody();
        assertThat(committeeReport.path("full").asBoolean()).isTrue();
        assertThat(committeeReport.path("reports").asInt()).isGreaterThanOrEqualTo(1);

        assertThat(get(REPORT, "dana", "dana").getBody().path("full").asBoolean()).as("grants committee").isFalse();
    }

    @Test
    void wrongCredentialsAndABackwardPeriodAreRefused() {
        // not a real account: a wrong password would lock it for a few seconds, for other tests too
        ResponseEntity<JsonNode> wrong = get(REPORT, "no-such-user", "not-the-password");
        assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(wrong.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
        assertThat(wrong.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);

        ResponseEntity<JsonNode> backwards = get(REPORT + "?from=2026-06-30&to=2026-01-01", null, null);
        assertThat(backwards.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(get(REPORT + "?from=yesterday", null, null).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    private ResponseEntity<JsonNode> get(String path, String user, String password) {
        var headers = new HttpHeaders();
        if (user != null) {
            headers.setBasicAuth(user, password);
        }
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);
    }
}
