package org.cultivate.onboarding;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.camunda.spin.plugin.variable.SpinValues;
import org.cultivate.onboarding.LeaderRegister.Leader;
import org.cultivate.onboarding.LeaderRegister.NewLeader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;
import org.mockito.Mockito;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.cultivate.onboarding.LeaderOnboardingProcess.APPLICANT_NAME;
import static org.cultivate.onboarding.LeaderOnboardingProcess.COMMUNITY;
import static org.cultivate.onboarding.LeaderOnboardingProcess.EMAIL;
import static org.cultivate.onboarding.LeaderOnboardingProcess.EXPERIENCE;
import static org.cultivate.onboarding.LeaderOnboardingProcess.INTERVIEW_DECISION;
import static org.cultivate.onboarding.LeaderOnboardingProcess.LANGUAGE;
import static org.cultivate.onboarding.LeaderOnboardingProcess.LANGUAGES;
import static org.cultivate.onboarding.LeaderOnboardingProcess.LEAD_INTEREST;
import static org.cultivate.onboarding.LeaderOnboardingProcess.MENTOR;
import static org.cultivate.onboarding.LeaderOnboardingProcess.MESSAGE_TO_APPLICANT;
import static org.cultivate.onboarding.LeaderOnboardingProcess.PROCESS_KEY;
import static org.cultivate.onboarding.LeaderOnboardingProcess.REGION;
import static org.cultivate.onboarding.LeaderOnboardingProcess.REVIEW_DECISION;
import static org.cultivate.onboarding.LeaderOnboardingProcess.SCREENING_DECISION;
import static org.cultivate.onboarding.LeaderOnboardingProcess.TASK_CHECKLIST;
import static org.cultivate.onboarding.LeaderOnboardingProcess.TASK_CHECK_IN;
import static org.cultivate.onboarding.LeaderOnboardingProcess.TASK_MENTOR_CHECK_IN;
import static org.cultivate.onboarding.LeaderOnboardingProcess.TASK_FINAL_REVIEW;
import static org.cultivate.onboarding.LeaderOnboardingProcess.TASK_FIND_MENTOR;
import static org.cultivate.onboarding.LeaderOnboardingProcess.TASK_INTERVIEW;
import static org.cultivate.onboarding.LeaderOnboardingProcess.TASK_NAME_ANOTHER_VOUCHER;
import static org.cultivate.onboarding.LeaderOnboardingProcess.TASK_NAME_VOUCHER;
import static org.cultivate.onboarding.LeaderOnboardingProcess.TASK_SCHEDULE_ORIENTATION;
import static org.cultivate.onboarding.LeaderOnboardingProcess.TASK_SCHEDULE_ORIENTATION_OVERDUE;
import static org.cultivate.onboarding.LeaderOnboardingProcess.TASK_SCREEN;
import static org.cultivate.onboarding.LeaderOnboardingProcess.TASK_VOUCH;
import static org.cultivate.onboarding.LeaderOnboardingProcess.TIME_AVAILABLE;
import static org.cultivate.onboarding.LeaderOnboardingProcess.VOUCHER_EMAIL;
import static org.cultivate.onboarding.LeaderOnboardingProcess.VOUCH_DECISION;
import static org.cultivate.onboarding.LeaderOnboardingProcess.VOUCH_REASON;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;

/**
 * Every path of {@code processes/leader-onboarding.bpmn} on an in-memory engine with Cultivate's
 * delegates; the register and the mentors' load are stand-ins (their SQL is tested on the server,
 * LeaderOnboardingOverRestTest and MentorMatchingTest), mail and tracking are recorded instead of done.
 */
@Deployment(resources = {"processes/leader-onboarding.bpmn", "forms/leader-onboarding-application.form", "forms/vouch.form",
        "forms/name-voucher.form", "forms/find-mentor.form", "forms/screen-application.form", "forms/interview-outcome.form",
        "forms/onboarding-checklist.form", "forms/orientation-call.form", "forms/check-in.form", "forms/mentor-check-in.form", "forms/final-review.form"})
