package org.cultivate.onboarding;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.sql.Timestamp;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.RuntimeService;
import org.cultivate.system.CommitteeOverRest;
import org.cultivate.system.DefaultProfileTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Matching on the server, with the demo mentors femi (africa; en, fr), ines (europe; es, en, pt)
 * and jun (asia-pacific; en, zh) of the register, the shipped table, and a load made of running
 * onboarding cases that name a mentor.
 */
@DefaultProfileTest
class MentorMatchingTest {

    @Autowired
    MentorMatching matching;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestRestTemplate http;

    private final List<String> cases = new ArrayList<>();

    @BeforeEach
    @AfterEach
    void noLoadNoHistory() {
        runtimeService.createProcessInstanceQuery().processDefinitionKey(LeaderOnboardingProcess.PROCESS_KEY).list()
                .forEach(instance -> runtimeService.deleteProcessInstance(instance.getId(), "test"));
        jdbc.update("DELETE FROM cultivate_onboarding_mentor");
    }

    @Test
    void theSameRegionAndLanguageComeFirst() {
        assertThat(matching.match("europe", List.of("es"))).contains("ines");
        assertThat(matching.match("africa", List.of("fr"))).contains("femi");
        assertThat(matching.match("latin-america", List.of("zh"))).as("a shared language beats none").contains("jun");
    }

    @Test
    void amongEqualRanksTheFewestActiveMenteesWinThenWhoeverWasAssignedLongestAgo() {
        assertThat(matching.activeMentees("femi")).isZero();
        mentees("femi", 1);
        mentees("jun", 1);
        assertThat(matching.activeMentees("femi")).isOne();
        assertThat(matching.match("north-america", List.of("en"))).as("ines has no mentee").contains("ines");

        mentees("ines", 1);
        assigned("femi", 3);
        assigned("jun", 10);
        assigned("ines", 1);
        assertThat(matching.match("north-america", List.of("de"))).as("one mentee each: jun waited longest").contains("jun");
        assertThat(matching.state("jun").lastAssignedAt()).as("noted as just assigned").isAfter(Instant.now().minusSeconds(60));
    }

    @Test
    void aMentorAtTheCapOrUnavailableIsSkippedAndWithEveryoneOutNobodyFits() {
        mentees("ines", matching.cap());
        assertThat(matching.match("europe", List.of("es"))).as("ines is at the cap").isNotEqualTo(java.util.Optional.of("ines"));

        matching.markUnavailable("femi", java.time.LocalDate.now().plusDays(30));
        assertThat(matching.match("africa", List.of("fr"))).contains("jun");

        mentees("jun", matching.cap());
        assertThat(matching.match("africa", List.of("fr"))).isEmpty();

        matching.markUnavailable("femi", java.time.LocalDate.now().minusDays(1));
        assertThat(matching.match("africa", List.of("fr"))).as("back from the break").contains("femi");
    }

    @Test
    void theCoordinatorsSeeEachMentorsLoad() {
        mentees("ines", 2);
        matching.markUnavailable("jun", java.time.LocalDate.now().plusDays(10));

        JsonNode loads = new CommitteeOverRest(http).get("gita", "/api/onboarding/mentors");
        assertThat(loads.findValuesAsText("userId")).containsExactly("femi", "ines", "jun");
        assertThat(loads.get(1).path("activeMentees").asInt()).isEqualTo(2);
        assertThat(loads.get(1).path("cap").asInt()).isEqualTo(3);
        assertThat(loads.get(1).path("checkInsLate").asInt()).isZero();
        assertThat(loads.get(2).path("unavailableUntil").asText()).isEqualTo(java.time.LocalDate.now().plusDays(10).toString());
        assertThat(http.getForEntity("/api/onboarding/mentors", JsonNode.class).getStatusCode().value()).isEqualTo(401);
    }

    /** Running onboarding cases naming the mentor: applications through the intake, waiting for their vouch. */
    private void mentees(String mentor, int count) {
        for (int i = 0; i < count; i++) {
            JsonNode receipt = new CommitteeOverRest(http).post(null, "/api/forms/leader-onboarding-application/submissions", Map.of(
                    "applicantName", "Mentee " + i, "email", "mentee" + cases.size() + "@example.org", "community", "Somewhere",
                    "region", "europe", "languages", List.of("en"), "leadInterest", "events",
                    "experience", "Ran several meetups in my town.", "timeAvailable", "1-2h", "voucherEmail", "femi@cultivate.test"),
                    JsonNode.class).getBody();
            String reference = receipt.path("reference").asText();
            cases.add(reference);
            String id = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).singleResult().getId();
            runtimeService.setVariable(id, LeaderOnboardingProcess.MENTOR, mentor);
        }
    }

    private void assigned(String mentor, int daysAgo) {
        matching.assigned(mentor);
        jdbc.update("UPDATE cultivate_onboarding_mentor SET last_assigned_at = ? WHERE user_id = ?",
                Timestamp.from(Instant.now().minus(daysAgo, ChronoUnit.DAYS)), mentor);
    }
}
