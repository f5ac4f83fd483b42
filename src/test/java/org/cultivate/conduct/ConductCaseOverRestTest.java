package org.cultivate.conduct;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.cultivate.system.CommitteeOverRest;
import org.cultivate.system.DefaultProfileTest;
import org.cultivate.system.HolderOverRest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One whole case the way people work it: the reporter through the public API with their
 * tracking code, the committee through {@code /engine-rest} as Tasklist does — each member signed
 * in as themselves, reading every task's deployed form and submitting only the fields it offers.
 */
@DefaultProfileTest
class ConductCaseOverRestTest {

    private static final List<String> COMMITTEE = List.of("alice", "bob", "chidi");

    @Autowired
    TestRestTemplate http;
    @Autowired
    HistoryService historyService;
    @Autowired
    AuthorizationService authorizationService;
    CommitteeOverRest committee;

    @BeforeEach
    void signIn() {
        committee = new CommitteeOverRest(http);
    }

    @Test
    void aReportIsAcknowledgedInvestigatedDecidedAppealedAndClosed() {
        JsonNode receipt = committee.post(null, "/api/forms/incident-report/submissions", Map.of(
                "description", "He mocked my accent in three meetings.", "behaviour", "harassment",
                "reporterEmail", "rosa@example.org", "location", "online"), JsonNode.class).getBody();
        String code = receipt.path("trackingCode").asText();
        String reference = receipt.path("reference").asText();

        String caseId = committee.awaitCase(reference);
        committee.declareNoConflicts(caseId, COMMITTEE);
        String inCase = "processInstanceBusinessKey=" + reference;

        String acknowledge = committee.awaitTask("alice", inCase + "&taskDefinitionKey=UserTask_AcknowledgeReport");
        committee.claimAndSubmit("alice", acknowledge, Map.of("severity", "medium", "acknowledgementMessage", "Thank you; we are on it."));
        assertThat(track(code).path("status").asText()).isEqualTo("under-review");

        committee.claimAndSubmit("bob", committee.awaitTask("bob", inCase + "&taskDefinitionKey=UserTask_Investigate"),
                Map.of("nextStep", "ask-reporter", "questionForReporter", "Were others in those meetings?"));
        assertThat(track(code).path("status").asText()).isEqualTo("awaiting-information");
        holderSubmits(code, "answer-question", Map.of("holderMessage", "Yes, two others."));

        String investigate = committee.awaitTask("bob", inCase + "&taskDefinitionKey=UserTask_Investigate");
        assertThat(committee.get("bob", "/task/" + investigate + "/form-variables").path("holderMessage").path("value").asText())
                .isEqualTo("Yes, two others.");
        committee.claimAndSubmit("bob", investigate, Map.of("nextStep", "propose"));
        committee.claimAndSubmit("chidi", committee.awaitTask("chidi", inCase + "&taskDefinitionKey=UserTask_ProposeResolution"), Map.of(
                "outcome", "warning", "rationale", "Repeated, but no threats.",
                "messageToReporter", "We have given a formal warning.", "informReportedPerson", false));
        for (String member : COMMITTEE) {
            committee.submit(member, committee.awaitTask(member, inCase + "&assignee=" + member + "&taskDefinitionKey=UserTask_Vote"),
                    Map.of("approve", true, "voteComment", "Agreed."));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> "appeal-open".equals(track(code).path("status").asText()));
        assertThat(track(code).path("updates").findValuesAsText("message")).contains("We have given a formal warning.");
        String appeal = "/api/tracking/" + code + "/tasks/" + track(code).path("tasks").get(0).path("id").asText();
        assertThat(committee.post(null, appeal, Map.of(), JsonNode.class).getBody().path("errors").findValuesAsText("field"))
                .as("a holder sends the whole form: the earlier answer does not stand in for the appeal").containsExactly("holderMessage");
        holderSubmits(code, "appeal", Map.of("holderMessage", "A warning is not enough."));
        assertThat(track(code).path("status").asText()).isEqualTo("appeal-under-review");
        assertThat(authorizationsOn(partsOf(caseId))).extracting(Authorization::getResourceType).as("while the case runs")
                .contains(Resources.PROCESS_INSTANCE.resourceType(), Resources.TASK.resourceType(), Resources.HISTORIC_PROCESS_INSTANCE.resourceType());

        // every cleared member voted: the administrators review
        assertThat(committee.get("alice", "/task?" + inCase + "&taskDefinitionKey=UserTask_ReviewAppeal")).isEmpty();
        String review = committee.awaitTask("demo", inCase + "&taskDefinitionKey=UserTask_ReviewAppeal");
        committee.claimAndSubmit("demo", review, Map.of("appealDecision", "upheld", "finalOutcome", "warning",
                "appealResponse", "After review, the warning stands."));

        JsonNode closed = track(code);
        assertThat(closed.path("status").asText()).isEqualTo("closed");
        assertThat(closed.path("updates").findValuesAsText("status")).containsSubsequence(
                "received", "under-review", "awaiting-information", "under-review", "decided", "appeal-open", "appeal-under-review", "closed");
        assertThat(closed.toString()).doesNotContain("mocked", "accent", "Repeated, but no threats.", "Agreed.");
        HistoricProcessInstance ended = historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(reference).singleResult();
        assertThat(ended.getState()).isEqualTo("COMPLETED");

        // its authorizations: those of the running case and its tasks went with them; those of its history wait for it
        List<String> parts = partsOf(ended.getId());
        List<Authorization> left = authorizationsOn(parts);
        assertThat(left).isNotEmpty().allSatisfy(authorization -> {
            assertThat(authorization.getResourceType()).isIn(Resources.HISTORIC_PROCESS_INSTANCE.resourceType(), Resources.HISTORIC_TASK.resourceType());
            assertThat(authorization.getRemovalTime()).isEqualTo(ended.getRemovalTime()).isNotNull();
        });
        try {
            ClockUtil.setCurrentTime(Date.from(ended.getRemovalTime().toInstant().plus(1, ChronoUnit.DAYS)));
            // the job executor runs the cleanup job at once, outside the nightly window
            historyService.cleanUpHistoryAsync(true);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> historyService.createHistoricProcessInstanceQuery().processInstanceId(ended.getId()).count() == 0);
        } finally {
            ClockUtil.reset();
        }
        assertThat(authorizationsOn(parts)).as("authorizations left after %d of the case's were cleaned up with its history", left.size()).isEmpty();
    }

    /** The case, its declarations (child cases), and the tasks of all of them: what its authorizations name. */
    private List<String> partsOf(String caseId) {
        List<String> cases = new ArrayList<>(List.of(caseId));
        historyService.createHistoricProcessInstanceQuery().superProcessInstanceId(caseId).list().forEach(child -> cases.add(child.getId()));
        List<String> parts = new ArrayList<>(cases);
        for (String id : cases) {
            historyService.createHistoricTaskInstanceQuery().processInstanceId(id).list().forEach(task -> parts.add(task.getId()));
        }
        return parts;
    }

    private List<Authorization> authorizationsOn(List<String> resourceIds) {
        return resourceIds.stream().flatMap(id -> authorizationService.createAuthorizationQuery().resourceId(id).list().stream()).toList();
    }

    /** The holder of the code fills in the one task waiting with this form on the tracking page. */
    private void holderSubmits(String code, String formId, Map<String, Object> values) {
        assertThat(track(code).path("tasks").findValuesAsText("formId")).containsExactly(formId);
        new HolderOverRest(http).submit(code, formId, values, Map.of(), null);
    }

    private JsonNode track(String code) {
        return new HolderOverRest(http).track(code);
    }
}
