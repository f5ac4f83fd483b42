package org.cultivate.grant;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.cultivate.identity.ConflictsOfInterest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.Mockito;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.externalTaskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.cultivate.grant.GrantProcessTestSupport.*;
import static org.cultivate.system.EngineSteps.*;
import static org.cultivate.grant.RapidGrantProcess.*;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * Every path of {@code processes/scale-up-grant.bpmn}, the larger grant an invited grantee applies
 * for, with the processes it shares with the rapid grants for payment and reports; on an
 * in-memory engine with Cultivate's delegates, the ledger's table, mail and tracking recorded.
 */
@Deployment(resources = {"processes/scale-up-grant.bpmn", "processes/grant-funding.bpmn", "processes/grant-payment.bpmn",
        "processes/conflict-declaration.bpmn", "forms/scale-up-grant-application.form", "forms/scale-up-early-call.form",
        "forms/scale-up-review.form", "forms/scale-up-decision.form", "forms/grant-report.form", "forms/review-grant-report.form",
        "forms/follow-up-report.form", "forms/record-payment.form", "forms/conflict-declaration.form", "forms/withdraw-application.form"})
class ScaleUpGrantProcessTest {

    private static final String REFERENCE = "SUG-TEST0001";
    private static final String LABEL = "larger grant " + REFERENCE;

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
            .configurationResource("process-test.cfg.xml")
            // the shared processes are covered where every path of theirs runs: RapidGrantProcessTest
            .excludeProcessDefinitionKeys(FUNDING_PROCESS_KEY, PAYMENT_PROCESS_KEY, "conflict-declaration")
            .assertClassCoverageAtLeast(0.9)
            .build();

    ProcessEngine processEngine;

    private final List<Map<String, Object>> mails = new ArrayList<>();
    private final List<String> timeline = new ArrayList<>();
    private final GrantLedger ledger = Mockito.mock(GrantLedger.class);

    @BeforeEach
    void wireBeans() {
        wire(processEngine, ledger, new GrantSettings("EUR", MonthDay.of(7, 1), null, 2, null, true), mails, member -> java.util.Set.of(),
                REFERENCE, timeline);
        Mocks.register("planEarlyCallDelegate", new PlanEarlyCallDelegate(java.time.Clock.systemUTC()));
    }

    @AfterEach
    void reset() {
        unwire(processEngine);
    }

