package org.cultivate.taskforce;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.cultivate.identity.CaseAuthorizations;
import org.cultivate.identity.ConflictsOfInterest;
import org.cultivate.identity.RecordConflictDeclarationDelegate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cultivate.system.EngineSteps.formKey;
import static org.cultivate.system.EngineSteps.runJobs;
import static org.cultivate.system.EngineSteps.timer;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.cultivate.taskforce.TaskForceProcess.*;

/**
 * What the process tests of a task-force call and its applications share: the selection committee
 * (eve, kofi, lena), Cultivate's own beans on the test engine, and the steps a coordinator, an
 * applicant, a member or the job executor takes. Mail and what applicants see are recorded.
 */
final class TaskForceProcessTestSupport {

    static final List<String> COMMITTEE_MEMBERS = List.of("eve", "kofi", "lena");
    static final String CALL = "TFC-TEST0001";

    private TaskForceProcessTestSupport() {
    }

    /** Stands in for {@code caseTracking}: what each applicant would see, by reference. */
    public static class RecordingTracking {

        final List<String> timeline = new ArrayList<>();

        public void update(DelegateExecution execution, String status, String message) {
            timeline.add(execution.getProcessBusinessKey() + " " + status + ": " + message);
        }
    }

    static void wire(ProcessEngine engine, List<Map<String, Object>> mails, RecordingTracking tracking) {
        BpmnAwareTests.init(engine);
        var identity = engine.getIdentityService();
        identity.saveGroup(identity.newGroup(COMMITTEE));
        for (String member : COMMITTEE_MEMBERS) {
            var user = identity.newUser(member);
            user.setEmail(member + "@cultivate.test");
            identity.saveUser(user);
            identity.createMembership(member, COMMITTEE);
        }
        var settings = new TaskForceSettings(Map.of("scoreMotivation", 2), Map.of("eve", List.of("en", "ar"), "kofi", List.of("en", "fr"),
                "lena", List.of("en", "es")));
        var calls = new TaskForceCalls(engine.getRuntimeService(), engine.getHistoryService());
        var offers = new SeatOffers(calls, engine.getRuntimeService());
        var reviewers = new TaskForceReviewers(identity, settings);
        var conflicts = new ConflictsOfInterest(identity, engine.getRuntimeService(), engine.getTaskService(),
                new CaseAuthorizations(engine.getAuthorizationService(), engine.getTaskService()), member -> Set.of(), Clock.systemUTC());
        Mocks.register("conflictsOfInterest", conflicts);
        Mocks.register("recordConflictDeclarationDelegate", new RecordConflictDeclarationDelegate(conflicts));
        Mocks.register("sendEmailDelegate", (JavaDelegate) execution -> mails.add(execution.getVariablesLocal()));
        Mocks.register("caseTracking", tracking);
        Mocks.register("checkBanListDelegate", (JavaDelegate) execution -> {
            boolean banned = "banned@example.org".equals(execution.getVariable("personEmail"));
            execution.setVariable("banInForce", banned);
            execution.setVariable("inGoodStanding", !banned);
        });
        Mocks.register("taskForceCalls", calls);
        Mocks.register("taskForceReviews", new TaskForceReviews(settings));
        Mocks.register("planTaskForceCallDelegate", new PlanTaskForceCallDelegate(Clock.systemUTC()));
        Mocks.register("extendTaskForceReviewsDelegate", new ExtendTaskForceReviewsDelegate(Clock.systemUTC()));
        Mocks.register("assignTaskForceReviewersDelegate", new AssignTaskForceReviewersDelegate(calls, reviewers, engine.getRuntimeService()));
        Mocks.register("reassignTaskForceReviewersDelegate", new ReassignTaskForceReviewersDelegate(calls, reviewers));
        Mocks.register("closeTaskForceReviewsDelegate", new CloseTaskForceReviewsDelegate(calls, engine.getRuntimeService()));
        Mocks.register("selectTaskForcePanelDelegate", new SelectTaskForcePanelDelegate(offers));
        Mocks.register("offerTaskForceSeatsDelegate", new OfferTaskForceSeatsDelegate(offers));
        Mocks.register("recordTaskForceOfferAnswerDelegate", new RecordTaskForceOfferAnswerDelegate(offers));
        Mocks.register("announceTaskForcePanelDelegate", new AnnounceTaskForcePanelDelegate(offers));
        Mocks.register("scoreTaskForceApplicationDelegate", new ScoreTaskForceApplicationDelegate());
        Mocks.register("tellTaskForceCallDelegate", new TellTaskForceCallDelegate(engine.getRuntimeService()));
        Mocks.register("checkTaskForceApplicantDelegate", new CheckTaskForceApplicantDelegate(identity, engine.getHistoryService(),
                engine.getRuntimeService(), calls));
    }

