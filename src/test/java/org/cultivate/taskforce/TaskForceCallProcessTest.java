package org.cultivate.taskforce;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.cultivate.taskforce.TaskForceProcess.*;
import static org.cultivate.taskforce.TaskForceProcessTestSupport.*;
import static org.cultivate.system.EngineSteps.*;

/**
 * Every path of {@code processes/task-force-call.bpmn}, with real applications
 * ({@code processes/task-force-application.bpmn}, covered in its own test), their conflict
 * declarations and reviews, on an in-memory engine with Cultivate's delegates and solver.
 */
@Deployment(resources = {"processes/task-force-call.bpmn", "processes/task-force-application.bpmn", "processes/task-force-review.bpmn",
        "processes/conflict-declaration.bpmn", "processes/conduct-good-standing.bpmn", "processes/task-force-eligibility.dmn",
        "forms/task-force-call.form", "forms/task-force-application.form", "forms/task-force-review.form", "forms/task-force-find-reviewers.form",
        "forms/task-force-reviews-late.form", "forms/task-force-confirm-panel.form", "forms/task-force-offer.form",
        "forms/conflict-declaration.form", "forms/withdraw-application.form", "forms/confirm-good-standing.form"})
class TaskForceCallProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
            .configurationResource("process-test.cfg.xml")
            .excludeProcessDefinitionKeys(APPLICATION_PROCESS_KEY, "task-force-review", "conflict-declaration", "conduct-good-standing")
            .assertClassCoverageAtLeast(0.9)
            .build();

    ProcessEngine processEngine;

    private final List<Map<String, Object>> mails = new ArrayList<>();
    private final RecordingTracking tracking = new RecordingTracking();

    @BeforeEach
    void wireBeans() {
        wire(processEngine, mails, tracking);
    }

    @AfterEach
    void reset() {
        unwire(processEngine);
    }

    @Test
    void selectsTheBestBalancedPanelAndGivesADeclinedSeatToTheReserveWhoKeepsTheBalance() {
        ProcessInstance call = openCall(2, 2, "region SSA 1 -");
        assertThat(call).isWaitingAt("Timer_CallCloses");
        assertThat(new TaskForceCalls(runtimeService(), historyService()).openCall(CALL)).isPresent();
        apply("TFA-NWE1", "Ana", "NWE", "en");
        apply("TFA-NWE2", "Ben", "NWE", "fr");
        apply("TFA-SSA1", "Chiamaka", "SSA", "en");
        apply("TFA-SSA2", "Dayo", "SSA", "ar");
        apply("TFA-NWE3", "Emil", "NWE", "es");
        apply("TFA-LAC1", "Flor", "LAC", "es");
        // kofi is conflicted on one application only
        declareAll(Map.of("kofi", "TFA-NWE1"));

        closeCall();

        assertThat(reviewersOf("TFA-NWE1")).hasSize(2).doesNotContain("kofi");
        List<String> all = new ArrayList<>();
        for (String reference : List.of("TFA-NWE1", "TFA-NWE2", "TFA-SSA1", "TFA-SSA2", "TFA-NWE3", "TFA-LAC1")) {
            assertThat(reviewersOf(reference)).hasSize(2).doesNotHaveDuplicates();
            all.addAll(reviewersOf(reference));
        }
        // twelve reviews over three reviewers: four each
        assertThat(COMMITTEE_MEMBERS.stream().map(member -> java.util.Collections.frequency(all, member)).sorted().toList())
                .containsExactly(4, 4, 4);
        // the Arabic speaker's application goes to eve, who reads Arabic
        assertThat(reviewersOf("TFA-SSA2")).contains("eve");
        // kofi sees no review of the application he is conflicted on
        assertThat(taskService().createTaskQuery().taskAssignee("kofi").taskName("Review task-force application TFA-NWE1").count()).isZero();

        Map<String, Integer> scores = Map.of("TFA-NWE1", 5, "TFA-NWE2", 4, "TFA-SSA1", 3, "TFA-SSA2", 2, "TFA-NWE3", 1, "TFA-LAC1", 1);
        scores.forEach((reference, score) -> reviewersOf(reference).forEach(member -> review(member, reference, score)));
        assertThat(call).isWaitingAt("UserTask_ConfirmPanel");
        Task confirm = task("UserTask_ConfirmPanel");
        assertThat(formKey(confirm)).isEqualTo("task-force-confirm-panel");
        // the top two by score miss SSA: the best SSA applicant replaces the weaker surplus member
        assertThat(TaskForceCalls.strings(variables(call).get(PANEL)))
                .containsExactly("TFA-NWE1", "TFA-SSA1");
        assertThat((String) runtimeService().getVariable(call.getId(), SELECTION_SUMMARY)).contains("The panel keeps every quota.")
                .contains("region SSA: 1 (least 1, most -)").contains("TFA-NWE2: 4.00");
        taskService().complete(confirm.getId(), Variables.createVariables().putValue("panelConfirmed", true));
        runJobs();

        assertThat(templates(mails)).contains("task-force-offer");
        answerOffer("TFA-SSA1", false);
        // the next reserve by score is NWE2, but only SSA2 keeps the SSA quota
        assertThat(instance("TFA-SSA1")).isNull();
        assertThat(TaskForceCalls.strings(variables(call).get(PENDING_OFFERS))).containsExactly("TFA-NWE1", "TFA-SSA2");
        answerOffer("TFA-SSA2", true);
        answerOffer("TFA-NWE1", true);

        assertThat(call).isEnded();
        assertThat(historyVariable(call, ANNOUNCED_MEMBERS)).isEqualTo(List.of("Ana", "Dayo"));
        assertThat(tracking.timeline).contains("TFA-NWE1 member: Welcome to the task force! The coordinators will write to you about the first meeting.")
                .contains("TFA-SSA2 member: Welcome to the task force! The coordinators will write to you about the first meeting.")
                .anyMatch(line -> line.startsWith("TFA-NWE2 reserve:")).anyMatch(line -> line.startsWith("TFA-NWE3 reserve:"))
                .anyMatch(line -> line.startsWith("TFA-LAC1 not-selected:"))
                .contains("TFA-SSA1 withdrawn: You declined the seat. Thank you for applying.");
        assertThat(templates(mails)).contains("task-force-member", "task-force-reserve", "task-force-not-selected", "task-force-announced");
        // the Arabic applicant's mails name the call as its coordinator wrote it in Arabic; the others', as written first
        assertThat(mails).filteredOn(mail -> "dayo@example.org".equals(mail.get("to")))
                .allSatisfy(mail -> assertThat(mail.get(TASK_FORCE_NAME)).isEqualTo("فريق تطوير القيادات"));
        assertThat(mails).filteredOn(mail -> "ana@example.org".equals(mail.get("to")))
                .allSatisfy(mail -> assertThat(mail.get(TASK_FORCE_NAME)).isEqualTo("Leadership development"));
        assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey(APPLICATION_PROCESS_KEY).count()).isZero();
    }

    @Test
    void closesWithoutApplicationsAndTellsTheCoordinators() {
        ProcessInstance call = openCall(3, 3, null);
        closeCall();
        runJobs();
        assertThat(call).hasPassed("ServiceTask_TellNoApplications").isEnded();
        assertThat(templates(mails)).containsExactly("task-force-no-applications");
    }

    @Test
    void remindsAtThreeDaysBeforeTheDeadlineAndLetsTheCoordinatorsExtendThenSelect() {
        ProcessInstance call = openCall(1, 1, "language ar 1 -");
        apply("TFA-ONLY1", "Farah", "MENA", "en");
        declareAll(Map.of());
        closeCall();

        managementService().executeJob(timer("Timer_ReviewReminder").getId());
        runJobs();
        assertThat(templates(mails)).contains("task-force-review-reminder");
        managementService().executeJob(timer("Timer_ReviewDeadline").getId());
        Task late = task("UserTask_ReviewsLate");
        assertThat(formKey(late)).isEqualTo("task-force-reviews-late");
        taskService().complete(late.getId(), Variables.createVariables().putValue("reviewsLateChoice", "extend").putValue("extendDays", 5L));
        assertThat(call).hasPassed("ServiceTask_ExtendReviews").isWaitingAt("ReceiveTask_ReviewFinished");

        managementService().executeJob(timer("Timer_ReviewDeadline").getId());
        taskService().complete(task("UserTask_ReviewsLate").getId(), Variables.createVariables().putValue("reviewsLateChoice", "select-now"));
        runJobs();
        // scored with no reviews; nobody speaks Arabic, so the quota gives, in words
        assertThat(call).isWaitingAt("UserTask_ConfirmPanel");
        assertThat((String) runtimeService().getVariable(call.getId(), SELECTION_SUMMARY))
                .contains("one fewer member with language ar than the minimum of 1");
        assertThat(runtimeService().getVariable(instance("TFA-ONLY1").getId(), REVIEW_COUNT)).isEqualTo(0);
    }

    private static Map<String, Object> variables(ProcessInstance call) {
        return runtimeService().getVariables(call.getId());
    }

    private static Object historyVariable(ProcessInstance call, String name) {
        return historyService().createHistoricVariableInstanceQuery().processInstanceId(call.getId()).variableName(name).singleResult()
                .getValue();
    }
}
