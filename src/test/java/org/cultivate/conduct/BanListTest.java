package org.cultivate.conduct;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.cultivate.system.DefaultProfileTest;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Bans recorded by the process, and the ban list that only the conduct committee may read. */
@DefaultProfileTest
class BanListTest {

    @Autowired
    RecordBanDelegate recordBan;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestRestTemplate http;

    @Test
    void recordsBansWithTheirDatesAndShowsThemToTheCommitteeOnly() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        recordBan.execute(decided("CI-BANTEMP1", "amber-falcon-42", "temporary-ban", 30, "Mallory", "mallory@example.org"));
        recordBan.execute(decided("CI-BANPERM1", "calm-otter-17", "permanent-ban", null, "Trent", null));
        jdbc.update("INSERT INTO cultivate_conduct_ban (reference, code_name, outcome, effective_from, effective_until, recorded_at) "
                + "VALUES ('CI-BANOLD01', 'early-wren-11', 'temporary-ban', ?, ?, ?)",
                Date.valueOf(today.minusDays(60)), Date.valueOf(today.minusDays(30)), Timestamp.from(Instant.now()));

        assertThat(jdbc.queryForMap("SELECT * FROM cultivate_conduct_ban WHERE reference = 'CI-BANTEMP1'"))
                .containsEntry("EFFECTIVE_FROM", Date.valueOf(today))
                .containsEntry("EFFECTIVE_UNTIL", Date.valueOf(today.plusDays(30)))
                .containsEntry("PERSON_EMAIL", "mallory@example.org");

        assertThat(get("/api/conduct/bans", null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(get("/api/conduct/bans", "dana").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        JsonNode inForce = get("/api/conduct/bans", "bob").getBody();
        assertThat(inForce.findValuesAsText("reference")).contains("CI-BANTEMP1", "CI-BANPERM1").doesNotContain("CI-BANOLD01");
        assertThat(get("/api/conduct/bans?all=true", "demo").getBody().findValuesAsText("reference")).contains("CI-BANOLD01");
    }

    private static DelegateExecution decided(String reference, String codeName, String outcome, Integer banDays,
            String name, String email) {
        DelegateExecution execution = Mockito.mock(DelegateExecution.class);
        Mockito.when(execution.getProcessBusinessKey()).thenReturn(reference);
        var variables = new java.util.HashMap<String, Object>(Map.of("codeName", codeName, "finalOutcome", outcome, "reportedPersonName", name));
        variables.put("banDays", banDays == null ? null : banDays.longValue());
        variables.put("reportedPersonEmail", email);
        Mockito.when(execution.getVariable(Mockito.anyString())).thenAnswer(call -> variables.get(call.<String>getArgument(0)));
        return execution;
    }

    private ResponseEntity<JsonNode> get(String path, String user) {
        var headers = new HttpHeaders();
        if (user != null) {
            headers.setBasicAuth(user, user);
        }
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);
    }
}
