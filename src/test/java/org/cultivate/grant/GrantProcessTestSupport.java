package org.cultivate.grant;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.cultivate.identity.Affiliations;
import org.cultivate.identity.CaseAuthorizations;
import org.cultivate.identity.ConflictsOfInterest;
import org.cultivate.identity.RecordConflictDeclarationDelegate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cultivate.system.EngineSteps.formKey;
import static org.cultivate.system.EngineSteps.runJobs;
import static org.cultivate.system.EngineSteps.timer;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.cultivate.grant.RapidGrantProcess.COMMITTEE;
import static org.cultivate.grant.RapidGrantProcess.CRITERIA;
import static org.cultivate.grant.RapidGrantProcess.RECOMMENDATION;
import static org.cultivate.grant.RapidGrantProcess.REVIEW_COMMENT;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;

/**
 * What the process tests of the grant processes share: the grants committee, Cultivate's own
 * beans for the processes every grant runs (conflicts, reviews, payment, reports), and the steps a
 * member or the job executor takes. Mail is recorded, not sent; the ledger is the test's mock.
 */
final class GrantProcessTestSupport {

    static final List<String> COMMITTEE_MEMBERS = List.of("dana", "milan", "noor");

    private GrantProcessTestSupport() {
    }

    /** Stands in for {@code caseTracking}: records what the applicant would see of their case. */
    public static class RecordingTracking {

        private final String reference;
        private final List<String> timeline;

        RecordingTracking(String reference, List<String> timeline) {
            this.reference = reference;
            this.timeline = timeline;
        }

        public void update(DelegateExecution execution, String status, String message) {
            assertThat(execution.getProcessBusinessKey()).isEqualTo(reference);
            timeline.add(status + ": " + message);
        }
    }

    /**
     * Ready for a grant process's test: the assertions on this engine, the committee, the ledger's
     * answers for an applicant without history, the shared beans and the recorded tracking.
     */
    static void wire(ProcessEngine engine, GrantLedger ledger, GrantSettings settings, List<Map<String, Object>> mails,
            Affiliations affiliations, String reference, List<String> timeline) {
        BpmnAwareTests.init(engine);
        createCommittee(engine);
        when(ledger.find(anyString())).thenReturn(Optional.empty());
        when(ledger.historyOf(anyString(), any(), anyString())).thenReturn(new GrantLedger.ApplicantHistory(BigDecimal.ZERO, 0, 0));
        registerSharedBeans(engine, ledger, settings, mails, affiliations);
        Mocks.register("caseTracking", new RecordingTracking(reference, timeline));
    }

    static void unwire(ProcessEngine engine) {
        deleteCommittee(engine);
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    static void createCommittee(ProcessEngine engine) {
        var identity = engine.getIdentityService();
        identity.saveGroup(identity.newGroup(COMMITTEE));
        for (String member : COMMITTEE_MEMBERS) {
            var user = identity.newUser(member);
            user.setEmail(member + "@cultivate.test");
            identity.saveUser(user);
            identity.createMembership(member, COMMITTEE);
        }
    }

    static void deleteCommittee(ProcessEngine engine) {
        var identity = engine.getIdentityService();
        identity.createUserQuery().list().forEach(user -> identity.deleteUser(user.getId()));
        identity.deleteGroup(COMMITTEE);
    }

    /** The beans of the shared parts: conflict declarations with the members' affiliations, the ledger's delegates, reviews, payment, reports, mail. */
    static void registerSharedBeans(ProcessEngine engine, GrantLedger ledger, GrantSettings settings, List<Map<String, Object>> mails,
            Affiliations affiliations) {
        Mocks.register("sendEmailDelegate", (JavaDelegate) execution -> mails.add(execution.getVariablesLocal()));
        var conflicts = new ConflictsOfInterest(engine.getIdentityService(), engine.getRuntimeService(), engine.getTaskService(),
                new CaseAuthorizations(engine.getAuthorizationService(), engine.getTaskService()), affiliations, Clock.systemUTC());
        Mocks.register("conflictsOfInterest", conflicts);
        Mocks.register("recordConflictDeclarationDelegate", new RecordConflictDeclarationDelegate(conflicts));
        Mocks.register("recordGrantApplicationDelegate", new RecordApplicationDelegate(ledger, settings, Clock.systemUTC()));
        Mocks.register("grantStatus", new GrantStatus(ledger));
        Mocks.register("planReviewsDelegate", new PlanReviewsDelegate(settings, Clock.systemUTC()));
        Mocks.register("grantReviews", new GrantReviews());
        Mocks.register("grantReports", new GrantReports(ledger, settings, Clock.systemUTC()));
        Mocks.register("grantPayments", new GrantPayments(settings));
    }

    static Map<String, Object> mail(List<Map<String, Object>> mails, String template) {
        return mails.stream().filter(mail -> template.equals(mail.get("template"))).reduce((first, last) -> last)
                .orElseThrow(() -> new AssertionError("no mail " + template + " in " + mails));
    }

    /** The member completes their own declaration; the recording job runs as the job executor would run it. */
    static void declare(String member, boolean hasConflict, String caseLabel) {
        Task declaration = taskService().createTaskQuery().taskAssignee(member).taskDefinitionKey("UserTask_DeclareConflict").singleResult();
        assertThat(declaration.getName()).isEqualTo("Declare conflicts: " + caseLabel);
        taskService().complete(declaration.getId(), withVariables(ConflictsOfInterest.HAS_CONFLICT, hasConflict));
        runJobs();
    }

    /** The member's own review with the rubric: {@code score} for impact, 4 for every other criterion. */
    static void review(String member, String formId, long score, String recommendation, String comment) {
        Task review = taskService().createTaskQuery().taskDefinitionKey("UserTask_Review").taskAssignee(member).singleResult();
        assertThat(formKey(review)).isEqualTo(formId);
        VariableMap values = Variables.createVariables().putValue(RECOMMENDATION, recommendation).putValue(REVIEW_COMMENT, comment);
        CRITERIA.forEach(criterion -> values.putValue(criterion, criterion.equals("scoreImpact") ? score : 4L));
        complete(review, values);
        runJobs();
    }

    static void fileReport(Task report) {
        assertThat(formKey(report)).isEqualTo("grant-report");
        complete(report, withVariables("reportWork", "The workshop ran.", "reportMeasures", "38 participants.",
                "reportSpending", "As budgeted.", "reportLessons", null, "reportLinks", null));
    }



    static Task task(String key) {
        return taskService().createTaskQuery().taskDefinitionKey(key).singleResult();
    }

    static List<String> candidates(Task task) {
        return taskService().getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> "candidate".equals(link.getType()) && link.getUserId() != null)
                .map(link -> link.getUserId()).toList();
    }

}
