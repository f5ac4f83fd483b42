package org.cultivate.conduct;

import java.time.Clock;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cultivate.intake.CaseTracking;
import org.springframework.stereotype.Component;

import static org.cultivate.conduct.ConductIncidentProcess.ACKNOWLEDGE_WITHIN;
import static org.cultivate.conduct.ConductIncidentProcess.APPEAL_DECISION;
import static org.cultivate.conduct.ConductIncidentProcess.BAN_DAYS;
import static org.cultivate.conduct.ConductIncidentProcess.BEHAVIOUR;
import static org.cultivate.conduct.ConductIncidentProcess.CODE_NAME;
import static org.cultivate.conduct.ConductIncidentProcess.EXPUNGED_AT;
import static org.cultivate.conduct.ConductIncidentProcess.EXPUNGE_AFTER;
import static org.cultivate.conduct.ConductIncidentProcess.FAILED_VOTES;
import static org.cultivate.conduct.ConductIncidentProcess.FINAL_OUTCOME;
import static org.cultivate.conduct.ConductIncidentProcess.LANGUAGE;
import static org.cultivate.conduct.ConductIncidentProcess.LOCATION;
import static org.cultivate.conduct.ConductIncidentProcess.ONGOING_DANGER;
import static org.cultivate.conduct.ConductIncidentProcess.OUTCOME;
import static org.cultivate.conduct.ConductIncidentProcess.RESOLVE_WITHIN;
import static org.cultivate.conduct.ConductIncidentProcess.SEVERITY;
import static org.cultivate.conduct.ConductIncidentProcess.VOTE_PASSED;

/**
 * {@code ServiceTask_ExpungeCase}: a minor case (no violation, correction) loses its personal
 * data after the expunge period — from the running case and from its history, the declarations'
 * history included — and keeps only anonymous figures: code name, severity, kind of behaviour,
 * outcome, dates. The reporter's timeline keeps its statuses and loses its messages.
 */
@Component("expungeCaseDelegate")
class ExpungeCaseDelegate implements JavaDelegate {

    /**
     * The anonymous figures a case keeps. Everything else goes, mail addresses in the history of
     * mail tasks included: a list of what to keep cannot forget a field someone adds later.
     */
    static final Set<String> KEPT = Set.of(
            CODE_NAME, SEVERITY, BEHAVIOUR, LOCATION, ONGOING_DANGER, LANGUAGE, ACKNOWLEDGE_WITHIN, RESOLVE_WITHIN,
            OUTCOME, FINAL_OUTCOME, BAN_DAYS, APPEAL_DECISION, VOTE_PASSED, FAILED_VOTES, EXPUNGE_AFTER, EXPUNGED_AT);

    private final HistoryService historyService;
    private final CaseTracking caseTracking;
    private final Clock clock;

    ExpungeCaseDelegate(HistoryService historyService, CaseTracking caseTracking, Clock clock) {
        this.historyService = historyService;
        this.caseTracking = caseTracking;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseId = execution.getProcessInstanceId();
        execution.getVariableNames().stream().filter(name -> !KEPT.contains(name)).toList().forEach(execution::removeVariable);
        expungeHistory(caseId);
        historyService.createHistoricProcessInstanceQuery().superProcessInstanceId(caseId).list()
                .forEach(declaration -> expungeHistory(declaration.getId()));
        caseTracking.forgetMessages(execution);
        execution.setVariable(EXPUNGED_AT, clock.instant().toString());
    }

    private void expungeHistory(String processInstanceId) {
        historyService.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId).list().stream()
                .filter(variable -> !KEPT.contains(variable.getName()))
                .forEach(variable -> historyService.deleteHistoricVariableInstance(variable.getId()));
    }
}