    @Test
    void anInvitedGranteeIsCalledReviewedApprovedPaidAndReportsToTheEnd() {
        ProcessInstance grant = apply();
        runJobs();
        verify(ledger).record(Mockito.argThat(entry -> entry.reference().equals(REFERENCE) && entry.processKey().equals(SCALE_UP_PROCESS_KEY)
                && entry.rapidGrantReference().equals("RG-RAPID001") && entry.amount().compareTo(new BigDecimal("60000")) == 0));
        assertThat(mail(mails, "grant-scale-up-received")).containsEntry("to", "ada@example.org").containsEntry("issueTrackingCode", "submitter");
        assertThat(timeline).containsExactly(
                "received: We have received your application for a larger grant. A programme officer of the grants committee will call you first.",
                "in-review: A programme officer of the grants committee will call you within two weeks; the committee then reviews your proposal.");

        // the early call waits for the cleared members: whoever declares none may take it
        Task call = task("UserTask_EarlyCall");
        assertThat(candidates(call)).isEmpty();
        assertThat(call.getDueDate()).isAfterOrEqualTo(Date.from(java.time.Instant.now().plus(java.time.Duration.ofDays(13))));
        declare("dana", true, LABEL);
        declare("milan", false, LABEL);
        declare("noor", false, LABEL);
        assertThat(candidates(task("UserTask_EarlyCall"))).containsExactlyInAnyOrder("milan", "noor");
        execute(timer("Timer_EarlyCallLate"));
        runJobs();
        assertThat(mail(mails, "grant-early-call-overdue")).containsEntry("toGroup", "coordinators").doesNotContainKey("to");
        assertThat(formKey(task("UserTask_EarlyCall"))).isEqualTo("scale-up-early-call");
        complete(task("UserTask_EarlyCall"), withVariables("earlyCallHeldOn", LocalDate.now().toString(),
                "earlyCallNotes", "Six cities, partners found in four."));
        runJobs();

        assertThat(taskService().createTaskQuery().taskDefinitionKey("UserTask_Review").list()).extracting(Task::getAssignee)
                .containsExactlyInAnyOrder("milan", "noor");
        execute(timer("Timer_ReviewReminder"));
        review("milan", "scale-up-review", 5, "fund", "Ready to grow.");
        runJobs();
        assertThat(mail(mails, "grant-review-reminder")).containsEntry("toUser", "noor");
        execute(timer("Timer_ReviewDeadline"));
        runJobs();
        assertThat(mail(mails, "grant-reviews-overdue")).containsEntry("toGroup", COMMITTEE);
        review("noor", "scale-up-review", 4, "fund", null);

        Task decide = task("UserTask_Decide");
        assertThat(candidates(decide)).containsExactlyInAnyOrder("milan", "noor");
        assertThat(formKey(decide)).isEqualTo("scale-up-decision");
        complete(decide, withVariables(DETERMINATION, APPROVE));
        runJobs();
        assertThat(mail(mails, "grant-approved")).containsEntry("amount", 60000L);
        assertThat(timeline).contains("approved: The grants committee approved your larger grant. The payment follows.");

        var payment = externalTaskService().fetchAndLock(1, "finance-tool").topic(PAYMENT_TOPIC, 60_000).execute();
        assertThat(payment).singleElement().satisfies(locked -> assertThat(locked.getVariables()).containsEntry(AMOUNT, 60000L)
                .containsEntry(PAYEE, "Ada Applicant"));
        externalTaskService().complete(payment.get(0).getId(), "finance-tool", Map.of(PAYMENT_REFERENCE, "BANK-SU-1"));
        runJobs();
        ProcessInstance funding = runtimeService().createProcessInstanceQuery().superProcessInstanceId(grant.getId()).singleResult();
        assertThat(funding).variables().containsEntry(REPORTS, List.of(INTERIM, FINAL));
        for (String kind : List.of(INTERIM, FINAL)) {
            assertThat(task("UserTask_FileReport").getName()).isEqualTo("File the " + kind + " report");
            assertThat(candidates(task("UserTask_FileReport"))).as("a holder task").isEmpty();
            fileReport(task("UserTask_FileReport"));
            Task reviewReport = task("UserTask_ReviewReport");
            assertThat(candidates(reviewReport)).containsExactlyInAnyOrder("milan", "noor");
            complete(reviewReport, withVariables(REPORT_OUTCOME, ACCEPT));
            runJobs();
        }

        assertThat(funding).isEnded().hasPassed("ServiceTask_CloseGrant", "EndEvent_Completed");
        assertThat(grant).isEnded().hasPassedInOrder("ServiceTask_RecordApplication", "ServiceTask_PlanEarlyCall", "UserTask_EarlyCall",
                "UserTask_Review", "UserTask_Decide", "ServiceTask_RecordApproved", "CallActivity_Funding", "EndEvent_Completed")
                .variables().containsEntry(PAYMENT_REFERENCE, "BANK-SU-1");
        verify(ledger).setStatus(REFERENCE, "closed");
    }

    @Test
    void theCommitteeDeclinesWithReasonsForTheApplicant() {
        ProcessInstance grant = apply();
        runJobs();
        COMMITTEE_MEMBERS.forEach(member -> declare(member, false, LABEL));
        complete(task("UserTask_EarlyCall"), withVariables("earlyCallHeldOn", LocalDate.now().toString(), "earlyCallNotes", "Unclear plan."));
        runJobs();
        review("dana", "scale-up-review", 2, "do-not-fund", null);
        review("milan", "scale-up-review", 2, "do-not-fund", null);
        complete(task("UserTask_Decide"), withVariables(DETERMINATION, DECLINE, REASONS_FOR_APPLICANT, "The plan needs partners per city."));
        runJobs();

        assertThat(grant).isEnded().hasPassed("ServiceTask_RecordDeclined", "ServiceTask_TellDeclined", "EndEvent_Declined")
                .hasNotPassed("CallActivity_Funding");
        assertThat(timeline).last().isEqualTo("declined: The plan needs partners per city.");
        assertThat(mail(mails, "grant-declined")).containsEntry("reasonsForApplicant", "The plan needs partners per city.");
        verify(ledger).setStatus(REFERENCE, "declined");
    }

