package org.cultivate.system;

import java.util.List;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;

/** What the process tests of every feature do on their in-memory engine where the job executor is off. */
public final class EngineSteps {

    private EngineSteps() {
    }

    /** Runs every due asynchronous continuation, as the job executor would, until none is left; timers wait. */
    public static void runJobs() {
        List<Job> jobs;
        while (!(jobs = managementService().createJobQuery().messages().executable().list()).isEmpty()) {
            jobs.forEach(job -> managementService().executeJob(job.getId()));
        }
    }

    /** The one timer waiting at this activity. */
    public static Job timer(String activityId) {
        return managementService().createJobQuery().timers().activityId(activityId).singleResult();
    }

    /** The id of the Camunda Form the task shows. */
    public static String formKey(Task task) {
        return formService().getTaskFormData(task.getId()).getCamundaFormRef().getKey();
    }
}
