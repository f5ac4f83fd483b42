package org.cultivate.conduct;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.cultivate.system.DefaultProfileTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Open cases by status and missed acknowledgement deadlines, as a monitoring system reads them. */
@DefaultProfileTest
class ConductMetricsTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;

    @Test
    void countsOpenCasesByStatusAndMissedAcknowledgements() {
        double openBefore = gauge("cultivate.cases.open?tag=process:conduct-incident&tag=status:received");
        double missedBefore = gauge("cultivate.conduct.acknowledgements.missed");

        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        String reference = http.postForObject("/api/forms/incident-report/submissions",
                new HttpEntity<>("{\"description\": \"Insults in the project chat, twice this week.\"}", headers), JsonNode.class)
                .path("reference").asText();
        String caseId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).singleResult().getId();

        await().atMost(Duration.ofSeconds(30)).until(() -> gauge("cultivate.cases.open?tag=process:conduct-incident&tag=status:received") == openBefore + 1);

        await().atMost(Duration.ofSeconds(30)).until(() -> managementService.createJobQuery()
                .processInstanceId(caseId).activityId(ConductIncidentProcess.TIMER_ACKNOWLEDGE_DEADLINE).count() == 1);
        String deadline = managementService.createJobQuery().processInstanceId(caseId)
                .activityId(ConductIncidentProcess.TIMER_ACKNOWLEDGE_DEADLINE).singleResult().getId();
        managementService.executeJob(deadline);
        assertThat(gauge("cultivate.conduct.acknowledgements.missed")).isEqualTo(missedBefore + 1);

        String prometheus = admin().getForObject("/actuator/prometheus", String.class);
        assertThat(prometheus).contains("cultivate_cases_open{", "cultivate_conduct_acknowledgements_missed");
    }

    /** Metrics are for administrators (and a Prometheus scraper with their credentials). */
    private TestRestTemplate admin() {
        return http.withBasicAuth("demo", "demo");
    }

    private double gauge(String nameAndTags) {
        // refreshed every 30 s in production; here each read asks again
        admin().getForObject("/actuator/metrics", String.class);
        JsonNode metric = admin().getForObject("/actuator/metrics/" + nameAndTags, JsonNode.class);
        return metric == null || metric.path("measurements").isEmpty() ? 0 : metric.path("measurements").get(0).path("value").asDouble();
    }
}
