package org.cultivate.conduct;

import java.time.Clock;
import java.time.Period;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.cultivate.identity.CaseAuthorizations;
import org.cultivate.identity.ConflictsOfInterest;
import org.cultivate.identity.RecordConflictDeclarationDelegate;
import org.cultivate.intake.CaseTracking;
import org.mockito.Mockito;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.claim;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.cultivate.conduct.ConductIncidentProcess.ACKNOWLEDGEMENT_MESSAGE;
import static org.cultivate.conduct.ConductIncidentProcess.ACKNOWLEDGE_WITHIN;
import static org.cultivate.conduct.ConductIncidentProcess.BEHAVIOUR;
import static org.cultivate.conduct.ConductIncidentProcess.APPEAL_DECISION;
import static org.cultivate.conduct.ConductIncidentProcess.APPEAL_RESPONSE;
import static org.cultivate.conduct.ConductIncidentProcess.APPROVE;
import static org.cultivate.conduct.ConductIncidentProcess.FINAL_OUTCOME;
import static org.cultivate.conduct.ConductIncidentProcess.INFORM_REPORTED_PERSON;
import static org.cultivate.conduct.ConductIncidentProcess.LANGUAGE;
import static org.cultivate.conduct.ConductIncidentProcess.MESSAGE_TO_REPORTED_PERSON;
import static org.cultivate.conduct.ConductIncidentProcess.REPORTED_PERSON_EMAIL;
import static org.cultivate.conduct.ConductIncidentProcess.TASK_REVIEW_APPEAL;
import static org.cultivate.conduct.ConductIncidentProcess.CLEARED_MEMBERS;
import static org.cultivate.conduct.ConductIncidentProcess.FAILED_VOTES;
import static org.cultivate.conduct.ConductIncidentProcess.MESSAGE_TO_REPORTER;
import static org.cultivate.conduct.ConductIncidentProcess.NEXT_STEP;
import static org.cultivate.conduct.ConductIncidentProcess.OUTCOME;
import static org.cultivate.conduct.ConductIncidentProcess.QUESTION_FOR_REPORTER;
import static org.cultivate.conduct.ConductIncidentProcess.HOLDER_MESSAGE;
import static org.cultivate.conduct.ConductIncidentProcess.ANSWERED_BY;
import static org.cultivate.conduct.ConductIncidentProcess.TASK_ANSWER_QUESTION;
import static org.cultivate.conduct.ConductIncidentProcess.TASK_APPEAL;
import static org.cultivate.conduct.ConductIncidentProcess.TASK_ESCALATED_DECISION;
import static org.cultivate.conduct.ConductIncidentProcess.TASK_INVESTIGATE;
import static org.cultivate.conduct.ConductIncidentProcess.TASK_PROPOSE;
import static org.cultivate.conduct.ConductIncidentProcess.TASK_VOTE;
import static org.cultivate.conduct.ConductIncidentProcess.VOTE_HISTORY;
import static org.cultivate.conduct.ConductIncidentProcess.VOTE_PASSED;
import static org.cultivate.conduct.ConductIncidentProcess.CODE_NAME;
import static org.cultivate.conduct.ConductIncidentProcess.COMMITTEE_MEMBERS;
import static org.cultivate.conduct.ConductIncidentProcess.CONFLICT_NOTE;
import static org.cultivate.conduct.ConductIncidentProcess.HAS_CONFLICT;
import static org.cultivate.conduct.ConductIncidentProcess.PEOPLE_INVOLVED;
import static org.cultivate.conduct.ConductIncidentProcess.RECUSALS;
import static org.cultivate.conduct.ConductIncidentProcess.RECUSED_MEMBERS;
import static org.cultivate.conduct.ConductIncidentProcess.DESCRIPTION;
import static org.cultivate.conduct.ConductIncidentProcess.ONGOING_DANGER;
import static org.cultivate.conduct.ConductIncidentProcess.PROCESS_KEY;
import static org.cultivate.conduct.ConductIncidentProcess.REPORTER_EMAIL;
import static org.cultivate.conduct.ConductIncidentProcess.REPORTER_NAME;
import static org.cultivate.conduct.ConductIncidentProcess.SAFETY_ACTOR;
import static org.cultivate.conduct.ConductIncidentProcess.SEVERITY;
import static org.cultivate.conduct.ConductIncidentProcess.TASK_ACKNOWLEDGE;
import static org.cultivate.conduct.ConductIncidentProcess.TASK_ACKNOWLEDGE_REPORTER;
import static org.cultivate.conduct.ConductIncidentProcess.TASK_ALERT_COMMITTEE;
import static org.cultivate.conduct.ConductIncidentProcess.TASK_IMMEDIATE_SAFETY;
import static org.cultivate.conduct.ConductIncidentProcess.TASK_REPORT_SAFETY_ACTION;

/**
 * Every path of {@code processes/conduct-incident.bpmn}, on an in-memory engine with the real
 * triage table and Cultivate's delegates; only mail and tracking are recorded instead of done.
 */
