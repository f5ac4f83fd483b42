package org.cultivate.intake;

import java.time.Clock;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * What a reporter or applicant sees on the tracking page, set by the process itself. In a BPMN,
 * an execution listener or a script-free expression does it:
 * <pre>{@code ${caseTracking.status(execution, 'under-review')}
 * ${caseTracking.update(execution, 'decided', 'The committee has decided; the outcome is below.')}}</pre>
 * Each call moves the case's status and adds an entry to its timeline. The message is shown to
 * the reporter as it is: it must never carry anything the reporter should not read.
 */
@Component("caseTracking")
public class CaseTracking {

    private final CaseTrackingRepository repository;
    private final Clock clock;

    CaseTracking(CaseTrackingRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    public void status(DelegateExecution execution, String status) {
        update(execution, status, null);
    }

    public void update(DelegateExecution execution, String status, String message) {
        String reference = execution.getProcessBusinessKey();
        if (reference != null) {
            repository.addUpdate(reference, status, message, clock.instant());
        }
    }

    void ended(String reference) {
        repository.markEnded(reference, clock.instant());
    }
}
