package org.cultivate.conduct;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.cultivate.conduct.ConductIncidentProcess.DESCRIPTION;
import static org.cultivate.conduct.ConductIncidentProcess.ONGOING_DANGER;
import static org.cultivate.conduct.ConductIncidentProcess.PROCESS_KEY;
import static org.cultivate.conduct.ConductIncidentProcess.REPORTER_EMAIL;
import static org.cultivate.conduct.ConductIncidentProcess.SEVERITY;
import static org.cultivate.conduct.ConductIncidentProcess.TASK_ACKNOWLEDGE_REPORTER;
import static org.cultivate.conduct.ConductIncidentProcess.TASK_ALERT_COMMITTEE;
import static org.cultivate.conduct.ConductIncidentProcess.TASK_TRIAGE;

/** Every path of {@code processes/conduct-incident.bpmn}, on an in-memory engine with the mail and tracking beans mocked. */
@Deployment(resources = {"processes/conduct-incident.bpmn", "forms/incident-report.form", "forms/triage-report.form"})
class ConductIncidentProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
            .configurationResource("process-test.cfg.xml")
            .assertClassCoverageAtLeast(0.9)
            .build();

    private final List<Map<String, Object>> mails = new ArrayList<>();
    private final List<String> statuses = new ArrayList<>();

    /** Stands in for {@code caseTracking}: records what the process tells the reporter. */
    public class RecordingTracking {
        public void status(DelegateExecution execution, String status) {
            statuses.add(status);
        }

        public void update(DelegateExecution execution, String status, String message) {
            assertThat(message).isNotBlank();
            statuses.add(status);
        }
    }

    ProcessEngine processEngine;

    @BeforeEach
    void mockBeans() {
        // the Spring Boot tests' engine may live in the same JVM: tell the assertions which engine is meant
        init(processEngine);
        JavaDelegate sendEmail = execution -> mails.add(execution.getVariablesLocal());
        Mocks.register("sendEmailDelegate", sendEmail);
        Mocks.register("caseTracking", new RecordingTracking());
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    @Test
    void aReportWithAnAddressIsAcknowledgedAndTheCommitteeAlertedAndTriages() {
        ProcessInstance report = startReport("reporter@example.org");

        assertThat(report).isWaitingAt("StartEvent_ReportReceived");
        execute(job(report));
        assertThat(report).isWaitingAt(TASK_ACKNOWLEDGE_REPORTER, TASK_ALERT_COMMITTEE, TASK_TRIAGE);
        assertThat(task(report)).hasCandidateGroup("conduct-committee");
        assertThat(formService().getTaskFormData(task(report).getId()).getCamundaFormRef().getKey()).isEqualTo("triage-report");
        jobQuery().list().forEach(job -> execute(job));

        assertThat(mails).extracting(mail -> mail.get("template")).containsExactlyInAnyOrder("report-acknowledged", "committee-alert");
        assertThat(mails).filteredOn(mail -> "committee-alert".equals(mail.get("template")))
                .singleElement().satisfies(alert -> {
                    assertThat(alert).containsEntry("toGroup", "conduct-committee");
                    // the committee's alert carries no detail of the report
                    assertThat(alert.values()).doesNotContain("Someone shouted at me during the meetup.", "reporter@example.org");
                });
        assertThat(mails).filteredOn(mail -> "report-acknowledged".equals(mail.get("template")))
                .singleElement().satisfies(ack -> assertThat(ack).containsEntry("to", "reporter@example.org"));

        complete(task(report), withVariables(SEVERITY, "medium"));
        assertThat(statuses).containsExactly("under-review");
        assertThat(report).hasPassedInOrder("StartEvent_ReportReceived", "Gateway_NotifyBoth", TASK_TRIAGE, "EndEvent_Triaged")
                .hasPassed("Gateway_ReporterEmail", TASK_ACKNOWLEDGE_REPORTER, "EndEvent_ReporterAcknowledged",
                        TASK_ALERT_COMMITTEE, "EndEvent_CommitteeAlerted")
                .hasNotPassed("EndEvent_ReporterAnonymous")
                .isEnded();
    }

    @Test
    void anAnonymousReportAlertsTheCommitteeButWritesToNobodyElse() {
        ProcessInstance report = startReport(null);
        execute(job(report));
        assertThat(report).isWaitingAt(TASK_ALERT_COMMITTEE, TASK_TRIAGE).hasPassed("EndEvent_ReporterAnonymous");
        execute(job(TASK_ALERT_COMMITTEE, report));

        assertThat(mails).extracting(mail -> mail.get("template")).containsExactly("committee-alert");
        complete(task(report), withVariables(SEVERITY, "low"));
        assertThat(report).hasNotPassed(TASK_ACKNOWLEDGE_REPORTER).isEnded();
    }

    @Test
    void aFailingMailIsRetriedFiveTimesAsAJobBeforeItBecomesAnIncident() {
        Mocks.register("sendEmailDelegate", (JavaDelegate) execution -> {
            throw new IllegalStateException("SMTP is down");
        });
        ProcessInstance report = startReport("reporter@example.org");
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
        var failed = jobQuery().activityId(TASK_ACKNOWLEDGE_REPORTER).singleResult();
        assertThat(failed.getRetries()).isZero();
        assertThat(runtimeService().createIncidentQuery().processInstanceId(report.getId()).count()).isEqualTo(1);
        // the committee's task does not wait for the reporter's mail
        assertThat(report).isWaitingAt(TASK_TRIAGE);
    }

    private ProcessInstance startReport(String reporterEmail) {
        return runtimeService().startProcessInstanceByKey(PROCESS_KEY, "CI-TEST0001", Variables.createVariables()
                .putValue(DESCRIPTION, "Someone shouted at me during the meetup.")
                .putValue(ONGOING_DANGER, false)
                .putValueTyped(REPORTER_EMAIL, Variables.stringValue(reporterEmail)));
    }
}