@Deployment(resources = {"processes/conduct-incident.bpmn", "processes/conduct-triage.dmn",
        "processes/conflict-declaration.bpmn", "forms/incident-report.form", "forms/immediate-safety.form",
        "forms/report-safety-action.form", "forms/acknowledge-report.form", "forms/conflict-declaration.form",
        "forms/investigate.form", "forms/answer-question.form", "forms/propose-resolution.form", "forms/vote.form",
        "forms/appeal.form", "forms/review-appeal.form"})
class ConductIncidentProcessTest {

    private static final String DETAILS = "Someone shouted at me during the meetup.";
    private static final String COMMITTEE = "conduct-committee";
    private static final String DECLARE_CONFLICTS = "CallActivity_DeclareConflicts";

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
            .configurationResource("process-test.cfg.xml")
            .assertClassCoverageAtLeast(0.9)
            .build();

    ProcessEngine processEngine;

    private final List<Map<String, Object>> mails = new ArrayList<>();
    private final List<String> timeline = new ArrayList<>();
    private final List<String> bans = new ArrayList<>();
    private final CaseTracking expungedTimeline = Mockito.mock(CaseTracking.class);

    /** Stands in for {@code caseTracking}: records what the reporter would see. */
    public class RecordingTracking {
        public void status(DelegateExecution execution, String status) {
            timeline.add(status);
        }

        public void update(DelegateExecution execution, String status, String message) {
            timeline.add(status + ": " + message);
        }

        public void updateFor(DelegateExecution execution, String holder, String status, String message) {
            assertThat(holder).isIn("submitter", "respondent");
            timeline.add(status + ": " + message);
        }
    }

    @BeforeEach
    void wireBeans() {
        // the Spring Boot tests' engine may live in the same JVM: tell the assertions which engine is meant
        init(processEngine);
        Mocks.register("sendEmailDelegate", (JavaDelegate) execution -> mails.add(execution.getVariablesLocal()));
        Mocks.register("caseTracking", new RecordingTracking());
        committee("alice", "bob", "chidi");
        var conflicts = new ConflictsOfInterest(processEngine.getIdentityService(), processEngine.getRuntimeService(),
                processEngine.getTaskService(), new CaseAuthorizations(processEngine.getAuthorizationService(),
                processEngine.getTaskService()), member -> java.util.Set.of(), Clock.systemUTC());
        Mocks.register("conflictsOfInterest", conflicts);
        Mocks.register("openCaseDelegate", new OpenCaseDelegate(Period.ofMonths(6)));
        Mocks.register("recordConflictDeclarationDelegate", new RecordConflictDeclarationDelegate(conflicts));
        Mocks.register("recordVoteListener", new RecordVoteListener());
        Mocks.register("countVotesDelegate", new CountVotesDelegate());
        Mocks.register("chooseAppealReviewersDelegate", new ChooseAppealReviewersDelegate());
        Mocks.register("recordBanDelegate", (JavaDelegate) execution -> bans.add((String) execution.getVariable(FINAL_OUTCOME)));
        Mocks.register("expungeCaseDelegate", new ExpungeCaseDelegate(processEngine.getHistoryService(), expungedTimeline, Clock.systemUTC()));
        Mocks.register("triageReportDelegate", new TriageReportDelegate(processEngine.getDecisionService()));
    }