class LeaderOnboardingProcessTest {

    private static final String APPLICANT = "asha@example.org";
    private static final String LEADER = "femi@cultivate.test";

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
            .configurationResource("process-test.cfg.xml")
            .assertClassCoverageAtLeast(0.9)
            .build();

    ProcessEngine processEngine;

    private final List<Map<String, Object>> mails = new ArrayList<>();
    private final List<String> timeline = new ArrayList<>();
    private final List<String> revoked = new ArrayList<>();
    private final LeaderRegister register = Mockito.mock(LeaderRegister.class);
    private final MentorMatching matching = Mockito.mock(MentorMatching.class);

    /** Stands in for {@code caseTracking}: records what the holders would see. */
    public class RecordingTracking {
        public void update(DelegateExecution execution, String status, String message) {
            timeline.add(status + ": " + message);
        }

        public void updateFor(DelegateExecution execution, String holder, String status, String message) {
            assertThat(holder).isEqualTo("submitter");
            timeline.add(status + ": " + message);
        }

        public void revokeCodes(DelegateExecution execution, String holder) {
            revoked.add(holder);
        }
    }

    @BeforeEach
    void wireBeans() {
        init(processEngine);
        Mocks.register("sendEmailDelegate", (JavaDelegate) execution -> mails.add(execution.getVariablesLocal()));
        Mocks.register("caseTracking", new RecordingTracking());
        Mocks.register("checkVoucherDelegate", new CheckVoucherDelegate(register));
        Mocks.register("matchMentorDelegate", new MatchMentorDelegate(matching));
        Mocks.register("recordLeaderDelegate", new RecordLeaderDelegate(register, Period.ofYears(2)));
        Mocks.register("startOrientationDelegate", new StartOrientationDelegate(Clock.systemUTC(), Duration.ofDays(90)));
        Mocks.register("planCheckInDelegate", new PlanCheckInDelegate());
        Mocks.register("extendOrientationDelegate", new ExtendOrientationDelegate());
        when(register.activeByEmail(anyString())).thenReturn(Optional.empty());
        when(register.activeByEmail(LEADER)).thenReturn(Optional.of(leader(LEADER)));
        when(register.activeByEmail(APPLICANT)).thenReturn(Optional.of(leader(APPLICANT)));
        when(register.activeByEmail("rosa.leader@cultivate.test")).thenReturn(Optional.of(leader("rosa.leader@cultivate.test")));
        when(register.today()).thenReturn(LocalDate.of(2026, 12, 2));
        when(matching.match(any(), any())).thenReturn(Optional.of("ines"));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    @Test
    void aVouchedApplicantIsMatchedScreenedAcceptedOnboardedAndEntersTheRegister() {
        ProcessInstance application = apply(LEADER);
        drain(application);

        assertThat(mail("onboarding-received")).containsEntry("to", APPLICANT).containsEntry("issueTrackingCode", "submitter")
                .containsEntry("language", "es");
        assertThat(mail("vouch-requested")).containsEntry("to", LEADER).containsEntry("issueTrackingCode", "voucher")
                .containsEntry("applicantName", "Asha Applicant").containsEntry("language", "es");
        assertThat(timeline).containsExactly("awaiting-vouch: We have asked the leader you named to vouch for you.");
        assertThat(application).isWaitingAt(TASK_VOUCH);
        assertThat(task(TASK_VOUCH, application).getAssignee()).as("a holder task, in nobody's Tasklist").isNull();
        assertThat(taskService().getIdentityLinksForTask(task(TASK_VOUCH, application).getId())).isEmpty();

        complete(task(TASK_VOUCH, application), withVariables(VOUCH_DECISION, "vouch", VOUCH_REASON, "Asha ran our last three meetups."));
        drain(application);

        Mockito.verify(matching).match("latin-america", List.of("es", "en"));
        assertThat(application).variables().containsEntry(MENTOR, "ines");
        assertThat(revoked).as("the voucher's part is over: their code ends").contains("voucher");
        assertThat(mail("mentor-assigned")).containsEntry("toUser", "ines").containsEntry("applicantName", "Asha Applicant");
        assertThat(task(TASK_SCREEN, application)).isAssignedTo("ines");
        assertThat(timeline).last().isEqualTo("screening: A mentor is reading your application.");

        complete(task(TASK_SCREEN, application), withVariables(SCREENING_DECISION, "accept"));
        drain(application);
        assertThat(timeline).last().isEqualTo("onboarding: Welcome! Your onboarding steps are waiting for you here.");
        assertThat(mails).filteredOn(mail -> "checklist".equals(mail.get("event"))).singleElement()
                .satisfies(mail -> assertThat(mail).containsEntry("template", "holder-task-waiting").containsEntry("to", APPLICANT));
        assertThat(task(TASK_CHECKLIST, application).getDueDate()).isNotNull();

        complete(task(TASK_CHECKLIST, application), withVariables("codeOfConductAcknowledged", true,
                "guidelinesAcknowledged", true, "courseCompleted", true));
        assertThat(application).as("the final review waits for the orientation call").isWaitingAt(TASK_SCHEDULE_ORIENTATION);
        assertThat(task(TASK_SCHEDULE_ORIENTATION, application)).isAssignedTo("ines");
        complete(task(TASK_SCHEDULE_ORIENTATION, application), withVariables("orientationCallOn", "2026-12-10"));
        assertThat(timeline).last().asString().startsWith("orientation:");
        Date started = (Date) runtimeService().getVariable(application.getId(), "orientationStartedAt");
        assertThat((Date) runtimeService().getVariable(application.getId(), "orientationEndsAt"))
                .isEqualTo(Date.from(started.toInstant().plus(Duration.ofDays(90))));
        checkIn(application, 2, false);
        checkIn(application, 6, false);
        checkIn(application, 10, false);
        assertThat(application).as("the review waits for the orientation's end").isWaitingAt("Timer_OrientationEnds");
        timer(application, "Timer_OrientationEnds");
        assertThat(task(TASK_FINAL_REVIEW, application)).isAssignedTo("ines");
        complete(task(TASK_FINAL_REVIEW, application), withVariables(REVIEW_DECISION, "confirm"));
        drain(application);

        var entry = ArgumentCaptor.forClass(NewLeader.class);
        Mockito.verify(register).add(entry.capture());
        assertThat(entry.getValue()).isEqualTo(new NewLeader("Asha Applicant", APPLICANT, null, "local-community", "Comunidad Lima",
                "latin-america", "es,en", LocalDate.of(2026, 12, 2), LocalDate.of(2028, 12, 2), "active", "LO-TEST0001"));
        assertThat(timeline).last().asString().startsWith("leader: Congratulations");
        assertThat(mail("onboarding-outcome")).containsEntry("to", APPLICANT)
                .containsEntry("outcomeMessage", "Congratulations: you are now a leader of your community.");
        assertThat(application).hasPassed("EndEvent_Acknowledged", "EndEvent_Vouched", "EndEvent_ChecklistMailed", "EndEvent_Leader")
                .hasNotPassed(TASK_FIND_MENTOR, TASK_INTERVIEW, "Event_NotAccepted").isEnded();
    }

    @Test
    void theApplicantCannotVouchForThemselfNorCanSomeoneOutsideTheRegisterAndADeclineAsksForAnother() {
        ProcessInstance application = apply(APPLICANT);
        drain(application);
        assertThat(application).isWaitingAt(TASK_NAME_VOUCHER).variables().containsEntry("voucherEligible", false);
        assertThat(mail("holder-task-waiting")).containsEntry("to", APPLICANT);
        assertThat(mails).extracting(mail -> mail.get("template")).doesNotContain("vouch-requested");

        complete(task(TASK_NAME_VOUCHER, application), withVariables(VOUCHER_EMAIL, "stranger@example.org"));
        drain(application);
        assertThat(application).isWaitingAt(TASK_NAME_VOUCHER);

        complete(task(TASK_NAME_VOUCHER, application), withVariables(VOUCHER_EMAIL, LEADER));
        drain(application);
        assertThat(application).isWaitingAt(TASK_VOUCH);
        complete(task(TASK_VOUCH, application), withVariables(VOUCH_DECISION, "decline", VOUCH_REASON, "I have not met them."));
        drain(application);

        assertThat(application).isWaitingAt(TASK_NAME_VOUCHER);
        complete(task(TASK_NAME_VOUCHER, application), withVariables(VOUCHER_EMAIL, "rosa.leader@cultivate.test"));
        drain(application);
        assertThat(mails).filteredOn(mail -> "vouch-requested".equals(mail.get("template")))
                .extracting(mail -> mail.get("to")).containsExactly(LEADER, "rosa.leader@cultivate.test");
        assertThat(revoked).as("each new voucher's mail ends the codes of the one before").hasSizeGreaterThanOrEqualTo(2);
        complete(task(TASK_VOUCH, application), withVariables(VOUCH_DECISION, "vouch", VOUCH_REASON, "I know Asha well."));
        drain(application);
        assertThat(application).isWaitingAt(TASK_SCREEN);
    }

    @Test
    void aVoucherSilentFor14DaysIsRemindedOnceAndTheApplicantNamesAnotherWhoVouches() {
        ProcessInstance application = apply(LEADER);
        drain(application);
        timer(application, "Timer_VouchReminder");
        drain(application);

        assertThat(mail("vouch-reminder")).containsEntry("to", LEADER).containsEntry("issueTrackingCode", "voucher");
        assertThat(mail("holder-task-waiting")).containsEntry("to", APPLICANT);
        assertThat(application).isWaitingAt(TASK_VOUCH, TASK_NAME_ANOTHER_VOUCHER);
        assertThat(jobQuery().processInstanceId(application.getId()).activityId("Timer_VouchReminder").count())
                .as("one reminder only").isZero();

        complete(task(TASK_NAME_ANOTHER_VOUCHER, application), withVariables(VOUCHER_EMAIL, "rosa.leader@cultivate.test"));
        drain(application);
        assertThat(application).as("the first voucher's task is gone with the wait").isWaitingAt(TASK_VOUCH);
        assertThat(taskService().createTaskQuery().processInstanceId(application.getId()).count()).isOne();
        assertThat(mails).filteredOn(mail -> "vouch-requested".equals(mail.get("template"))).hasSize(2);

        complete(task(TASK_VOUCH, application), withVariables(VOUCH_DECISION, "vouch", VOUCH_REASON, "A steady volunteer."));
        drain(application);
        assertThat(application).isWaitingAt(TASK_SCREEN).hasPassed("EndEvent_AnotherVoucherNamed", "EndEvent_Vouched");
    }

    @Test
    void theFirstVoucherMayStillVouchAfterTheReminderAndTheApplicantsTaskThenEnds() {
        ProcessInstance application = apply(LEADER);
        drain(application);
        timer(application, "Timer_VouchReminder");
        drain(application);
        complete(task(TASK_VOUCH, application), withVariables(VOUCH_DECISION, "vouch", VOUCH_REASON, "Sorry for the delay: yes."));
        drain(application);
        assertThat(application).isWaitingAt(TASK_SCREEN).hasNotPassed("EndEvent_AnotherVoucherNamed");
    }

    @Test
    void noVouchWithin21DaysClosesTheApplicationWithoutResponse() {
        ProcessInstance application = apply(LEADER);
        drain(application);
        timer(application, "Timer_VouchingLimit");
        drain(application);

        assertThat(timeline).last().asString().startsWith("closed-no-response: We did not hear back in time");
        assertThat(mail("onboarding-outcome")).containsEntry("to", APPLICANT);
        assertThat(revoked).contains("voucher");
        assertThat(application).hasPassed("EndEvent_ClosedNoResponse").hasNotPassed("ServiceTask_MatchMentor").isEnded();
    }

    @Test
    void anApplicantWhoNamesNoVoucherIsRemindedAtDay14() {
        ProcessInstance application = apply("stranger@example.org");
        drain(application);
        timer(application, "Timer_NameVoucherReminder");
        drain(application);
        assertThat(mails).filteredOn(mail -> "voucher-reminder".equals(mail.get("event"))).singleElement()
                .satisfies(mail -> assertThat(mail).containsEntry("to", APPLICANT));
        assertThat(application).isWaitingAt(TASK_NAME_VOUCHER).hasPassed("EndEvent_ApplicantReminded");
    }

    @Test
    void whenNoMentorFitsTheCoordinatorsFindOne() {
        when(matching.match(any(), any())).thenReturn(Optional.empty());
        ProcessInstance application = vouched();

        assertThat(application).isWaitingAt(TASK_FIND_MENTOR);
        assertThat(mail("mentor-needed")).containsEntry("toGroup", "coordinators");
        assertThat(mail("mentor-needed").values()).as("no personal data in the coordinators' mail").doesNotContain(APPLICANT, "Asha Applicant");
        assertThat(taskService().getIdentityLinksForTask(task(TASK_FIND_MENTOR, application).getId()))
                .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("coordinators"));

        complete(task(TASK_FIND_MENTOR, application), withVariables(MENTOR, "jun"));
        drain(application);
        assertThat(mail("mentor-assigned")).containsEntry("toUser", "jun");
        assertThat(task(TASK_SCREEN, application)).isAssignedTo("jun");
    }