    static void unwire(ProcessEngine engine) {
        var identity = engine.getIdentityService();
        identity.createUserQuery().list().forEach(user -> identity.deleteUser(user.getId()));
        identity.deleteGroup(COMMITTEE);
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    /** A coordinator opens a call that opens today and closes tomorrow. */
    static ProcessInstance openCall(int seats, int reviewersPerApplication, String balance) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        VariableMap values = Variables.createVariables().putValue(TASK_FORCE_NAME, "Leadership development")
                .putValue(PURPOSE, "Plan how the movement grows its leaders.")
                .putValue(translated(TASK_FORCE_NAME, "ar"), "فريق تطوير القيادات").putValue(SEATS, (long) seats)
                .putValue(OPENS_ON, today.toString()).putValue(CLOSES_ON, today.plusDays(1).toString())
                .putValue(REVIEWERS_PER_APPLICATION, (long) reviewersPerApplication).putValue(REVIEW_DAYS, 14L).putValue(ANONYMISED, true)
                .putValue(BALANCE, balance).putValue(CALL_LANGUAGES, SpinValues.jsonValue("[\"en\",\"ar\"]").create());
        ProcessInstance call = runtimeService().startProcessInstanceByKey(CALL_PROCESS_KEY, CALL, values);
        runJobs();
        managementService().executeJob(timer("Timer_CallOpens").getId());
        return call;
    }

    /** An applicant applies through the public form; the start's continuation runs. */
    static ProcessInstance apply(String reference, String name, String region, String language) {
        return apply(reference, name, name.toLowerCase() + "@example.org", region, language);
    }

    static ProcessInstance apply(String reference, String name, String email, String region, String language) {
        VariableMap values = Variables.createVariables().putValue(CALL_REFERENCE, CALL).putValue(APPLICANT_NAME, name)
                .putValue(EMAIL, email).putValue("language", language).putValue(REGION, region)
                .putValue(LANGUAGES, SpinValues.jsonValue("[\"" + language + "\"]").create()).putValue(GENDER, null)
                .putValue(EXPERIENCE, "experienced").putValue(AFFILIATION, null).putValue("motivation", "I care about leaders.")
                .putValue("contribution", "Ten years of organising.").putValue("perspective", "Newcomers.").putValue(LIST_CONSENT, true);
        ProcessInstance application = runtimeService().startProcessInstanceByKey(APPLICATION_PROCESS_KEY, reference, values);
        runJobs();
        return application;
    }

    /** Every member declares on every application; {@code conflicted} declare a conflict on the named application. */
    static void declareAll(Map<String, String> conflicted) {
        for (Task declaration : taskService().createTaskQuery().taskDefinitionKey("UserTask_DeclareConflict").list()) {
            String caseId = (String) taskService().getVariable(declaration.getId(), ConflictsOfInterest.CASE_ID);
            String reference = runtimeService().createProcessInstanceQuery().processInstanceId(caseId).singleResult().getBusinessKey();
            boolean conflict = reference.equals(conflicted.get(declaration.getAssignee()));
            taskService().complete(declaration.getId(), Variables.createVariables().putValue(ConflictsOfInterest.HAS_CONFLICT, conflict));
        }
        runJobs();
    }

    /** The call closes: its timer runs now. */
    static void closeCall() {
        managementService().executeJob(timer("Timer_CallCloses").getId());
        runJobs();
    }

    /** The member reviews the application with every criterion scored {@code score}. */
    static void review(String member, String reference, int score) {
        Task review = taskService().createTaskQuery().taskDefinitionKey("UserTask_Review").taskAssignee(member)
                .taskName("Review task-force application " + reference).singleResult();
        assertThat(review).as(member + " reviews " + reference).isNotNull();
        assertThat(formKey(review)).isEqualTo("task-force-review");
        VariableMap values = Variables.createVariables().putValue(REVIEW_COMMENT, "Thoughtful.");
        CRITERIA.forEach(criterion -> values.putValue(criterion, String.valueOf(score)));
        taskService().complete(review.getId(), values);
        runJobs();
    }

    static List<String> reviewersOf(String reference) {
        return TaskForceCalls.strings(runtimeService().getVariable(instance(reference).getId(), REVIEWERS));
    }

    static ProcessInstance instance(String reference) {
        return runtimeService().createProcessInstanceQuery().processInstanceBusinessKey(reference).singleResult();
    }

    /** The applicant answers the offer on the tracking page. */
    static void answerOffer(String reference, boolean accept) {
        Task offer = taskService().createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey("UserTask_Offer").singleResult();
        assertThat(offer).as("an offer for " + reference).isNotNull();
        assertThat(formKey(offer)).isEqualTo("task-force-offer");
        taskService().complete(offer.getId(), Variables.createVariables().putValue(ACCEPT, accept));
        runJobs();
    }



    static Task task(String key) {
        return taskService().createTaskQuery().taskDefinitionKey(key).singleResult();
    }


    static List<String> templates(List<Map<String, Object>> mails) {
        return mails.stream().map(mail -> (String) mail.get("template")).toList();
    }
}