    @AfterEach
    void reset() {
        // users outlive a test's deployment: every test starts from the same committee
        processEngine.getIdentityService().createUserQuery().list()
                .forEach(user -> processEngine.getIdentityService().deleteUser(user.getId()));
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    @Test
    void aReportIsTriagedAcknowledgedToTheReporterAndAlertedToTheCommitteeUnderItsCodeName() {
        ProcessInstance report = startReport(report("reporter@example.org").putValue(BEHAVIOUR, "harassment"));
        assertThat(report).isWaitingAt("StartEvent_ReportReceived");
        execute(job(report));

        assertThat(report).isWaitingAt(TASK_ACKNOWLEDGE_REPORTER, TASK_ALERT_COMMITTEE, TASK_ACKNOWLEDGE)
                .variables().containsEntry(SEVERITY, "medium").containsEntry(ACKNOWLEDGE_WITHIN, "P2D");
        String codeName = (String) runtimeService().getVariable(report.getId(), CODE_NAME);
        assertThat(codeName).matches("[a-z]+-[a-z]+-[0-9]{2}");
        assertThat(task(report).getName()).isEqualTo("Acknowledge " + codeName);
        assertThat(task(report).getDueDate()).as("the table's deadline, for Tasklist's overdue filter")
                .isAfter(new Date(System.currentTimeMillis() + 47L * 3_600_000))
                .isBefore(new Date(System.currentTimeMillis() + 49L * 3_600_000));
        assertThat(candidatesOf(task(report).getId())).as("nobody has declared yet").isEmpty();
        assertThat(formKeyOf(task(report).getId())).isEqualTo("acknowledge-report");

        sendMails(report);
        assertThat(mails).extracting(mail -> mail.get("template")).containsExactlyInAnyOrder("report-acknowledged", "committee-alert");
        Map<String, Object> alert = mail("committee-alert");
        assertThat(alert).containsEntry("toGroup", "conduct-committee").containsEntry("codeName", codeName);
        // the committee's alert carries no detail of the report
        assertThat(alert.values()).doesNotContain(DETAILS, "reporter@example.org", "Rosa Reporter");
        assertThat(mail("report-acknowledged")).containsEntry("to", "reporter@example.org");

        declare(report, "alice", false);
        declare(report, "bob", false);
        declare(report, "chidi", false);
        complete(task(report), withVariables(SEVERITY, "high", ACKNOWLEDGEMENT_MESSAGE, "Thank you. We are on it."));
        assertThat(timeline).containsExactly("under-review: Thank you. We are on it.");
        assertThat(report).variables().containsEntry(SEVERITY, "high");

        investigate(report, "propose", null);
        propose(report, "warning", "We have spoken with the person concerned and issued a formal warning.");
        vote(report, "alice", true);
        // a ballot is filed under the member's name; its answer never reaches another member's form
        assertThat(runtimeService().getVariables(report.getId())).containsKey("ballot-alice").doesNotContainKey(APPROVE);
        vote(report, "bob", true);
        vote(report, "chidi", false);
        assertThat(voteHistory(report)).singleElement().satisfies(round -> assertThat(round)
                .containsEntry("approvals", 2).containsEntry("votes", 3).containsEntry("passed", true));
        assertThat(runtimeService().getVariables(report.getId()).keySet()).noneMatch(name -> name.startsWith("ballot-"));
        execute(job("ServiceTask_TellReporterOutcome", report));

        assertThat(timeline).contains("decided: We have spoken with the person concerned and issued a formal warning.");
        assertThat(mail("outcome-to-reporter")).containsEntry("to", "reporter@example.org")
                .containsEntry("outcomeMessage", "We have spoken with the person concerned and issued a formal warning.");
        assertThat(report).hasPassed("ServiceTask_OpenCase", "ServiceTask_TriageReport", "Gateway_NotifyAll",
                        "Gateway_Emergency", "Gateway_EmergencyHandled", TASK_ACKNOWLEDGE, "EndEvent_ReporterAcknowledged",
                        "EndEvent_CommitteeAlerted", "EndEvent_ConflictsDeclared", TASK_INVESTIGATE, TASK_PROPOSE, TASK_VOTE,
                        "Gateway_VotePassed", "Event_Decided", "EndEvent_ReporterToldOutcome")
                .hasNotPassed(TASK_IMMEDIATE_SAFETY, "EndEvent_ReporterAnonymous", TASK_ESCALATED_DECISION)
                .variables().containsEntry(OUTCOME, "warning").containsEntry(VOTE_PASSED, true);

        assertThat(report).isWaitingAt(TASK_APPEAL).hasPassed("EndEvent_ReportedPersonNotTold");
        assertThat(timeline).contains("appeal-open: You may appeal this decision within 14 days, here with your tracking code.");
        execute(job("Timer_AppealWindow", report));

        assertThat(timeline).last().isEqualTo("closed: The case is closed.");
        assertThat(report).hasPassed("Timer_AppealWindow", "Event_Closed", "EndEvent_Closed").hasNotPassed("Timer_Expunge").isEnded();
        assertThat(bans).isEmpty();
    }

    @Test
    void anAnonymousReportWritesToNobodyButTheCommitteeAndGetsAFriendlyDefaultAcknowledgement() {
        ProcessInstance report = startReport(report(null));
        execute(job(report));
        assertThat(report).hasPassed("EndEvent_ReporterAnonymous").variables().containsEntry(SEVERITY, "low");
        sendMails(report);

        assertThat(mails).extracting(mail -> mail.get("template")).containsExactly("committee-alert");
        complete(task(report), withVariables(SEVERITY, "low", ACKNOWLEDGEMENT_MESSAGE, ""));
        assertThat(timeline).singleElement().asString().startsWith("under-review: The conduct committee has read your report");
        assertThat(report).hasNotPassed(TASK_ACKNOWLEDGE_REPORTER).isWaitingAt(DECLARE_CONFLICTS);
    }

    @Test
    void someoneInDangerNowGetsAnImmediateSafetyTaskAndTheActingMemberReportsWithinADay() {
        ProcessInstance report = startReport(report(null).putValue(ONGOING_DANGER, true));
        execute(job(report));
        assertThat(report).variables().containsEntry(SEVERITY, "critical").containsEntry(ACKNOWLEDGE_WITHIN, "PT4H");
        assertThat(report).isWaitingAt(TASK_IMMEDIATE_SAFETY, TASK_ALERT_COMMITTEE);
        String codeName = (String) runtimeService().getVariable(report.getId(), CODE_NAME);
        assertThat(task(TASK_IMMEDIATE_SAFETY, report).getName()).isEqualTo("Immediate safety: " + codeName);

        claim(task(TASK_IMMEDIATE_SAFETY, report), "alice");
        complete(task(TASK_IMMEDIATE_SAFETY, report), withVariables("safetyAction", "Asked the chat moderators to mute the account."));

        assertThat(report).variables().containsEntry(SAFETY_ACTOR, "alice");
        assertThat(task(TASK_REPORT_SAFETY_ACTION, report)).isAssignedTo("alice");
        assertThat(taskService().getIdentityLinksForTask(task(TASK_REPORT_SAFETY_ACTION, report).getId()))
                .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("conduct-committee"));
        complete(task(TASK_REPORT_SAFETY_ACTION, report), withVariables("safetyReport", "Muted for 48 hours while we look into it."));

        assertThat(report).isWaitingAt(TASK_ACKNOWLEDGE, TASK_ALERT_COMMITTEE)
                .hasPassedInOrder(TASK_IMMEDIATE_SAFETY, TASK_REPORT_SAFETY_ACTION, "Gateway_EmergencyHandled")
                .hasNotPassed("ServiceTask_EscalateSafety", "ServiceTask_RemindSafetyReport");
    }

