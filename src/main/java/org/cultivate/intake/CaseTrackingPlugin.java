package org.cultivate.intake;


import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.context.annotation.Lazy;
import org.cultivate.system.ParseListeners;
import org.springframework.stereotype.Component;

/**
 * Opens and closes every case's tracking entry, whatever the BPMN and whatever door started it.
 * As a case starts (the intake, Tasklist, {@code /engine-rest}, the modeler, a message), it gets
 * what an intake case has: a reference as business key, a typed null for each field of its start
 * form it was not given, and its tracking entry, so the process's {@code caseTracking} calls and
 * expressions work. When it ends, not a process it calls, the retention period of its tracking entry starts.
 */
@Component
class CaseTrackingPlugin extends AbstractProcessEnginePlugin {

    private final CaseTracking caseTracking;
    private final DeployedForms forms;

    CaseTrackingPlugin(@Lazy CaseTracking caseTracking, DeployedForms forms) {
        this.caseTracking = caseTracking;
        this.forms = forms;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        ParseListeners.addAfterEngine(configuration, new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
                // built in: before the BPMN's own listeners, and never skipped with them
                processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_START, (ExecutionListener) execution -> {
                    if (execution.getSuperExecution() == null) {
                        open(execution);
                    }
                });
                processDefinition.addListener(ExecutionListener.EVENTNAME_END, (ExecutionListener) execution -> {
                    // a process the case calls (its payment, its reports) shares its reference and ends before it
                    if (execution.getProcessBusinessKey() != null && execution.getParentId() == null
                            && ((ExecutionEntity) execution).getSuperExecutionId() == null) {
                        caseTracking.ended(execution.getProcessBusinessKey());
                    }
                });
            }
        });
    }

    private void open(DelegateExecution execution) {
        String processKey = ((ExecutionEntity) execution).getProcessDefinition().getKey();
        if (execution.getProcessBusinessKey() == null) {
            execution.setProcessBusinessKey(TrackingCodes.newReference(processKey));
        }
        forms.ofStart(Context.getCommandContext(), execution.getProcessDefinitionId()).ifPresent(form ->
                execution.setVariables(SubmissionValidator.emptyValues(form.schema(), execution.getVariableNames())));
        caseTracking.opened(execution.getProcessBusinessKey(), processKey);
    }
}
