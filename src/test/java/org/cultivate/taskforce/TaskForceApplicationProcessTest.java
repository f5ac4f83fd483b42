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
import org.cultivate.identity.ConflictsOfInterest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.cultivate.taskforce.TaskForceProcess.*;
import static org.cultivate.taskforce.TaskForceProcessTestSupport.*;
import static org.cultivate.system.EngineSteps.*;

/**
 * Every path of {@code processes/task-force-application.bpmn} and its review
 * ({@code processes/task-force-review.bpmn}): eligibility, withdrawal before and while holding a
 * seat, an offer that lapses after its reminder, and too few cleared reviewers; with a real call.
 */
@Deployment(resources = {"processes/task-force-call.bpmn", "processes/task-force-application.bpmn", "processes/task-force-review.bpmn",
        "processes/conflict-declaration.bpmn", "processes/conduct-good-standing.bpmn", "processes/task-force-eligibility.dmn",
        "forms/task-force-call.form", "forms/task-force-application.form", "forms/task-force-review.form", "forms/task-force-find-reviewers.form",
        "forms/task-force-reviews-late.form", "forms/task-force-confirm-panel.form", "forms/task-force-offer.form",
        "forms/conflict-declaration.form", "forms/withdraw-application.form", "forms/confirm-good-standing.form"})
class TaskForceApplicationProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
            .configurationResource("process-test.cfg.xml")
            .excludeProcessDefinitionKeys(CALL_PROCESS_KEY, "conflict-declaration", "conduct-good-standing")
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
    void aMemberOfTheSelectionCommitteeIsIneligibleAtOnceWithTheReason() {
        openCall(2, 2, null);
        ProcessInstance application = applyAs("TFA-EVE00001", "Eve", "eve@cultivate.test");
        assertThat(application).hasPassed("Event_Ineligible").isEnded();
        assertThat(tracking.timeline).anyMatch(line -> line.startsWith("TFA-EVE00001 ineligible: Members of the selection committee"));
        assertThat(templates(mails)).contains("task-force-received", "task-force-ineligible");
    }

    @Test
    void someoneUnderAConductBanIsIneligibleWithoutBeingToldWhy() {
        openCall(2, 2, null);
        ProcessInstance application = applyAs("TFA-BAN00001", "Gil", "banned@example.org");
        // the conduct committee confirms the ban; the selection committee never learns why
        Task standing = task("UserTask_ConfirmStanding");
        taskService().complete(standing.getId(), Variables.createVariables().putValue("inGoodStanding", false));
        runJobs();
        assertThat(application).isEnded();
        assertThat(tracking.timeline).anyMatch(line -> line.startsWith("TFA-BAN00001 ineligible: Your application cannot go ahead"));
    }

    @Test
    void anApplicantWithdrawsBeforeTheClose() {
        openCall(2, 2, null);
        ProcessInstance application = apply("TFA-WD000001", "Hana", "SA", "en");
        assertThat(application).isWaitingAt("UserTask_Withdraw", "ReceiveTask_AwaitReviewers");
        Task withdraw = taskService().createTaskQuery().processInstanceId(application.getId()).taskDefinitionKey("UserTask_Withdraw").singleResult();
        taskService().complete(withdraw.getId(), Variables.createVariables().putValue("withdrawConfirmed", true));
        assertThat(application).hasPassed("EndEvent_Withdrawn").hasNotPassed("ServiceTask_GiveBackSeat").isEnded();
        // the declarations of a withdrawn application are gone with it
        assertThat(taskService().createTaskQuery().taskDefinitionKey("UserTask_DeclareConflict").count()).isZero();
    }

    @Test
    void tooFewClearedReviewersGoToTheCoordinatorsWhoAssignAgainOrGoOn() {
        ProcessInstance call = openCall(1, 3, null);
        ProcessInstance first = apply("TFA-FEW00001", "Ines", "LAC", "es");
        ProcessInstance second = apply("TFA-FEW00002", "Jon", "NA", "en");
        // lena has not declared on the first application, kofi is conflicted on the second
        for (Task declaration : taskService().createTaskQuery().taskDefinitionKey("UserTask_DeclareConflict").list()) {
            String caseId = (String) taskService().getVariable(declaration.getId(), ConflictsOfInterest.CASE_ID);
            boolean skip = caseId.equals(first.getId()) && declaration.getAssignee().equals("lena");
            if (!skip) {
                taskService().complete(declaration.getId(), Variables.createVariables().putValue(ConflictsOfInterest.HAS_CONFLICT,
                        caseId.equals(second.getId()) && declaration.getAssignee().equals("kofi")));
            }
        }
        runJobs();
        closeCall();
        assertThat(first).isWaitingAt("UserTask_FindReviewers");
        assertThat(second).isWaitingAt("UserTask_FindReviewers");

        // lena declares late; the coordinators assign again
        Task late = taskService().createTaskQuery().taskDefinitionKey("UserTask_DeclareConflict").taskAssignee("lena").singleResult();
        taskService().complete(late.getId(), Variables.createVariables().putValue(ConflictsOfInterest.HAS_CONFLICT, false));
        runJobs();
        Task findForFirst = taskService().createTaskQuery().processInstanceId(first.getId()).taskDefinitionKey("UserTask_FindReviewers").singleResult();
        assertThat(formKey(findForFirst)).isEqualTo("task-force-find-reviewers");
        taskService().complete(findForFirst.getId(), Variables.createVariables().putValue("reviewersChoice", "reassign"));
        assertThat(reviewersOf("TFA-FEW00001")).containsExactlyInAnyOrder("eve", "kofi", "lena");
        Task findForSecond = taskService().createTaskQuery().processInstanceId(second.getId()).taskDefinitionKey("UserTask_FindReviewers").singleResult();
        taskService().complete(findForSecond.getId(), Variables.createVariables().putValue("reviewersChoice", "continue"));
        assertThat(reviewersOf("TFA-FEW00002")).containsExactlyInAnyOrder("eve", "lena");

        reviewersOf("TFA-FEW00001").forEach(member -> review(member, "TFA-FEW00001", 4));
        reviewersOf("TFA-FEW00002").forEach(member -> review(member, "TFA-FEW00002", 3));
        assertThat(runtimeService().getVariable(first.getId(), SCORE)).isEqualTo(4.0);
        assertThat(call).isWaitingAt("UserTask_ConfirmPanel");
    }

    @Test
    void anOfferLapsesAfterItsReminderAndAWithdrawalGivesTheSeatBack() {
        ProcessInstance call = openCall(1, 1, null);
        apply("TFA-OFF00001", "Kemi", "SSA", "en");
        apply("TFA-OFF00002", "Lior", "NWE", "en");
        apply("TFA-OFF00003", "Mona", "MENA", "ar");
        apply("TFA-OFF00004", "Nadia", "SA", "en");
        apply("TFA-OFF00005", "Omar", "MENA", "ar");
        declareAll(Map.of());
        closeCall();
        Map.of("TFA-OFF00001", 5, "TFA-OFF00002", 4, "TFA-OFF00003", 3, "TFA-OFF00004", 2, "TFA-OFF00005", 1)
                .forEach((reference, score) -> reviewersOf(reference).forEach(member -> review(member, reference, score)));
        taskService().complete(task("UserTask_ConfirmPanel").getId(), Variables.createVariables().putValue("panelConfirmed", true));
        runJobs();

        // the first offer: a reminder after 4 days, then it lapses at 7
        managementService().executeJob(timer("Timer_OfferReminder").getId());
        runJobs();
        assertThat(templates(mails)).contains("task-force-offer-reminder");
        managementService().executeJob(timer("Timer_OfferLapses").getId());
        runJobs();
        assertThat(tracking.timeline).anyMatch(line -> line.startsWith("TFA-OFF00001 withdrawn: The offer lapsed"));

        // the seat goes to the next reserve, who withdraws while holding it
        ProcessInstance second = instance("TFA-OFF00002");
        assertThat(second).isWaitingAt("UserTask_Offer", "UserTask_Withdraw");
        Task withdraw = taskService().createTaskQuery().processInstanceId(second.getId()).taskDefinitionKey("UserTask_Withdraw").singleResult();
        taskService().complete(withdraw.getId(), Variables.createVariables().putValue("withdrawConfirmed", true));
        runJobs();
        assertThat(second).hasPassed("ServiceTask_GiveBackSeat").isEnded();

        answerOffer("TFA-OFF00003", true);
        assertThat(call).isEnded();
        // one seat keeps one reserve; the rest hear they were not selected
        assertThat(tracking.timeline).anyMatch(line -> line.startsWith("TFA-OFF00003 member:"))
                .anyMatch(line -> line.startsWith("TFA-OFF00004 reserve:")).anyMatch(line -> line.startsWith("TFA-OFF00005 not-selected:"));
        assertThat(templates(mails)).contains("task-force-member", "task-force-reserve", "task-force-not-selected");
    }

    @Test
    void anApplicationThatComesInAsTheCallClosesIsNotReviewedAndHearsTheOutcome() {
        ProcessInstance call = openCall(1, 1, null);
        apply("TFA-EARLY001", "Olu", "SSA", "en");
        declareAll(Map.of());
        // submitted before the close; its start continues only after the reviewers were assigned
        Map<String, Object> values = new java.util.HashMap<>(runtimeService().getVariables(instance("TFA-EARLY001").getId(),
                List.of(CALL_REFERENCE, "language", REGION, LANGUAGES, GENDER, EXPERIENCE, AFFILIATION, "motivation", "contribution",
                        "perspective", LIST_CONSENT)));
        values.put(APPLICANT_NAME, "Pia");
        values.put(EMAIL, "pia@example.org");
        ProcessInstance late = runtimeService().startProcessInstanceByKey(APPLICATION_PROCESS_KEY, "TFA-LATE0001", values);
        closeCall();
        assertThat(late).isWaitingAt("ReceiveTask_AwaitReviewers");
        reviewersOf("TFA-EARLY001").forEach(member -> review(member, "TFA-EARLY001", 4));
        // the selection does not wait for it
        taskService().complete(task("UserTask_ConfirmPanel").getId(), Variables.createVariables().putValue("panelConfirmed", true));
        runJobs();
        answerOffer("TFA-EARLY001", true);
        assertThat(call).isEnded();
        assertThat(late).hasPassed("Message_AnnouncedBeforeReview", "Event_NotSelected").isEnded();
    }

    private static ProcessInstance applyAs(String reference, String name, String email) {
        return apply(reference, name, email, "CEE", "en");
    }
}