    @Test
    void aReportTheTableRatesCriticalTakesTheEmergencyPathEvenWithoutDanger() {
        // a committee may rate some behaviour critical in its table; the process must follow
        Mocks.register("triageReportDelegate", (JavaDelegate) execution -> {
            execution.setVariable(SEVERITY, "critical");
            execution.setVariable(ACKNOWLEDGE_WITHIN, "PT4H");
        });
        ProcessInstance report = startReport(report(null).putValue(BEHAVIOUR, "threats"));
        execute(job(report));

        assertThat(report).isWaitingAt(TASK_IMMEDIATE_SAFETY, TASK_ALERT_COMMITTEE).hasPassed("Gateway_Emergency");
    }

    @Test
    void threatsWithoutDangerAreHighButNoEmergency() {
        ProcessInstance report = startReport(report(null).putValue(BEHAVIOUR, "threats"));
        execute(job(report));

        assertThat(report).variables().containsEntry(SEVERITY, "high").containsEntry(ACKNOWLEDGE_WITHIN, "PT24H");
        assertThat(report).isWaitingAt(TASK_ACKNOWLEDGE, TASK_ALERT_COMMITTEE).hasNotPassed(TASK_IMMEDIATE_SAFETY);
    }

    @Test
    void whenNobodyActsWithinAnHourTheCommitteeAndAdminsAreAlertedAndTheTaskStaysOpen() {
        ProcessInstance report = startReport(report(null).putValue(ONGOING_DANGER, true));
        execute(job(report));

        execute(job("Timer_SafetyEscalation", report));
        execute(job("ServiceTask_EscalateSafety", report));

        assertThat(mail("safety-escalation")).containsEntry("toGroup", "conduct-committee,camunda-admin");
        assertThat(report).isWaitingAt(TASK_IMMEDIATE_SAFETY, TASK_ALERT_COMMITTEE).hasPassed("EndEvent_SafetyEscalated");
    }

    @Test
    void anEmergencyActionNotReportedWithinADayBringsAReminder() {
        ProcessInstance report = startReport(report(null).putValue(ONGOING_DANGER, true));
        execute(job(report));
        claim(task(TASK_IMMEDIATE_SAFETY, report), "bob");
        complete(task(TASK_IMMEDIATE_SAFETY, report), withVariables("safetyAction", "Removed the user from the venue."));

        execute(job("Timer_SafetyReportReminder", report));
        execute(job("ServiceTask_RemindSafetyReport", report));

        assertThat(mail("safety-report-reminder")).containsEntry("toGroup", "conduct-committee");
        assertThat(report).isWaitingAt(TASK_REPORT_SAFETY_ACTION, TASK_ALERT_COMMITTEE).hasPassed("EndEvent_SafetyReminderSent");
    }

    @Test
    void anAcknowledgementPastTheTablesDeadlineIsEscalated() {
        ProcessInstance report = startReport(report("reporter@example.org").putValue(BEHAVIOUR, "sexual"));
        execute(job(report));
        var deadline = jobQuery().activityId("Timer_AcknowledgeDeadline").singleResult();
        // high severity: 24 hours, from the triage table
        assertThat(deadline.getDuedate()).isAfter(new Date(System.currentTimeMillis() + 23 * 3_600_000L))
                .isBefore(new Date(System.currentTimeMillis() + 25 * 3_600_000L));

        execute(deadline);
        execute(job("ServiceTask_EscalateAcknowledgement", report));

        assertThat(mail("acknowledgement-overdue")).containsEntry("acknowledgeWithin", "PT24H")
                .containsEntry("toGroup", "conduct-committee,camunda-admin");
        assertThat(report).isWaitingAt(TASK_ACKNOWLEDGE, TASK_ACKNOWLEDGE_REPORTER, TASK_ALERT_COMMITTEE)
                .hasPassed("EndEvent_AcknowledgementEscalated");
    }