    @Test
    void aReassignedMentorAndTheNewOneAreBothTold() {
        ProcessInstance application = vouched();
        runtimeService().createMessageCorrelation("MentorReassigned").processInstanceId(application.getId())
                .setVariable("previousMentor", "ines").setVariable(MENTOR, "jun").correlate();
        drain(application);

        assertThat(mail("mentor-released")).containsEntry("toUser", "ines").containsEntry("event", "mentor-released-ines");
        assertThat(mail("mentor-assigned")).containsEntry("toUser", "jun").containsEntry("event", "mentor-assigned-jun");
        assertThat(application).as("the case goes on where it was").isWaitingAt(TASK_SCREEN)
                .hasPassed("EndEvent_PreviousMentorTold", "EndEvent_NewMentorTold");
    }

    @Test
    void anInterviewComesFirstThenAcceptance() {
        ProcessInstance application = vouched();
        complete(task(TASK_SCREEN, application), withVariables(SCREENING_DECISION, "interview"));
        assertThat(timeline).last().asString().startsWith("interview: Your mentor would like to talk with you first");
        assertThat(task(TASK_INTERVIEW, application)).isAssignedTo("ines");

        complete(task(TASK_INTERVIEW, application), withVariables(INTERVIEW_DECISION, "accept"));
        assertThat(application).isWaitingAt(TASK_CHECKLIST, TASK_SCHEDULE_ORIENTATION);
    }

