package org.cultivate.grant;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
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
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * Every path of {@code processes/grant-funding.bpmn}, the payment and reports every approved grant
 * runs, started as its callers start it (the case's reference, the grant's figures, the cleared
 * and recused members); the payment itself is {@link GrantPaymentProcessTest}'s.
 */
@Deployment(resources = {"processes/grant-funding.bpmn", "processes/grant-payment.bpmn", "forms/grant-report.form",
        "forms/review-grant-report.form", "forms/follow-up-report.form", "forms/record-payment.form", "forms/withdraw-application.form"})
class GrantFundingProcessTest {

    private static final String REFERENCE = "RG-FUND0001";

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
            .configurationResource("process-test.cfg.xml")
            .excludeProcessDefinitionKeys(PAYMENT_PROCESS_KEY)
            .assertClassCoverageAtLeast(0.9)
            .build();

    ProcessEngine processEngine;

    private final List<Map<String, Object>> mails = new ArrayList<>();
    private final List<String> timeline = new ArrayList<>();
    private final GrantLedger ledger = Mockito.mock(GrantLedger.class);

    @BeforeEach
    void wireBeans() {
        wire(processEngine, ledger, new GrantSettings("EUR", MonthDay.of(7, 1), null, 2, null, false), mails, member -> java.util.Set.of(),
                REFERENCE, timeline);
    }

    @AfterEach
    void reset() {
        unwire(processEngine);
    }

    @Test
    void financePaysInTasklistAndALateReportIsRemindedFollowedUpAndHoldsNewApplicationsUntilAccepted() {
        ProcessInstance funding = fund(3);
        runJobs();
        Task pay = task("UserTask_RecordPayment");
        complete(pay, withVariables(PAYMENT_REFERENCE, "CASH-7"));
        runJobs();
        assertThat(funding).variables().containsEntry(REPORTS, List.of(FINAL)).containsEntry(PAYMENT_REFERENCE, "CASH-7");
        assertThat(timeline).first().asString().startsWith("funded: ");
        assertThat(mail(mails, "grant-funded")).containsEntry("to", "ada@example.org").containsKey("finalReportDue");
        assertThat(task("UserTask_WithdrawBeforePayment")).as("paid: no withdrawing any more").isNull();

        for (String timer : List.of("Timer_ReportReminder", "Timer_ReportDueDay", "Timer_ReportEscalation", "Timer_ReportHold")) {
            execute(timer(timer));
        }
        runJobs();
        assertThat(mails).filteredOn(mail -> "grant-report-reminder".equals(mail.get("template"))).hasSize(2)
                .allSatisfy(mail -> assertThat(mail).containsEntry("to", "ada@example.org").containsEntry("reportKind", FINAL));
        assertThat(mail(mails, "grant-report-overdue")).containsEntry("reportKind", FINAL);
        Task followUp = task("UserTask_FollowUpReport");
        assertThat(followUp.getName()).isEqualTo("Follow up the overdue final report of " + REFERENCE);
        assertThat(candidates(followUp)).as("the cleared members only").containsExactlyInAnyOrder("milan", "noor");
        assertThat(formKey(followUp)).isEqualTo("follow-up-report");

        fileReport(task("UserTask_FileReport"));
        Task review = task("UserTask_ReviewReport");
        assertThat(candidates(review)).containsExactlyInAnyOrder("milan", "noor");
        complete(review, withVariables(REPORT_OUTCOME, REVISE, REPORT_COMMENTS, "Add the receipts."));
        assertThat(timeline).last().asString().startsWith("report-due: The committee asks you to revise your final report.");
        fileReport(task("UserTask_FileReport"));
        complete(task("UserTask_ReviewReport"), withVariables(REPORT_OUTCOME, ACCEPT, RECOMMEND_SCALE_UP, true));
        runJobs();

        assertThat(funding).isEnded().hasPassed("ServiceTask_RecordPaid", "Timer_ReportHold", "EndEvent_ReportAccepted",
                "ServiceTask_CloseGrant", "EndEvent_Completed").hasNotPassed("EndEvent_ReportFollowedUp", "EndEvent_GrantWithdrawn")
                .variables().containsEntry(RECOMMEND_SCALE_UP, true);
        verify(ledger).setStatus(REFERENCE, "paid");
        verify(ledger, Mockito.times(2)).reportFiled(eq(REFERENCE), any(LocalDate.class));
        verify(ledger).setStatus(REFERENCE, "closed");
        assertThat(mail(mails, "grant-completed")).containsEntry("to", "ada@example.org");
    }

    @Test
    void theGranteeWithdrawsBeforeThePaymentWhichStopsAndFinanceIsTold() {
        ProcessInstance funding = fund(8);
        runJobs();
        assertThat(task("UserTask_RecordPayment")).isNotNull();
        Task withdraw = task("UserTask_WithdrawBeforePayment");
        assertThat(formKey(withdraw)).isEqualTo("withdraw-application");
        assertThat(taskService().getIdentityLinksForTask(withdraw.getId())).as("a holder task").isEmpty();
        complete(withdraw, withVariables("withdrawConfirmed", true, "withdrawReason", ""));
        runJobs();

        assertThat(task("UserTask_RecordPayment")).as("the payment is gone").isNull();
        assertThat(externalTaskService().createExternalTaskQuery().count()).isZero();
        assertThat(mail(mails, "grant-payment-withdrawn")).containsEntry("toGroup", "finance").doesNotContainKeys("to", "amount");
        assertThat(funding).isEnded().hasPassed("EndEvent_WithdrawnBeforePayment", "EndEvent_GrantWithdrawn")
                .hasNotPassed("ServiceTask_RecordPaid").variables().containsEntry("grantWithdrawn", true);
        assertThat(timeline).containsExactly("withdrawn: You withdrew your application before the payment. Nothing more will happen with it.");
        verify(ledger).setStatus(REFERENCE, "withdrawn");
        verify(ledger, never()).setStatus(REFERENCE, "paid");
    }

    @Test
    void withNoMemberClearedTheCoordinatorsReviewTheReports() {
        ProcessInstance funding = fund(3, List.of());
        runJobs();
        complete(task("UserTask_RecordPayment"), withVariables(PAYMENT_REFERENCE, "CASH-8"));
        runJobs();
        fileReport(task("UserTask_FileReport"));
        Task review = task("UserTask_ReviewReport");
        assertThat(taskService().getIdentityLinksForTask(review.getId())).extracting(link -> link.getGroupId()).containsExactly("coordinators");
        complete(review, withVariables(REPORT_OUTCOME, ACCEPT));
        runJobs();
        assertThat(funding).isEnded().hasPassed("EndEvent_Completed");
    }

    private ProcessInstance fund(int months) {
        return fund(months, List.of("milan", "noor"));
    }

    /** Starts the funding as the grant processes call it: a grant of {@code months} months, dana recused. */
    private ProcessInstance fund(int months, List<String> cleared) {
        LocalDate start = LocalDate.now().plusMonths(1);
        return runtimeService().startProcessInstanceByKey(FUNDING_PROCESS_KEY, REFERENCE, Variables.createVariables()
                .putValue(AMOUNT, 1500L).putValue(CURRENCY, "EUR").putValue(APPLICANT_NAME, "Ada Applicant")
                .putValue(EMAIL, "ada@example.org").putValue(LANGUAGE, "en").putValue(PROJECT_TITLE, "Django Girls Lagos")
                .putValue(START_DATE, start.toString()).putValue(END_DATE, start.plusMonths(months).toString())
                .putValue("clearedMembers", cleared).putValue("recusedMembers", List.of("dana")));
    }
}