    @Test
    void everyMemberDeclaresAloneAndOnlyClearedMembersAreOfferedTheCase() {
        ProcessInstance report = startReport(report(null));
        execute(job(report));

        assertThat(report).isWaitingAt(DECLARE_CONFLICTS, TASK_ACKNOWLEDGE);
        assertThat(report).variables().containsEntry(COMMITTEE_MEMBERS, List.of("alice", "bob", "chidi"));
        var declarations = runtimeService().createProcessInstanceQuery().superProcessInstanceId(report.getId()).list();
        assertThat(declarations).hasSize(3);
        // a declaration knows the member, the code name and the case id, nothing of the report
        assertThat(runtimeService().getVariables(declarations.get(0).getId()).keySet())
                .containsExactlyInAnyOrder("member", "caseLabel", "caseId");
        assertThat(runtimeService().getVariable(declarations.get(0).getId(), "caseLabel"))
                .isEqualTo(runtimeService().getVariable(report.getId(), CODE_NAME));
        assertThat(candidatesOf(task(report).getId())).isEmpty();

        declare(report, "alice", false);
        assertThat(candidatesOf(task(report).getId())).containsExactly("alice");
        declare(report, "bob", true, "I would rather not say.");
        declare(report, "chidi", false);

        assertThat(candidatesOf(task(report).getId())).containsExactlyInAnyOrder("alice", "chidi");
        assertThat(report).hasPassed("EndEvent_ConflictsDeclared").variables()
                .containsEntry(CLEARED_MEMBERS, List.of("alice", "chidi"))
                .containsEntry(RECUSED_MEMBERS, List.of("bob"));
        assertThat(recusals(report)).singleElement().satisfies(entry -> assertThat(entry)
                .containsEntry("member", "bob").containsEntry("how", "declared").containsEntry("note", "I would rather not say.")
                .containsKey("at"));
    }

    @Test
    void aMemberTheReportNamesIsRecusedBeforeAnyTaskExistsAndIsNotAsked() {
        ProcessInstance report = startReport(report(null).putValue(PEOPLE_INVOLVED, "Bob@cultivate.test shouted; chidi-fan was there"));
        execute(job(report));

        assertThat(report).variables().containsEntry(COMMITTEE_MEMBERS, List.of("alice", "chidi"))
                .containsEntry(RECUSED_MEMBERS, List.of("bob"));
        assertThat(recusals(report)).singleElement().satisfies(entry -> assertThat(entry)
                .containsEntry("member", "bob").containsEntry("how", "named-in-report").doesNotContainKey("note"));
        assertThat(runtimeService().createProcessInstanceQuery().superProcessInstanceId(report.getId()).count()).isEqualTo(2);
    }

    @Test
    void aReportWithNoCommitteeMembersStillWaitsForAcknowledgement() {
        processEngine.getIdentityService().createUserQuery().memberOfGroup(COMMITTEE).list()
                .forEach(user -> processEngine.getIdentityService().deleteUser(user.getId()));
        ProcessInstance report = startReport(report(null));
        execute(job(report));

        assertThat(report).hasPassed("EndEvent_ConflictsDeclared").isWaitingAt(TASK_ACKNOWLEDGE);
    }

    @Test
    void theCommitteeAsksTheReporterAndTheAnswerComesBackThroughTheTrackingPage() {
        ProcessInstance report = acknowledged(report(null));
        investigate(report, "ask-reporter", "Was this in the public channel or in private messages?");

        assertThat(report).isWaitingAt(TASK_ANSWER_QUESTION).hasPassed("EndEvent_QuestionNotMailed");
        assertThat(task(TASK_ANSWER_QUESTION, report).getAssignee()).as("a holder task, in nobody's task list").isNull();
        assertThat(task(TASK_ANSWER_QUESTION, report).getDueDate()).as("shown to the reporter: the day the case goes on without an answer")
                .isAfter(new Date(System.currentTimeMillis() + 13L * 24 * 3_600_000));
        assertThat(taskService().getIdentityLinksForTask(task(TASK_ANSWER_QUESTION, report).getId())).isEmpty();
        assertThat(timeline).last().isEqualTo("awaiting-information: Was this in the public channel or in private messages?");
        answer(report, "In private messages, three times.");

        assertThat(timeline).last().asString().startsWith("under-review: Thank you for your answer.");
        assertThat(report).isWaitingAt(TASK_INVESTIGATE).hasPassed(TASK_ANSWER_QUESTION)
                .variables().containsEntry(HOLDER_MESSAGE, "In private messages, three times.");
    }

    @Test
    void withoutAnAnswerInFourteenDaysTheCaseGoesOn() {
        ProcessInstance report = acknowledged(report(null));
        investigate(report, "ask-reporter", "Could you tell us the date?");

        var timeout = jobQuery().processInstanceId(report.getId()).activityId("Timer_NoReply").singleResult();
        assertThat(timeout.getDuedate()).isAfter(new Date(System.currentTimeMillis() + 13L * 24 * 3_600_000));
        execute(timeout);

        assertThat(timeline).last().asString().startsWith("under-review: No answer came within 14 days.");
        assertThat(report).isWaitingAt(TASK_INVESTIGATE).hasPassed("Timer_NoReply");
        assertThat(BpmnAwareTests.historyService().createHistoricTaskInstanceQuery().processInstanceId(report.getId())
                .taskDefinitionKey(TASK_ANSWER_QUESTION).singleResult().getDeleteReason()).isEqualTo("deleted");
    }

