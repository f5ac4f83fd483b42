package org.cultivate.conduct;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.cultivate.system.CommitteeOverRest;
import org.cultivate.system.DefaultProfileTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cultivate.conduct.GoodStandingProcess.ASKED_FOR;
import static org.cultivate.conduct.GoodStandingProcess.GOOD_STANDING;
import static org.cultivate.conduct.GoodStandingProcess.PERSON_EMAIL;
import static org.cultivate.conduct.GoodStandingProcess.PERSON_NAME;
import static org.cultivate.conduct.GoodStandingProcess.PROCESS_KEY;

/** Good standing against the real ban list: only a ban in force today stops anyone, and only the conduct committee sees it. */
@DefaultProfileTest
class ConductGoodStandingTest {

    @Autowired
    RuntimeService runtimeService;
    @Autowired
    HistoryService historyService;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestRestTemplate http;

    @Test
    void aBanInForceOnTheAddressGoesToTheConductCommitteeAndNobodyElse() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String email = "banned-" + UUID.randomUUID() + "@example.org";
        ban(email, today.minusDays(10), today.plusDays(20));

        ProcessInstance standing = ask(" " + email.toUpperCase() + " ");

        var committee = new CommitteeOverRest(http);
        JsonNode tasks = committee.get("alice", "/engine-rest/task?processInstanceId=" + standing.getId());
        assertThat(tasks).hasSize(1);
        assertThat(tasks.get(0).path("name").asText()).isEqualTo("Good standing asked: rapid grant RG-TEST");
        assertThat(committee.get("dana", "/engine-rest/task?processInstanceId=" + standing.getId())).isEmpty();
        assertThat(committee.get("dana", "/engine-rest/history/variable-instance?processInstanceId=" + standing.getId())).isEmpty();

        committee.submit("alice", tasks.get(0).path("id").asText(), Map.of("inGoodStanding", false));
        assertThat(answer(standing)).isFalse();
    }

    @Test
    void aBanThatRanOutOrNoneAtAllStopsNobody() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String email = "formerly-banned-" + UUID.randomUUID() + "@example.org";
        ban(email, today.minusDays(60), today.minusDays(1));

        assertThat(answer(ask(email))).isTrue();
        assertThat(answer(ask("never-banned-" + UUID.randomUUID() + "@example.org"))).isTrue();
    }

    private ProcessInstance ask(String email) {
        return runtimeService.startProcessInstanceByKey(PROCESS_KEY,
                Map.of(PERSON_NAME, "Mallory", PERSON_EMAIL, email, ASKED_FOR, "rapid grant RG-TEST"));
    }

    private Boolean answer(ProcessInstance standing) {
        return (Boolean) historyService.createHistoricVariableInstanceQuery().processInstanceId(standing.getId())
                .variableName(GOOD_STANDING).singleResult().getValue();
    }

    private void ban(String email, LocalDate from, LocalDate until) {
        jdbc.update("INSERT INTO cultivate_conduct_ban (reference, code_name, outcome, person_name, person_email, effective_from, "
                        + "effective_until, recorded_at) VALUES (?, 'amber-falcon-42', 'temporary-ban', 'Mallory', ?, ?, ?, ?)",
                "CI-" + UUID.randomUUID().toString().substring(0, 8), email, Date.valueOf(from), Date.valueOf(until), Timestamp.from(Instant.now()));
    }
}
