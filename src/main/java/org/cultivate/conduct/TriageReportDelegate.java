package org.cultivate.conduct;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import static org.cultivate.conduct.ConductIncidentProcess.ACKNOWLEDGE_WITHIN;
import static org.cultivate.conduct.ConductIncidentProcess.BEHAVIOUR;
import static org.cultivate.conduct.ConductIncidentProcess.LOCATION;
import static org.cultivate.conduct.ConductIncidentProcess.ONGOING_DANGER;
import static org.cultivate.conduct.ConductIncidentProcess.RESOLVE_WITHIN;
import static org.cultivate.conduct.ConductIncidentProcess.SEVERITY;
import static org.cultivate.conduct.ConductIncidentProcess.TRIAGE_DECISION;

/**
 * {@code ServiceTask_TriageReport}: asks the committee's table {@code processes/conduct-triage.dmn}
 * for the severity and the deadlines. The table, not this class, holds the rules.
 */
@Component("triageReportDelegate")
class TriageReportDelegate implements JavaDelegate {

    private final DecisionService decisionService;

    TriageReportDelegate(DecisionService decisionService) {
        this.decisionService = decisionService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var result = decisionService.evaluateDecisionByKey(TRIAGE_DECISION)
                .variables(Variables.createVariables()
                        .putValue(ONGOING_DANGER, Boolean.TRUE.equals(execution.getVariable(ONGOING_DANGER)))
                        .putValue(BEHAVIOUR, execution.getVariable(BEHAVIOUR))
                        .putValue(LOCATION, execution.getVariable(LOCATION)))
                .evaluate()
                .getSingleResult();
        execution.setVariable(SEVERITY, result.getEntry(SEVERITY));
        execution.setVariable(ACKNOWLEDGE_WITHIN, result.getEntry(ACKNOWLEDGE_WITHIN));
        execution.setVariable(RESOLVE_WITHIN, result.getEntry(RESOLVE_WITHIN));
    }
}
