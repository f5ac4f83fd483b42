package org.cultivate.identity;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.cultivate.system.DefaultProfileTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/** A process that names its case readers: each new case is readable by them, and by nobody else. */
@DefaultProfileTest
class CaseReadersTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;

    @Test
    void theNamedGroupReadsEachNewCaseAndOtherGroupsDoNot() {
        repositoryService.createDeployment().name("case-readers-probe").enableDuplicateFiltering(true)
                .addClasspathResource("identity/case-readers-probe.bpmn")
                .addClasspathResource("identity/case-readers-probe-review.form").deploy();
        String caseId = runtimeService.startProcessInstanceByKey("case-readers-probe", Map.of("budget", 500)).getId();

        String variables = "/engine-rest/process-instance/" + caseId + "/variables";
        ResponseEntity<JsonNode> dana = http.withBasicAuth("dana", "dana").getForEntity(variables, JsonNode.class);
        assertThat(dana.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(dana.getBody().path("budget").path("value").asInt()).isEqualTo(500);
        assertThat(http.withBasicAuth("dana", "dana").getForObject("/engine-rest/history/process-instance?processInstanceId=" + caseId,
                JsonNode.class)).hasSize(1);

        for (String outsider : new String[] {"alice", "gita", "femi"}) {
            assertThat(http.withBasicAuth(outsider, outsider).getForEntity(variables, JsonNode.class).getStatusCode())
                    .as(outsider).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(http.withBasicAuth(outsider, outsider).getForObject(
                    "/engine-rest/history/process-instance?processInstanceId=" + caseId, JsonNode.class)).as(outsider).isEmpty();
        }
    }
}