    @Test
    void withNobodyClearedTheCoordinatorsDecide() {
        ProcessInstance grant = apply();
        runJobs();
        COMMITTEE_MEMBERS.forEach(member -> declare(member, true, LABEL));
        assertThat(runtimeService().getVariable(grant.getId(), ConflictsOfInterest.CLEARED_MEMBERS)).isEqualTo(List.of());
        // no member may hold the call: the coordinators, told when it is late, hold it
        execute(timer("Timer_EarlyCallLate"));
        runJobs();
        assertThat(taskService().getIdentityLinksForTask(task("UserTask_EarlyCall").getId())).extracting(link -> link.getGroupId())
                .containsExactly("coordinators");
        complete(task("UserTask_EarlyCall"), withVariables("earlyCallHeldOn", LocalDate.now().toString(), "earlyCallNotes", "By gita."));
        runJobs();

        Task decide = task("UserTask_DecideByCoordinators");
        assertThat(taskService().getIdentityLinksForTask(decide.getId())).extracting(link -> link.getGroupId()).containsExactly("coordinators");
        complete(decide, withVariables(DETERMINATION, DECLINE, REASONS_FOR_APPLICANT, "The committee could not review it this round."));
        runJobs();
        assertThat(grant).isEnded().hasPassed("Gateway_AnyReviewer", "UserTask_DecideByCoordinators", "EndEvent_Declined")
                .hasNotPassed("UserTask_Review");
    }

    @Test
    void theApplicantWithdrawsDuringTheReviewAndEverythingWaitingEnds() {
        ProcessInstance grant = apply();
        runJobs();
        declare("dana", false, LABEL);
        Task withdraw = task("UserTask_Withdraw");
        assertThat(formKey(withdraw)).isEqualTo("withdraw-application");
        assertThat(taskService().getIdentityLinksForTask(withdraw.getId())).as("a holder task is nobody's in Tasklist").isEmpty();
        complete(withdraw, withVariables("withdrawConfirmed", true, "withdrawReason", "Another funder said yes."));

        assertThat(grant).isEnded().hasPassed("ServiceTask_RecordWithdrawn", "EndEvent_ProposalWithdrawn", "EndEvent_Withdrawn")
                .hasNotPassed("ServiceTask_RecordDeclined", "CallActivity_Funding");
        assertThat(taskService().createTaskQuery().list()).as("the early call and the declarations end with it").isEmpty();
        assertThat(timeline).last().isEqualTo("withdrawn: You withdrew your application. Nothing more will happen with it.");
        verify(ledger).setStatus(REFERENCE, "withdrawn");
    }

    /** What the invitation starts the case with (StartScaleUpGrantDelegate). */
    private ProcessInstance apply() {
        LocalDate start = LocalDate.now().plusMonths(1);
        VariableMap variables = Variables.createVariables()
                .putValue(APPLICANT_NAME, "Ada Applicant").putValue(EMAIL, "ada@example.org").putValue(APPLICANT_TYPE, "individual")
                .putValue(ORGANISATION, "PyLadies Lagos").putValue(COMMUNITY, "Python Nigeria").putValue(LANGUAGE, "en")
                .putValue(GRANT_HISTORY, "RG-RAPID001, applied 2026-01-10: 1500 EUR, closed")
                .putValue(RAPID_GRANT_REFERENCE, "RG-RAPID001")
                .putValue(PROJECT_TITLE, "Django Girls across Nigeria").putValue("summary", "Six cities.").putValue("goals", "240 people.")
                .putValue("workPlan", "One city a month.").putValue("budget", "Venues 30000").putValue(START_DATE, start.toString())
                .putValue(END_DATE, start.plusMonths(8).toString()).putValue(AMOUNT, 60000L).putValue("callAvailability", "Mornings");
        return runtimeService().startProcessInstanceByKey(SCALE_UP_PROCESS_KEY, REFERENCE, variables);
    }
}
