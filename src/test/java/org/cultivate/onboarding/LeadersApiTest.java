package org.cultivate.onboarding;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.cultivate.system.CommitteeOverRest;
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

/** The leaders' register over {@code /api/leaders}: the default profile's demo leaders, coordinators adding one, nobody else in. */
@DefaultProfileTest
class LeadersApiTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    LeaderRegister register;

    @Test
    void theDefaultProfileHasDemoLeadersTheMentorsAmongThemSoVouchingCanBeTriedAtOnce() {
        JsonNode leaders = new CommitteeOverRest(http).get("gita", "/api/leaders");
        assertThat(leaders.findValuesAsText("userId")).contains("femi", "ines", "jun");
        assertThat(leaders.findValuesAsText("status")).contains("active", "alumni");
        assertThat(register.activeByEmail("Femi@Cultivate.test")).as("addresses compare in any case").isPresent();
        assertThat(register.activeByEmail("omar.alumnus@cultivate.test")).as("an alumnus no longer vouches").isEmpty();
    }

    @Test
    void aCoordinatorAddsALeaderTheCommunityAlreadyHas() {
        ResponseEntity<JsonNode> added = post("gita", Map.of("name", "Tariq Leader", "email", "Tariq@example.org", "role", "events",
                "community", "Amman Python", "region", "middle-east", "languages", "ar,en",
                "termStart", "2026-01-01", "termEnd", "2027-12-31"));

        assertThat(added.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(added.getBody().path("status").asText()).isEqualTo("active");
        assertThat(added.getBody().path("email").asText()).isEqualTo("tariq@example.org");
        assertThat(register.activeByEmail("tariq@example.org")).get().extracting(LeaderRegister.Leader::community).isEqualTo("Amman Python");
    }

    @Test
    void anIncompleteLeaderIsRefusedFieldByField() {
        ResponseEntity<JsonNode> refused = post("demo", Map.of("name", "", "email", "not an address", "termStart", "2026-05-01",
                "termEnd", "2026-01-01", "status", "retired"));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.getBody().path("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("name", "role", "community", "email", "termEnd", "status");
    }

    @Test
    void onlyCoordinatorsAndAdministratorsSeeOrChangeTheRegister() {
        var headers = new HttpHeaders();
        headers.setBasicAuth("femi", "femi");
        ResponseEntity<JsonNode> mentor = http.exchange("/api/leaders", HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);
        assertThat(mentor.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(mentor.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(post("alice", Map.of("name", "X")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.getForEntity("/api/leaders", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private ResponseEntity<JsonNode> post(String user, Map<String, Object> body) {
        return new CommitteeOverRest(http).post(user, "/api/leaders", body, JsonNode.class);
    }
}
