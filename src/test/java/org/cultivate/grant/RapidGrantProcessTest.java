package org.cultivate.grant;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
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
import org.mockito.InOrder;
import org.mockito.Mockito;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.externalTaskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.cultivate.grant.GrantProcessTestSupport.*;
import static org.cultivate.system.EngineSteps.*;
import static org.cultivate.grant.RapidGrantProcess.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * Every path of {@code processes/rapid-grant.bpmn}, with the processes it calls for payment and
 * reports ({@code grant-funding}, {@code grant-payment}; their own paths are their tests'), on an
 * in-memory engine with the real eligibility and scale-up tables, the shared conflict declaration and good-standing
 * processes, and Cultivate's delegates; only the ledger's table, mail and tracking are recorded instead of done.
 */
@Deployment(resources = {"processes/rapid-grant.bpmn", "processes/rapid-grant-eligibility.dmn", "processes/grant-funding.bpmn",
        "processes/grant-payment.bpmn", "processes/scale-up-invitation.dmn", "forms/scale-up-grant-application.form",
        "processes/conduct-good-standing.bpmn", "processes/conflict-declaration.bpmn",
        "forms/rapid-grant-application.form", "forms/withdraw-application.form", "forms/close-comment-window.form",
        "forms/rapid-grant-review.form", "forms/grant-determination.form", "forms/answer-grant-question.form",
        "forms/grant-report.form", "forms/review-grant-report.form", "forms/follow-up-report.form", "forms/record-payment.form",
        "forms/confirm-good-standing.form", "forms/conflict-declaration.form"})
class RapidGrantProcessTest {

    private static final String REFERENCE = "RG-TEST0001";
    private static final String LABEL = "rapid grant " + REFERENCE;

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
            .configurationResource("process-test.cfg.xml")
            // the processes it calls have their own tests: GrantFundingProcessTest, GrantPaymentProcessTest, ...
            .excludeProcessDefinitionKeys(FUNDING_PROCESS_KEY, PAYMENT_PROCESS_KEY, "conflict-declaration", "conduct-good-standing")
            .assertClassCoverageAtLeast(0.9)
            .build();

    ProcessEngine processEngine;

    private final List<Map<String, Object>> mails = new ArrayList<>();
    private final List<String> timeline = new ArrayList<>();
    private final GrantLedger ledger = Mockito.mock(GrantLedger.class);
    private boolean banned;
    private GrantLedger.ApplicantHistory history = new GrantLedger.ApplicantHistory(BigDecimal.ZERO, 0, 0);
    /** The applicant's grants in the ledger once this one is closed: this one alone, by default. */
    private List<GrantLedger.Entry> grantsOfApplicant = List.of(closedGrant(REFERENCE));
    /** The organisations members stated, as {@code Affiliations} keys. */
    private final Map<String, java.util.Set<String>> affiliations = new java.util.HashMap<>();
    /** The larger grants the invitations started: their variables. */
    private final List<Map<String, Object>> scaleUps = new ArrayList<>();

    @BeforeEach
    void wireBeans() {
        wire(processEngine, ledger, settings(true), mails, member -> affiliations.getOrDefault(member, java.util.Set.of()), REFERENCE, timeline);
        when(ledger.historyOf(anyString(), any(), anyString())).thenAnswer(invocation -> history);
        when(ledger.byApplicant(anyString())).thenAnswer(invocation -> grantsOfApplicant);
        Mocks.register("checkBanListDelegate", (JavaDelegate) execution -> {
            execution.setVariable("banInForce", banned);
            execution.setVariable("goodStanding", !banned);
        });
        Mocks.register("readGrantTrackRecordDelegate", new ReadGrantTrackRecordDelegate(ledger));
        // the larger grant is processes/scale-up-grant.bpmn's own test: here, what it would start with
        Mocks.register("startScaleUpGrantDelegate", (JavaDelegate) execution -> {
            var started = new java.util.HashMap<String, Object>();
            for (String name : SCALE_UP_FIELDS) {
                started.put(name, execution.getVariable(name));
            }
            started.put(RAPID_GRANT_REFERENCE, execution.getProcessBusinessKey());
            started.put(PROJECT_TITLE + "OfRapidGrant", runtimeService().getVariable(execution.getProcessInstanceId(), PROJECT_TITLE));
            scaleUps.add(started);
        });
        GrantComments comments = Mockito.mock(GrantComments.class);
        Mockito.doAnswer(invocation -> {
            ((DelegateExecution) invocation.getArgument(0)).setVariable(COMMUNITY_COMMENTS, "1 comment:\n- We need this workshop.");
            return null;
        }).when(comments).collect(any());
        Mocks.register("grantComments", comments);
    }

    @AfterEach
    void reset() {
        unwire(processEngine);
    }

    @Test
    void anApplicationIsReviewedQuestionedApprovedPaidByTheFinanceToolAndReportedOnWithARevision() {
        ProcessInstance grant = apply(application(8));
        runJobs();

        assertThat(grant).hasPassedInOrder("ServiceTask_RecordApplication", "BusinessRuleTask_Eligibility", "Gateway_Eligible",
                "CallActivity_GoodStanding", "Event_InReview");
        assertThat(grant).variables().containsEntry(ELIGIBLE, true).containsEntry(ELIGIBILITY_RULE, "eligible")
                .containsEntry(TOTAL_THIS_YEAR, 1500.0).containsEntry(CURRENCY, "EUR").containsEntry(GOOD_STANDING, true);
        verify(ledger).record(Mockito.argThat(entry -> entry.reference().equals(REFERENCE) && entry.status().equals("requested")
                && entry.amount().compareTo(new BigDecimal("1500")) == 0 && entry.applicantEmail().equals("ada@example.org")));
        assertThat(mail(mails, "grant-received")).containsEntry("to", "ada@example.org").containsEntry("issueTrackingCode", "submitter");
        assertThat(timeline).containsExactly("in-review: Your application is eligible and goes to the grants committee for review.");
        var decision = historyService().createHistoricDecisionInstanceQuery().processInstanceId(grant.getId()).includeInputs()
                .includeOutputs().singleResult();
        assertThat(decision.getDecisionDefinitionKey()).as("the table's version and inputs stay with the case").isEqualTo(ELIGIBILITY_DECISION);
        assertThat(decision.getInputs()).extracting(input -> input.getValue()).contains(1500.0, 0, "individual");

        declare("dana", true, LABEL);
        declare("milan", false, LABEL);
        declare("noor", false, LABEL);
        assertThat(runtimeService().getVariable(grant.getId(), ConflictsOfInterest.CLEARED_MEMBERS)).isEqualTo(List.of("milan", "noor"));
        Task window = task("UserTask_CommentWindow");
        assertThat(candidates(window)).containsExactlyInAnyOrder("milan", "noor");
        complete(window, withVariables("commentWindowClosedBecause", "The committee meets tomorrow."));
        runJobs();

        assertThat(grant).isWaitingAt("UserTask_Review", "UserTask_Withdraw").hasPassed("Gateway_CommentsClosed")
                .variables().containsEntry(COMMUNITY_COMMENTS, "1 comment:\n- We need this workshop.");
        assertThat(taskService().createTaskQuery().taskDefinitionKey("UserTask_Review").list())
                .extracting(Task::getAssignee).containsExactlyInAnyOrder("milan", "noor");
        review("milan", "rapid-grant-review", 5, "fund", "A clear plan.");
        // reminder three days before the deadline: only whoever has not reviewed
        execute(timer("Timer_ReviewReminder"));
        runJobs();
        assertThat(mails).filteredOn(mail -> "grant-review-reminder".equals(mail.get("template")))
                .extracting(mail -> mail.get("toUser")).containsExactly("noor");
        review("noor", "rapid-grant-review", 4, "fund-with-changes", null);

        Task determine = task("UserTask_Determine");
        assertThat(candidates(determine)).containsExactlyInAnyOrder("milan", "noor");
        assertThat((String) runtimeService().getVariable(grant.getId(), REVIEW_SUMMARY)).contains("2 reviews.", "Impact: 4.5",
                "fund: 1", "fund-with-changes: 1", "milan: A clear plan.", "noor: (none)");
        complete(determine, withVariables(DETERMINATION, ASK_APPLICANT, QUESTION_FOR_APPLICANT, "Who else helps?"));
        runJobs();
        assertThat(timeline).last().asString().startsWith("awaiting-information: ");
        assertThat(mail(mails, "holder-task-waiting")).containsEntry("to", "ada@example.org");
        assertThat(formKey(task("UserTask_AnswerQuestion"))).isEqualTo("answer-grant-question");
        complete(task("UserTask_AnswerQuestion"), withVariables(HOLDER_MESSAGE, "Two friends from the user group."));
        assertThat(timeline).last().asString().startsWith("in-review: Thank you for your answer.");

        complete(task("UserTask_Determine"), withVariables(DETERMINATION, APPROVE));
        runJobs();
        assertThat(mail(mails, "grant-approved")).containsEntry("amount", 1500L).containsEntry("currency", "EUR");
        assertThat(grant).hasPassed("EndEvent_Approved").hasNotPassed("EndEvent_Withdrawn", "UserTask_DetermineByCoordinators")
                .variables().containsEntry(APPLICATION_OUTCOME, "approved");
        assertThat(taskService().createTaskQuery().taskDefinitionKey("UserTask_Withdraw").count())
                .as("approval ends the applicant's chance to withdraw").isZero();

        execute(timer("Timer_PaymentWaiting"));
        runJobs();
        assertThat(mail(mails, "grant-payment-waiting")).containsEntry("toGroup", "finance");
        // the finance tool fetches, locks and pays: it sees the payment and nothing else of the application
        var locked = externalTaskService().fetchAndLock(1, "finance-tool").topic(PAYMENT_TOPIC, 60_000).execute();
        assertThat(locked).singleElement().satisfies(payment -> {
            assertThat(payment.getBusinessKey()).isEqualTo(REFERENCE);
            assertThat(payment.getVariables()).containsOnlyKeys(AMOUNT, CURRENCY, PAYEE)
                    .containsEntry(PAYEE, "Ada Applicant").containsEntry(AMOUNT, 1500L);
        });
        externalTaskService().complete(locked.get(0).getId(), "finance-tool", Map.of(PAYMENT_REFERENCE, "BANK-2027-001"));
        runJobs();
        ProcessInstance funding = funding(grant);
        assertThat(funding).variables().containsEntry(PAYMENT_REFERENCE, "BANK-2027-001").containsEntry(REPORTS, List.of(INTERIM, FINAL));
        assertThat(timeline).contains("funded: Your grant has been paid. Your reports are due as the grant letter says; this page will ask for them.");

        // the interim report, revised once
        Task interim = task("UserTask_FileReport");
        assertThat(interim.getName()).isEqualTo("File the interim report");
        assertThat(interim.getDueDate()).isNotNull();
        assertThat(timeline).last().asString().startsWith("report-due: Your interim report is due.");
        fileReport(interim);
        assertThat(timeline).last().asString().startsWith("report-under-review: ");
        complete(task("UserTask_ReviewReport"), withVariables(REPORT_OUTCOME, REVISE, REPORT_COMMENTS, "Please add the spending per line."));
        assertThat(timeline).last().asString().startsWith("report-due: The committee asks you to revise your interim report.");
        assertThat(taskService().getVariable(task("UserTask_FileReport").getId(), REPORT_COMMENTS)).isEqualTo("Please add the spending per line.");
        fileReport(task("UserTask_FileReport"));
        complete(task("UserTask_ReviewReport"), withVariables(REPORT_OUTCOME, ACCEPT));
        runJobs();

        // the final report, accepted: the grant closes
        assertThat(task("UserTask_FileReport").getName()).isEqualTo("File the final report");
        fileReport(task("UserTask_FileReport"));
        complete(task("UserTask_ReviewReport"), withVariables(REPORT_OUTCOME, ACCEPT, RECOMMEND_SCALE_UP, false));
        runJobs();

        assertThat(funding).isEnded().hasPassed("ServiceTask_CloseGrant", "Event_Completed", "EndEvent_Completed");
        assertThat(grant).isEnded().hasPassed("BusinessRuleTask_ScaleUp", "EndEvent_GrantCompleted").hasNotPassed("SubProcess_Invitation")
                .variables().containsEntry(PAYMENT_REFERENCE, "BANK-2027-001").containsEntry(INVITE_SCALE_UP, false)
                .containsEntry(INVITE_BECAUSE, "not-yet");
        assertThat(timeline).last().asString().startsWith("completed: ");
        assertThat(mail(mails, "grant-completed")).containsEntry("to", "ada@example.org");
        InOrder order = Mockito.inOrder(ledger);
        order.verify(ledger).setStatus(REFERENCE, "approved");
        order.verify(ledger).setStatus(REFERENCE, "paid");
        order.verify(ledger).setReportDue(eq(REFERENCE), any(LocalDate.class));
        order.verify(ledger).reportFiled(eq(REFERENCE), any(LocalDate.class));
        order.verify(ledger).setStatus(REFERENCE, "closed");
        assertThat(mails).extracting(mail -> mail.get("template")).doesNotContain("grant-report-overdue", "grant-declined");
    }

    @Test
    void anApplicantWithAnOverdueReportIsIneligibleAtOnceWithTheTablesReason() {
        history = new GrantLedger.ApplicantHistory(new BigDecimal("2000"), 1, 1);
        ProcessInstance grant = apply(application(3));
        runJobs();

        assertThat(grant).isEnded().hasPassed("Gateway_Eligible", "ServiceTask_RecordIneligible", "EndEvent_Ineligible",
                        "EndEvent_IneligibleTold")
                .hasNotPassed("CallActivity_GoodStanding", "CallActivity_DeclareConflicts", "CallActivity_Payment");
        assertThat(historyVariable(grant, ELIGIBILITY_RULE)).isEqualTo("overdue-report");
        assertThat(historyVariable(grant, TOTAL_THIS_YEAR)).isEqualTo(3500.0);
        assertThat(timeline).containsExactly("ineligible: A report on one of your earlier grants is overdue. Once you have filed it, you may apply again.");
        assertThat(mail(mails, "grant-ineligible")).containsEntry("to", "ada@example.org")
                .containsEntry("eligibilityReason", "A report on one of your earlier grants is overdue. Once you have filed it, you may apply again.");
        verify(ledger).setStatus(REFERENCE, "ineligible");
    }

    @Test
    void anApplicantUnderABanIsRefusedAndTheGrantsCommitteeLearnsOnlyToAskTheConductCommittee() {
        banned = true;
        ProcessInstance grant = apply(application(3));
        runJobs();
        ProcessInstance standing = runtimeService().createProcessInstanceQuery().superProcessInstanceId(grant.getId()).singleResult();
        Task confirm = taskService().createTaskQuery().processInstanceId(standing.getId()).singleResult();
        assertThat(confirm.getName()).isEqualTo("Good standing asked: rapid grant " + REFERENCE);
        assertThat(taskService().getIdentityLinksForTask(confirm.getId())).extracting(link -> link.getGroupId()).containsExactly("conduct-committee");
        complete(confirm, withVariables("inGoodStanding", false));
        runJobs();

        assertThat(grant).isEnded().hasPassedInOrder("CallActivity_GoodStanding", "Gateway_GoodStanding", "ServiceTask_NotInGoodStanding",
                "ServiceTask_TellCommitteeStanding", "ServiceTask_RecordIneligible", "EndEvent_Ineligible");
        assertThat(historyVariable(grant, ELIGIBILITY_RULE)).isEqualTo("good-standing");
        assertThat(mail(mails, "grant-standing-refused")).containsEntry("toGroup", COMMITTEE).doesNotContainKeys("to", EMAIL, APPLICANT_NAME);
        assertThat(mail(mails, "grant-standing-refused").values()).doesNotContain("ada@example.org", "Ada Applicant");
        assertThat(timeline).singleElement().asString().startsWith("ineligible: Your application cannot go ahead at the moment.");
    }

    @Test
    void theApplicantWithdrawsDuringTheReviewAndEverythingWaitingEnds() {
        // a start without the checkbox (a script over /engine-rest may leave it out): no consent
        // milan belongs to the applicant's organisation, written his way: recused at once, never asked
        affiliations.put("milan", java.util.Set.of(org.cultivate.identity.Affiliations.key(" PyLadies  LAGOS")));
        ProcessInstance grant = apply(application(3).putValue(PUBLISH_CONSENT, null));
        runJobs();
        assertThat(runtimeService().getVariable(grant.getId(), ConflictsOfInterest.COMMITTEE_MEMBERS)).isEqualTo(List.of("dana", "noor"));
        assertThat((List<?>) runtimeService().getVariable(grant.getId(), ConflictsOfInterest.RECUSALS))
                .extracting(entry -> ((Map<?, ?>) entry).get("member") + " " + ((Map<?, ?>) entry).get("how"))
                .containsExactly("milan same-organisation");
        assertThat(grant).hasPassed("Gateway_CommentsClosed").hasNotPassed("UserTask_CommentWindow");
        declare("dana", false, LABEL);

        Task withdraw = task("UserTask_Withdraw");
        assertThat(formKey(withdraw)).isEqualTo("withdraw-application");
        assertThat(taskService().getIdentityLinksForTask(withdraw.getId())).as("a holder task is nobody's in Tasklist").isEmpty();
        complete(withdraw, withVariables("withdrawConfirmed", true, "withdrawReason", "We found a sponsor."));

        assertThat(grant).isEnded().hasPassed("ServiceTask_RecordWithdrawn", "EndEvent_Withdrawn", "EndEvent_NotFunded")
                .hasNotPassed("CallActivity_Payment");
        assertThat(taskService().createTaskQuery().list()).as("the other declarations end with the case").isEmpty();
        assertThat(timeline).last().isEqualTo("withdrawn: You withdrew your application. Nothing more will happen with it.");
        verify(ledger).setStatus(REFERENCE, "withdrawn");
    }

    @Test
    void membersWhoDoNotDeclareMissTheCaseTheWindowClosesByItselfAndTheCommitteeDeclinesWithReasons() {
        // noor is named in the application: recused at once, never asked
        ProcessInstance grant = apply(application(3).putValue("summary", "Mentored by noor@cultivate.test, as last year."));
        runJobs();
        assertThat(runtimeService().getVariable(grant.getId(), ConflictsOfInterest.COMMITTEE_MEMBERS)).isEqualTo(List.of("dana", "milan"));
        assertThat(runtimeService().getVariable(grant.getId(), ConflictsOfInterest.RECUSED_MEMBERS)).isEqualTo(List.of("noor"));
        declare("milan", false, LABEL);
        execute(timer("Timer_DeclarationsClose"));
        execute(timer("Timer_CommentWindow"));
        runJobs();

        assertThat(grant).hasPassed("Timer_DeclarationsClose", "Timer_CommentWindow").variables().containsEntry(REVIEW_QUORUM, 1);
        execute(timer("Timer_ReviewDeadline"));
        runJobs();
        assertThat(mail(mails, "grant-reviews-overdue")).containsEntry("toGroup", COMMITTEE);
        review("milan", "rapid-grant-review", 2, "do-not-fund", "The budget is vague.");
        complete(task("UserTask_Determine"), withVariables(DETERMINATION, DECLINE, REASONS_FOR_APPLICANT, "The budget needs detail per line."));
        runJobs();

        assertThat(grant).isEnded().hasPassed("ServiceTask_RecordDeclined", "EndEvent_Declined", "ServiceTask_TellDeclined",
                "EndEvent_DeclineTold").hasNotPassed("EndEvent_NotFunded");
        assertThat(timeline).last().isEqualTo("declined: The budget needs detail per line.");
        assertThat(mail(mails, "grant-declined")).containsEntry("reasonsForApplicant", "The budget needs detail per line.");
        verify(ledger).setStatus(REFERENCE, "declined");
        verify(ledger, never()).setStatus(REFERENCE, "approved");
    }

    @Test
    void withNobodyClearedTheCoordinatorsDecideAndAnUnansweredQuestionClosesTheApplication() {
        ProcessInstance grant = apply(application(3));
        runJobs();
        COMMITTEE_MEMBERS.forEach(member -> declare(member, true, LABEL));
        assertThat(candidates(task("UserTask_CommentWindow"))).as("nobody is cleared to close it early").isEmpty();
        execute(timer("Timer_CommentWindow"));
        runJobs();

        assertThat(grant).hasPassed("Gateway_AnyReviewer", "Gateway_Reviewed").hasNotPassed("UserTask_Review");
        Task determine = task("UserTask_DetermineByCoordinators");
        assertThat(taskService().getIdentityLinksForTask(determine.getId())).extracting(link -> link.getGroupId()).containsExactly("coordinators");
        assertThat(taskService().getVariable(determine.getId(), REVIEW_SUMMARY)).asString().startsWith("No reviews");
        complete(determine, withVariables(DETERMINATION, ASK_APPLICANT, QUESTION_FOR_APPLICANT, "Is the venue booked?"));
        execute(timer("Timer_AnswerDeadline"));
        runJobs();

        assertThat(grant).isEnded().hasPassed("ServiceTask_NoAnswer", "EndEvent_Declined");
        assertThat(timeline).last().asString().startsWith("declined: We asked you a question and had no answer within 14 days");
    }

    @Test
    void theCommitteesMarkInvitesTheGranteeWhoAppliesForALargerGrantOnTheTrackingPage() {
        ProcessInstance grant = approved(application(3));
        payByFinanceTool("BANK-3");
        ProcessInstance funding = funding(grant);
        fileReport(task("UserTask_FileReport"));
        complete(task("UserTask_ReviewReport"), withVariables(REPORT_OUTCOME, ACCEPT, RECOMMEND_SCALE_UP, true));
        runJobs();
        assertThat(funding).isEnded().hasPassed("EndEvent_Completed");
        assertThat(grant).hasPassed("CallActivity_Funding", "Gateway_FundedOrWithdrawn").isWaitingAt("UserTask_ApplyForScaleUp")
                .variables().containsEntry(INVITE_SCALE_UP, true).containsEntry(INVITE_BECAUSE, "committee-recommended");

        // the committee's mark invites the grantee: the application is a holder task showing their grants
        assertThat(mail(mails, "grant-scale-up-invitation")).containsEntry("to", "ada@example.org");
        assertThat(timeline).last().asString().startsWith("completed: The grants committee invites you to apply for a larger grant.");
        Task invitation = task("UserTask_ApplyForScaleUp");
        assertThat(formKey(invitation)).isEqualTo(SCALE_UP_FORM);
        assertThat(taskService().getVariable(invitation.getId(), GRANT_HISTORY)).asString().contains(REFERENCE, "1500 EUR, closed");
        LocalDate start = LocalDate.now().plusMonths(2);
        complete(invitation, withVariables(PROJECT_TITLE, "Django Girls across Nigeria", "summary", "Six cities.", "goals", "240 people.",
                "workPlan", "One city a month.", "budget", "Venues 30000", START_DATE, start.toString(),
                END_DATE, start.plusMonths(8).toString(), AMOUNT, 60000L, "callAvailability", "Weekday mornings"));
        runJobs();
        assertThat(scaleUps).singleElement().satisfies(started -> assertThat(started).containsEntry(RAPID_GRANT_REFERENCE, REFERENCE)
                .containsEntry(AMOUNT, 60000L).containsEntry(PROJECT_TITLE, "Django Girls across Nigeria")
                .as("what the grantee wrote stays apart from the completed grant's application")
                .containsEntry(PROJECT_TITLE + "OfRapidGrant", "Django Girls Lagos"));
        assertThat(grant).isEnded().hasPassed("ServiceTask_StartScaleUp", "EndEvent_ScaleUpApplied", "EndEvent_InvitationSent");
        assertThat(timeline).last().asString().startsWith("completed: Thank you for applying for a larger grant.");
    }

    @Test
    void aGrantWithdrawnBeforeItsPaymentEndsWithoutAnInvitation() {
        ProcessInstance grant = approved(application(3));
        complete(task("UserTask_WithdrawBeforePayment"), withVariables("withdrawConfirmed", true, "withdrawReason", ""));
        runJobs();
        assertThat(grant).isEnded().hasPassed("Gateway_FundedOrWithdrawn", "EndEvent_WithdrawnBeforePayment")
                .hasNotPassed("ServiceTask_ReadTrackRecord", "BusinessRuleTask_ScaleUp");
    }

    @Test
    void aGranteeWithATrackRecordIsInvitedByTheTableAndTheInvitationLapses() {
        grantsOfApplicant = List.of(closedGrant("RG-EARLIER1"), closedGrant(REFERENCE));
        ProcessInstance grant = approved(application(3));
        payByFinanceTool("BANK-9");
        fileReport(task("UserTask_FileReport"));
        complete(task("UserTask_ReviewReport"), withVariables(REPORT_OUTCOME, ACCEPT, RECOMMEND_SCALE_UP, false));
        runJobs();
        assertThat(grant).isWaitingAt("UserTask_ApplyForScaleUp").variables().containsEntry(INVITE_BECAUSE, "track-record");

        execute(timer("Timer_InvitationLapses"));
        runJobs();
        assertThat(grant).isEnded().hasPassed("EndEvent_InvitationLapsed", "EndEvent_InvitationOver").hasNotPassed("ServiceTask_StartScaleUp");
        assertThat(scaleUps).isEmpty();
    }

    /** Every member cleared, the window closed early, two reviews and an approval. */
    private ProcessInstance approved(VariableMap application) {
        ProcessInstance grant = apply(application);
        runJobs();
        COMMITTEE_MEMBERS.forEach(member -> declare(member, false, LABEL));
        complete(task("UserTask_CommentWindow"), withVariables("commentWindowClosedBecause", "Enough comments."));
        runJobs();
        review("dana", "rapid-grant-review", 4, "fund", null);
        review("milan", "rapid-grant-review", 4, "fund", null);
        complete(task("UserTask_Determine"), withVariables(DETERMINATION, APPROVE));
        runJobs();
        return grant;
    }

    private static void payByFinanceTool(String reference) {
        var paid = externalTaskService().fetchAndLock(1, "finance-tool").topic(PAYMENT_TOPIC, 60_000).execute();
        externalTaskService().complete(paid.get(0).getId(), "finance-tool", Map.of(PAYMENT_REFERENCE, reference));
        runJobs();
    }

    private static GrantLedger.Entry closedGrant(String reference) {
        return new GrantLedger.Entry(reference, PROCESS_KEY, "ada@example.org", "individual", "Python Nigeria", new BigDecimal("1500"),
                "EUR", "closed", LocalDate.now(), null, null);
    }

    /** The grant's payment and reports, while they run. */
    private static ProcessInstance funding(ProcessInstance grant) {
        return runtimeService().createProcessInstanceQuery().superProcessInstanceId(grant.getId())
                .processDefinitionKey(FUNDING_PROCESS_KEY).singleResult();
    }

    private static Object historyVariable(ProcessInstance grant, String name) {
        return historyService().createHistoricVariableInstanceQuery().processInstanceId(grant.getId()).variableName(name)
                .singleResult().getValue();
    }

    private static GrantSettings settings(boolean financeTool) {
        return new GrantSettings("EUR", MonthDay.of(7, 1), null, 2, null, financeTool);
    }

    private ProcessInstance apply(VariableMap variables) {
        return runtimeService().startProcessInstanceByKey(PROCESS_KEY, REFERENCE, variables);
    }

    /** What the intake hands the process: every field of the form, typed. */
    private static VariableMap application(int months) {
        LocalDate start = LocalDate.now().plusMonths(1);
        return Variables.createVariables()
                .putValue(APPLICANT_NAME, "Ada Applicant").putValue(EMAIL, "ada@example.org")
                .putValue(APPLICANT_TYPE, "individual").putValue(ORGANISATION, "PyLadies Lagos").putValue(COMMUNITY, "Python Nigeria")
                .putValue(PROJECT_TITLE, "Django Girls Lagos").putValue("summary", "A one-day workshop for forty new programmers.")
                .putValue("goals", "Forty participants, ten mentors.").putValue(START_DATE, start.toString())
                .putValue(END_DATE, start.plusMonths(months).toString()).putValue(AMOUNT, 1500L)
                .putValue("budget", "Venue 500, food 700, travel 300").putValue("earlierGrants", null)
                .putValue(PUBLISH_CONSENT, true).putValue(LANGUAGE, "en");
    }
}