    @Test
    void aFailedVoteSendsTheCaseBackToTheInvestigationAndASecondProposalCanPass() {
        ProcessInstance report = acknowledged(report(null));
        investigate(report, "propose", null);
        propose(report, "permanent-ban", "Permanently banned.");
        vote(report, "alice", true);
        vote(report, "bob", false);
        vote(report, "chidi", false);

        assertThat(report).isWaitingAt(TASK_INVESTIGATE).variables().containsEntry(VOTE_PASSED, false).containsEntry(FAILED_VOTES, 1);
        investigate(report, "propose", null);
        propose(report, "temporary-ban", "Banned from our spaces for 30 days.");
        vote(report, "alice", true);
        vote(report, "bob", true);
        vote(report, "chidi", true);

        assertThat(report).isWaitingAt(TASK_APPEAL).variables().containsEntry(OUTCOME, "temporary-ban");
        execute(job("Timer_AppealWindow", report));
        assertThat(report).hasPassed("ServiceTask_RecordBan", "EndEvent_BanRecorded").isEnded();
        assertThat(bans).containsExactly("temporary-ban");
        assertThat(voteHistory(report)).extracting(round -> round.get("passed")).containsExactly(false, true);
    }

    @Test
    void afterTwoFailedVotesTheAdministratorsDecide() {
        ProcessInstance report = acknowledged(report(null));
        for (int round = 0; round < 2; round++) {
            investigate(report, "propose", null);
            propose(report, "no-violation", "We found no violation.");
            vote(report, "alice", false);
            vote(report, "bob", false);
            vote(report, "chidi", true);
        }

        assertThat(report).isWaitingAt(TASK_ESCALATED_DECISION);
        assertThat(taskService().getIdentityLinksForTask(task(TASK_ESCALATED_DECISION, report).getId()))
                .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("camunda-admin"));
        complete(task(TASK_ESCALATED_DECISION, report), withVariables(OUTCOME, "correction",
                MESSAGE_TO_REPORTER, "A committee member has spoken privately with the person concerned."));