    @Test
    void anInterviewMayEndInAKindRejection() {
        ProcessInstance application = vouched();
        complete(task(TASK_SCREEN, application), withVariables(SCREENING_DECISION, "interview"));
        complete(task(TASK_INTERVIEW, application), withVariables(INTERVIEW_DECISION, "reject",
                MESSAGE_TO_APPLICANT, "Thank you for the talk. Come back once you have run an event or two."));
        drain(application);

        assertThat(timeline).last().isEqualTo("not-accepted: Thank you for the talk. Come back once you have run an event or two.");
        assertThat(mail("onboarding-outcome")).containsEntry("outcomeMessage", "Thank you for the talk. Come back once you have run an event or two.");
        assertThat(application).hasPassed("EndEvent_NotAccepted").isEnded();
    }

    @Test
    void aRejectionAtScreeningCarriesTheMentorsKindMessage() {
        ProcessInstance application = vouched();
        complete(task(TASK_SCREEN, application), withVariables(SCREENING_DECISION, "reject",
                MESSAGE_TO_APPLICANT, "We are not taking new leaders in your area this season."));
        drain(application);
        assertThat(timeline).last().isEqualTo("not-accepted: We are not taking new leaders in your area this season.");
        assertThat(application).hasNotPassed(TASK_INTERVIEW, TASK_CHECKLIST).isEnded();
    }

