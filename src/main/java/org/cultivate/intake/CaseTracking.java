package org.cultivate.intake;

import java.time.Clock;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * What the holders of a case's tracking codes see, set by the process itself. In a BPMN, an
 * execution listener or expression does it:
 * <pre>{@code ${caseTracking.status(execution, 'under-review')}
 * ${caseTracking.update(execution, 'decided', 'The committee has decided; the outcome is below.')}
 * ${caseTracking.updateFor(execution, 'respondent', 'decided', messageToReportedPerson)}}</pre>
 * Each call moves the case's status and adds an entry to its timeline; {@code updateFor} shows
 * the entry to one holder only. A message is shown as it is: it must never carry anything its
 * reader should not read.
 */
@Component("caseTracking")
public class CaseTracking {

    /** The holder of the code the intake hands out: the reporter or applicant. */
    public static final String SUBMITTER = "submitter";

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
        updateFor(execution, null, status, message);
    }

    public void updateFor(DelegateExecution execution, String holder, String status, String message) {
        String reference = execution.getProcessBusinessKey();
        if (reference != null) {
            repository.addUpdate(reference, status, message, holder, clock.instant());
        }
    }

    /** Expunging a case: its timeline keeps the statuses and dates, and loses every message. */
    public void forgetMessages(DelegateExecution execution) {
        String reference = execution.getProcessBusinessKey();
        if (reference != null) {
            repository.forgetMessages(reference);
        }
    }

    /**
     * A new tracking code of the case for {@code holder} (the submitter's copy by e-mail, or a
     * reported person who may appeal). Only its hash is stored: the caller must hand the code on
     * at once, as the mail that carries it does. Every case has its tracking entry from its start
     * on; one started before that was so gets it here.
     */
    public String issueCode(DelegateExecution execution, String holder) {
        String reference = execution.getProcessBusinessKey();
        if (reference == null) {
            throw new IllegalStateException("Case " + execution.getProcessInstanceId()
                    + " has no reference (business key), so there is no tracking page to give a code for");
        }
        String processKey = execution.getProcessEngineServices().getRepositoryService()
                .getProcessDefinition(execution.getProcessDefinitionId()).getKey();
        repository.createIfMissing(reference, processKey, IntakeService.INITIAL_STATUS, clock.instant());
        String code = TrackingCodes.newCode();
        repository.addCode(reference, TrackingCodes.hash(code), holder, clock.instant());
        return code;
    }

    /**
     * The codes of {@code holder} in this case stop working: a holder whose part is over (a voucher
     * replaced by another, or done) no longer reaches the case's page or the tasks of the next
     * holder of that name. Codes of other holders stay.
     */
    public void revokeCodes(DelegateExecution execution, String holder) {
        String reference = execution.getProcessBusinessKey();
        if (reference != null) {
            repository.deleteCodes(reference, holder);
        }
    }

    /** A case has started: its tracking entry exists from now on (the intake made it already for its cases). */
    void opened(String reference, String processKey) {
        repository.createIfMissing(reference, processKey, IntakeService.INITIAL_STATUS, clock.instant());
    }

    void ended(String reference) {
        repository.markEnded(reference, clock.instant());
    }
}