        assertThat(report).hasPassed("Event_Decided", "EndEvent_ReporterNotWritten").isWaitingAt(TASK_APPEAL);
        assertThat(timeline).contains("decided: A committee member has spoken privately with the person concerned.");
    }

    @Test
    void whenEveryMemberIsRecusedNobodyCanVoteAndTheAdministratorsDecide() {
        ProcessInstance report = startReport(report(null));
        execute(job(report));
        for (String member : List.of("alice", "bob", "chidi")) {
            declare(report, member, true);
        }
        complete(task(TASK_ACKNOWLEDGE, report), withVariables(SEVERITY, "low"));
        investigate(report, "propose", null);
        propose(report, "warning", "A warning.");

        assertThat(report).isWaitingAt(TASK_ESCALATED_DECISION).variables().containsEntry(FAILED_VOTES, 2);
    }

    @Test
    void theReportedPersonIsToldWithATrackingCodeAppealsAndTheAdministratorsOverturnTheBan() {
        ProcessInstance report = acknowledged(report(null));
        investigate(report, "propose", null);
        complete(task(TASK_PROPOSE, report), withVariables(OUTCOME, "permanent-ban", MESSAGE_TO_REPORTER, "A permanent ban.",
                "rationale", "Repeated threats.", INFORM_REPORTED_PERSON, true, REPORTED_PERSON_EMAIL, "mallory@example.org",
                MESSAGE_TO_REPORTED_PERSON, "You are banned from our spaces."));
        for (String member : List.of("alice", "bob", "chidi")) {
            vote(report, member, true);
        }
        execute(job("ServiceTask_InformReportedPerson", report));

        assertThat(mail("decision-to-reported-person")).containsEntry("to", "mallory@example.org")
                .containsEntry("issueTrackingCode", "respondent").containsEntry("decisionMessage", "You are banned from our spaces.");
        assertThat(timeline).contains("decided: You are banned from our spaces.");

        appeal(report, "respondent", "I was not in that call.");
        assertThat(timeline).last().asString().startsWith("appeal-under-review: ");
        // everyone cleared voted on the decision: the administrators review
        var review = task(TASK_REVIEW_APPEAL, report);
        assertThat(taskService().getIdentityLinksForTask(review.getId()))
                .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("camunda-admin"));
        assertThat(candidatesOf(review.getId())).isEmpty();
        complete(review, withVariables(APPEAL_DECISION, "overturned", FINAL_OUTCOME, "warning",
                APPEAL_RESPONSE, "On appeal, the ban is replaced by a warning."));

        assertThat(timeline).last().isEqualTo("closed: On appeal, the ban is replaced by a warning.");
        assertThat(report).hasPassed(TASK_APPEAL, TASK_REVIEW_APPEAL, "EndEvent_Closed").isEnded();
        assertThat(bans).isEmpty();
    }

    @Test
    void membersWhoDidNotVoteReviewAnAppealAndMayUpholdTheBan() {
        committee("dave", "erin");
        ProcessInstance report = startReport(report(null));
        execute(job(report));
        sendMails(report);
        for (String member : List.of("alice", "bob", "chidi")) {
            declare(report, member, false);
        }
        complete(task(TASK_ACKNOWLEDGE, report), withVariables(SEVERITY, "high"));
        investigate(report, "propose", null);
        propose(report, "temporary-ban", "Banned for 60 days.");
        for (String member : List.of("alice", "bob", "chidi")) {
            vote(report, member, true);
        }
        // dave and erin declare only after the vote
        declare(report, "dave", false);
        declare(report, "erin", false);

        appeal(report, "submitter", "The ban is too short.");
        var review = task(TASK_REVIEW_APPEAL, report);
        assertThat(candidatesOf(review.getId())).containsExactlyInAnyOrder("dave", "erin");
        complete(review, withVariables(APPEAL_DECISION, "upheld", FINAL_OUTCOME, "temporary-ban",
                APPEAL_RESPONSE, "The decision stands."));

        assertThat(report).hasPassed("ServiceTask_RecordBan").isEnded();
        assertThat(bans).containsExactly("temporary-ban");
    }

    @Test
    void aMinorCaseIsExpungedAfterSixMonthsAndKeepsOnlyAnonymousFigures() {
        ProcessInstance report = acknowledged(report("reporter@example.org").putValue(PEOPLE_INVOLVED, "Mallory")
                .putValue(BEHAVIOUR, "disruption"));
        investigate(report, "ask-reporter", "Which channel?");
        assertThat(report).hasPassed("Gateway_QuestionByEmail");
        execute(job("ServiceTask_TellReporterQuestion", report));
        assertThat(mails).last().satisfies(mail -> assertThat(mail).containsEntry("template", "holder-task-waiting")
                .containsEntry("to", "reporter@example.org"));
        answer(report, "The general channel");
        investigate(report, "propose", null);
        propose(report, "no-violation", "We found no violation.");
        for (String member : List.of("alice", "bob", "chidi")) {
            vote(report, member, true);
        }
        execute(job("ServiceTask_TellReporterOutcome", report));
        execute(job("Timer_AppealWindow", report));

        var expunge = jobQuery().processInstanceId(report.getId()).activityId("Timer_Expunge").singleResult();
        assertThat(expunge.getDuedate()).isAfter(new Date(System.currentTimeMillis() + 170L * 24 * 3_600_000));
        execute(expunge);

        assertThat(report).hasPassed("ServiceTask_ExpungeCase", "EndEvent_Expunged").isEnded();
        var kept = BpmnAwareTests.historyService().createHistoricVariableInstanceQuery().processInstanceId(report.getId()).list()
                .stream().map(variable -> variable.getName()).toList();
        assertThat(kept).contains(CODE_NAME, SEVERITY, BEHAVIOUR, OUTCOME, FINAL_OUTCOME)
                .doesNotContain(DESCRIPTION, PEOPLE_INVOLVED, REPORTER_EMAIL, REPORTER_NAME, HOLDER_MESSAGE,
                        MESSAGE_TO_REPORTER, "questionForReporter", "rationale", "recusals", "votes", "voteHistory");
        assertThat(BpmnAwareTests.historyService().createHistoricDetailQuery().processInstanceId(report.getId()).list())
                .extracting(detail -> String.valueOf(((HistoricVariableUpdate) detail).getValue()))
                .noneMatch(value -> value.contains(DETAILS) || value.contains("Mallory") || value.contains("reporter@example.org")
                        || value.contains("The general channel") || value.contains("We found no violation"));
        assertThat(runtimeService().createProcessInstanceQuery().processInstanceId(report.getId()).count()).isZero();
        Mockito.verify(expungedTimeline).forgetMessages(Mockito.any());
    }

    @Test
    void aFailingMailIsRetriedFiveTimesAsAJobBeforeItBecomesAnIncident() {
        Mocks.register("sendEmailDelegate", (JavaDelegate) execution -> {
            throw new IllegalStateException("SMTP is down");
        });
        ProcessInstance report = startReport(report("reporter@example.org"));
        execute(job(report));

        assertThat(jobQuery().activityId(TASK_ACKNOWLEDGE_REPORTER).singleResult().getRetries()).isEqualTo(5);
        for (int remaining = 4; remaining >= 0; remaining--) {
            String jobId = jobQuery().activityId(TASK_ACKNOWLEDGE_REPORTER).singleResult().getId();
            assertThatThrownBy(() -> managementService().executeJob(jobId)).hasMessageContaining("SMTP is down");
            var retried = jobQuery().activityId(TASK_ACKNOWLEDGE_REPORTER).singleResult();
            assertThat(retried.getRetries()).isEqualTo(remaining);
            if (remaining > 0) {
                // R5/PT5M: the next attempt waits five minutes
                assertThat(retried.getDuedate()).isAfter(new Date(System.currentTimeMillis() + 4 * 60_000));
            }
        }
        assertThat(runtimeService().createIncidentQuery().processInstanceId(report.getId()).count()).isEqualTo(1);
        // the committee's work does not wait for the reporter's mail
        assertThat(report).isWaitingAt(TASK_ACKNOWLEDGE, TASK_ACKNOWLEDGE_REPORTER, TASK_ALERT_COMMITTEE);
    }

    private void committee(String... members) {
        var identity = processEngine.getIdentityService();
        if (identity.createGroupQuery().groupId(COMMITTEE).count() == 0) {
            identity.saveGroup(identity.newGroup(COMMITTEE));
        }
        for (String member : members) {
            if (identity.createUserQuery().userId(member).count() == 0) {
                var user = identity.newUser(member);
                user.setEmail(member + "@cultivate.test");
                identity.saveUser(user);
                identity.createMembership(member, COMMITTEE);
            }
        }
    }

    private void declare(ProcessInstance report, String member, boolean hasConflict) {
        declare(report, member, hasConflict, null);
    }

    /** The member completes their own declaration; the recording job runs as the job executor would run it. */
    private void declare(ProcessInstance report, String member, boolean hasConflict, String note) {
        var declaration = taskService().createTaskQuery().taskAssignee(member).taskDefinitionKey("UserTask_DeclareConflict")
                .processVariableValueEquals("caseId", report.getId()).singleResult();
        assertThat(declaration.getName()).startsWith("Declare conflicts: ");
        taskService().complete(declaration.getId(), withVariables(HAS_CONFLICT, hasConflict, CONFLICT_NOTE, note));
        jobQuery().processInstanceId(declaration.getProcessInstanceId()).list().forEach(BpmnAwareTests::execute);
    }

    /** A report whose every member declared no conflict and which a member acknowledged. */
    private ProcessInstance acknowledged(VariableMap variables) {
        ProcessInstance report = startReport(variables);
        execute(job(report));
        sendMails(report);
        for (String member : List.of("alice", "bob", "chidi")) {
            declare(report, member, false);
        }
        complete(task(TASK_ACKNOWLEDGE, report), withVariables(SEVERITY, "medium"));
        return report;
    }

    private static void investigate(ProcessInstance report, String nextStep, String question) {
        complete(task(TASK_INVESTIGATE, report), withVariables(NEXT_STEP, nextStep, QUESTION_FOR_REPORTER, question));
    }

    private static void propose(ProcessInstance report, String outcome, String messageToReporter) {
        complete(task(TASK_PROPOSE, report), withVariables(OUTCOME, outcome, MESSAGE_TO_REPORTER, messageToReporter,
                "rationale", "Discussed in the meeting."));
    }

    /** As the tracking page does for the holder: the form's answer, and which holder gave it. */
    private static void appeal(ProcessInstance report, String holder, String text) {
        complete(task(TASK_APPEAL, report), withVariables(HOLDER_MESSAGE, text, ANSWERED_BY, holder));
    }

    private static void answer(ProcessInstance report, String text) {
        complete(task(TASK_ANSWER_QUESTION, report), withVariables(HOLDER_MESSAGE, text, ANSWERED_BY, "submitter"));
    }

    private static void vote(ProcessInstance report, String member, boolean approve) {
        var ballot = taskService().createTaskQuery().processInstanceId(report.getId())
                .taskDefinitionKey(TASK_VOTE).taskAssignee(member).singleResult();
        taskService().complete(ballot.getId(), withVariables(APPROVE, approve));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> voteHistory(ProcessInstance report) {
        return (List<Map<String, Object>>) historyVariable(report, VOTE_HISTORY);
    }

    private static Object historyVariable(ProcessInstance report, String name) {
        return BpmnAwareTests.historyService().createHistoricVariableInstanceQuery()
                .processInstanceId(report.getId()).variableName(name).singleResult().getValue();
    }

    private static List<String> candidatesOf(String taskId) {
        return taskService().getIdentityLinksForTask(taskId).stream()
                .filter(link -> "candidate".equals(link.getType()) && link.getUserId() != null)
                .map(link -> link.getUserId()).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, String>> recusals(ProcessInstance report) {
        return (List<Map<String, String>>) runtimeService().getVariable(report.getId(), RECUSALS);
    }

    private static VariableMap report(String reporterEmail) {
        return Variables.createVariables()
                .putValue(DESCRIPTION, DETAILS)
                .putValue(ONGOING_DANGER, false)
                .putValueTyped(PEOPLE_INVOLVED, Variables.stringValue(null))
                .putValueTyped(BEHAVIOUR, Variables.stringValue(null))
                .putValue(REPORTER_NAME, reporterEmail == null ? null : "Rosa Reporter")
                .putValueTyped(REPORTER_EMAIL, Variables.stringValue(reporterEmail))
                .putValue(LANGUAGE, "en");
    }

    private ProcessInstance startReport(VariableMap variables) {
        return runtimeService().startProcessInstanceByKey(PROCESS_KEY, "CI-TEST0001", variables);
    }

    private void sendMails(ProcessInstance report) {
        for (String mailTask : List.of(TASK_ACKNOWLEDGE_REPORTER, TASK_ALERT_COMMITTEE)) {
            jobQuery().processInstanceId(report.getId()).activityId(mailTask).list().forEach(BpmnAwareTests::execute);
        }
    }

    private Map<String, Object> mail(String template) {
        return mails.stream().filter(mail -> template.equals(mail.get("template"))).findFirst()
                .orElseThrow(() -> new AssertionError("no mail " + template + " in " + mails));
    }

    private static String formKeyOf(String taskId) {
        return formService().getTaskFormData(taskId).getCamundaFormRef().getKey();
    }
}