    @Test
    void aNewLeaderSilentOnTheirChecklistIsRemindedAtDay14AndClosedAtDay21() {
        ProcessInstance application = accepted();
        timer(application, "Timer_ChecklistReminder");
        drain(application);
        assertThat(mails).filteredOn(mail -> "checklist-reminder".equals(mail.get("event"))).singleElement()
                .satisfies(mail -> assertThat(mail).containsEntry("to", APPLICANT));
        assertThat(application).isWaitingAt(TASK_CHECKLIST, TASK_SCHEDULE_ORIENTATION);

        timer(application, "Timer_ChecklistLimit");
        drain(application);
        assertThat(timeline).last().asString().startsWith("closed-no-response:");
        assertThat(application).as("the mentor's open task ends with the case")
                .hasPassed("EndEvent_ClosedNoResponse").hasNotPassed(TASK_FINAL_REVIEW).isEnded();
    }

    @Test
    void anUnscheduledOrientationCallRemindsTheMentorAtDay10TellsTheCoordinatorsAtDay14AndIsTheirsAtDay30() {
        ProcessInstance application = accepted();
        timer(application, "Timer_OrientationReminder");
        drain(application);
        assertThat(mail("orientation-reminder")).containsEntry("toUser", "ines").containsEntry("applicantName", "Asha Applicant");

        timer(application, "Timer_OrientationEscalation");
        drain(application);
        assertThat(mail("orientation-overdue")).containsEntry("toGroup", "coordinators");
        assertThat(mail("orientation-overdue").values()).doesNotContain("Asha Applicant", APPLICANT);
        assertThat(task(TASK_SCHEDULE_ORIENTATION, application)).as("still the mentor's until day 30").isAssignedTo("ines");

        timer(application, "Timer_OrientationLimit");
        assertThat(application).isWaitingAt(TASK_CHECKLIST, TASK_SCHEDULE_ORIENTATION_OVERDUE);
        assertThat(taskService().getIdentityLinksForTask(task(TASK_SCHEDULE_ORIENTATION_OVERDUE, application).getId()))
                .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("coordinators"));
        complete(task(TASK_SCHEDULE_ORIENTATION_OVERDUE, application), withVariables("orientationCallOn", "2027-01-15"));
        complete(task(TASK_CHECKLIST, application), withVariables("codeOfConductAcknowledged", true,
                "guidelinesAcknowledged", true, "courseCompleted", true));
        assertThat(application).isWaitingAt("Timer_CheckInOpens", "Timer_OrientationEnds")
                .hasPassed("EndEvent_MentorReminded", "EndEvent_OrientationEscalated");
    }

    @Test
    void theFinalReviewMayEndTheOnboardingKindly() {
        ProcessInstance application = accepted();
        complete(task(TASK_SCHEDULE_ORIENTATION, application), withVariables("orientationCallOn", "2026-12-10"));
        complete(task(TASK_CHECKLIST, application), withVariables("codeOfConductAcknowledged", true,
                "guidelinesAcknowledged", true, "courseCompleted", true));
        orientationOver(application);
        complete(task(TASK_FINAL_REVIEW, application), withVariables(REVIEW_DECISION, "end",
                MESSAGE_TO_APPLICANT, "Thank you for these months; let us talk again next year."));
        drain(application);
        assertThat(timeline).last().isEqualTo("not-accepted: Thank you for these months; let us talk again next year.");
        Mockito.verify(register, Mockito.never()).add(any());
        assertThat(application).hasPassed("EndEvent_NotAccepted").isEnded();
    }

    @Test
    void eachCheckInOpensSevenDaysBeforeItIsDueForTheLeaderAndTheMentor() {
        ProcessInstance application = orientation();
        Date started = (Date) runtimeService().getVariable(application.getId(), "orientationStartedAt");
        Job opens = jobQuery().processInstanceId(application.getId()).activityId("Timer_CheckInOpens").singleResult();
        assertThat(opens.getDuedate()).isEqualTo(Date.from(started.toInstant().plus(Duration.ofDays(7))));
        execute(opens);
        drain(application);

        assertThat(application).isWaitingAt(TASK_CHECK_IN, TASK_MENTOR_CHECK_IN, "Timer_OrientationEnds");
        assertThat(task(TASK_CHECK_IN, application).getDueDate()).isEqualTo(Date.from(started.toInstant().plus(Duration.ofDays(14))));
        assertThat(task(TASK_CHECK_IN, application).getAssignee()).as("the leader's is a holder task").isNull();
        assertThat(task(TASK_MENTOR_CHECK_IN, application)).isAssignedTo("ines");
        assertThat(task(TASK_MENTOR_CHECK_IN, application).getName()).isEqualTo("Check in with Asha Applicant, week 2");
        assertThat(mails).filteredOn(mail -> "check-in-2".equals(mail.get("event"))).singleElement()
                .satisfies(mail -> assertThat(mail).containsEntry("to", APPLICANT).containsEntry("template", "holder-task-waiting"));
    }

    @Test
    void aLateCheckInIsRemindedWhenDueAndTheCoordinatorsAreToldAWeekLater() {
        ProcessInstance application = orientation();
        timer(application, "Timer_CheckInOpens");
        drain(application);
        timer(application, "Timer_CheckInReminder");
        drain(application);
        assertThat(mails).filteredOn(mail -> "check-in-reminder-2".equals(mail.get("event"))).hasSize(1);

        timer(application, "Timer_CheckInLate");
        timer(application, "Timer_MentorCheckInLate");
        drain(application);
        assertThat(mails).filteredOn(mail -> "check-in-late".equals(mail.get("template")))
                .extracting(mail -> mail.get("who")).containsExactlyInAnyOrder("the new leader", "the mentor");
        assertThat(mail("check-in-late")).containsEntry("toGroup", "coordinators").containsEntry("checkInWeek", 2);
        assertThat(application).as("missed; the next check-in comes").isWaitingAt("Timer_CheckInOpens", "Timer_OrientationEnds")
                .hasPassed("EndEvent_CheckInEscalated", "EndEvent_MentorCheckInEscalated");
    }

    @Test
    void feelingOverloadedSignalsTheMentorAndTheCoordinatorsAndSoDoesAMentorWhoSeesIt() {
        ProcessInstance application = orientation();
        checkIn(application, 2, true);

        assertThat(mails).filteredOn(mail -> "overload-signal".equals(mail.get("template")))
                .extracting(mail -> mail.get("event")).containsExactlyInAnyOrder("overload-2", "overload-mentor-2", "overload-seen-2");
        assertThat(mails).filteredOn(mail -> "overload-mentor-2".equals(mail.get("event"))).singleElement()
                .satisfies(mail -> assertThat(mail).containsEntry("toUser", "ines"));
        assertThat(mails).filteredOn(mail -> "overload-signal".equals(mail.get("template")))
                .allSatisfy(mail -> assertThat(mail.values()).doesNotContain("Asha Applicant", APPLICANT, "Too much at once."));
    }

    @Test
    void anExtensionMovesTheReviewByTheWeeksChosen() {
        ProcessInstance application = orientation();
        orientationOver(application);
        Date ends = (Date) runtimeService().getVariable(application.getId(), "orientationEndsAt");
        complete(task(TASK_FINAL_REVIEW, application), withVariables(REVIEW_DECISION, "extend", "extendWeeks", 3L));

        Job extension = jobQuery().processInstanceId(application.getId()).activityId("Timer_ExtensionEnds").singleResult();
        assertThat(extension.getDuedate()).isEqualTo(Date.from(ends.toInstant().plus(Duration.ofDays(21))));
        execute(extension);
        complete(task(TASK_FINAL_REVIEW, application), withVariables(REVIEW_DECISION, "confirm"));
        drain(application);
        assertThat(application).hasPassed("ServiceTask_ExtendOrientation", "EndEvent_Leader").isEnded();
    }

    /** Accepted, checklist done and call scheduled: the orientation runs. */
    private ProcessInstance orientation() {
        ProcessInstance application = accepted();
        complete(task(TASK_SCHEDULE_ORIENTATION, application), withVariables("orientationCallOn", "2026-12-10"));
        complete(task(TASK_CHECKLIST, application), withVariables("codeOfConductAcknowledged", true,
                "guidelinesAcknowledged", true, "courseCompleted", true));
        return application;
    }

    private void orientationOver(ProcessInstance application) {
        checkIn(application, 2, false);
        checkIn(application, 6, false);
        checkIn(application, 10, false);
        timer(application, "Timer_OrientationEnds");
    }

    /** The check-in of the week opens; the leader and the mentor both check in. */
    private void checkIn(ProcessInstance application, int week, boolean overloaded) {
        timer(application, "Timer_CheckInOpens");
        drain(application);
        assertThat(runtimeService().getVariable(task(TASK_MENTOR_CHECK_IN, application).getExecutionId(), "checkInWeek")).isEqualTo(week);
        complete(task(TASK_CHECK_IN, application), withVariables("howItGoes", overloaded ? "Too much at once." : "Well.",
                "whatYouNeed", null, "feelingOverloaded", overloaded));
        complete(task(TASK_MENTOR_CHECK_IN, application), withVariables("mentorNotes", "We talked.", "menteeOverloaded", overloaded));
        drain(application);
    }

    private ProcessInstance vouched() {
        ProcessInstance application = apply(LEADER);
        drain(application);
        complete(task(TASK_VOUCH, application), withVariables(VOUCH_DECISION, "vouch", VOUCH_REASON, "Yes."));
        drain(application);
        return application;
    }

    private ProcessInstance accepted() {
        ProcessInstance application = vouched();
        complete(task(TASK_SCREEN, application), withVariables(SCREENING_DECISION, "accept"));
        drain(application);
        return application;
    }

    private ProcessInstance apply(String voucherEmail) {
        VariableMap application = Variables.createVariables()
                .putValue(APPLICANT_NAME, "Asha Applicant")
                .putValue(EMAIL, APPLICANT)
                .putValue(COMMUNITY, "Comunidad Lima")
                .putValue(REGION, "latin-america")
                .putValueTyped(LANGUAGES, SpinValues.jsonValue("[\"es\",\"en\"]").create())
                .putValue(LEAD_INTEREST, "local-community")
                .putValue(EXPERIENCE, "Three years of meetups.")
                .putValue(TIME_AVAILABLE, "3-5h")
                .putValue(VOUCHER_EMAIL, voucherEmail)
                .putValue(LANGUAGE, "es");
        ProcessInstance started = runtimeService().startProcessInstanceByKey(PROCESS_KEY, "LO-TEST0001", application);
        assertThat(started).isWaitingAt("StartEvent_ApplicationReceived");
        return started;
    }

    /** Runs every job that is due now (the async continuation, the mails), as the job executor would. */
    private static void drain(ProcessInstance application) {
        List<Job> due;
        while (!(due = jobQuery().processInstanceId(application.getId()).executable().list()).isEmpty()) {
            due.forEach(BpmnAwareTests::execute);
        }
    }

    private static void timer(ProcessInstance application, String timerId) {
        execute(jobQuery().processInstanceId(application.getId()).activityId(timerId).singleResult());
    }

    private Map<String, Object> mail(String template) {
        return mails.stream().filter(mail -> template.equals(mail.get("template"))).reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError("no mail " + template + " in " + mails));
    }

    private static Leader leader(String email) {
        return new Leader(1, "A Leader", email, null, "mentor", "Comunidad Lima", "latin-america", "es",
                LocalDate.of(2026, 1, 1), null, "active", null);
    }
}
