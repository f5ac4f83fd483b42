package org.cultivate.intake;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Notes in the tracking table when a case's process ends, whatever the BPMN, so that the
 * retention period of its tracking entry starts then.
 */
@Component
class CaseTrackingPlugin extends AbstractProcessEnginePlugin {

    private final CaseTracking caseTracking;

    CaseTrackingPlugin(@Lazy CaseTracking caseTracking) {
        this.caseTracking = caseTracking;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners();
        if (listeners == null) {
            listeners = new ArrayList<>();
            configuration.setCustomPostBPMNParseListeners(listeners);
        }
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
                processDefinition.addListener(ExecutionListener.EVENTNAME_END, (ExecutionListener) execution -> {
                    if (execution.getProcessBusinessKey() != null && execution.getParentId() == null) {
                        caseTracking.ended(execution.getProcessBusinessKey());
                    }
                });
            }
        });
    }
}
