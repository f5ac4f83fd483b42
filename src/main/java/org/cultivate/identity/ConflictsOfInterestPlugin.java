package org.cultivate.identity;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.cultivate.system.ParseListeners;
import org.springframework.stereotype.Component;

/**
 * Opens the conflicts of interest of each new case of a process with the extension property
 * {@value ConflictsOfInterest#GROUP_PROPERTY}, as the case starts, before any of its tasks exists.
 * The mechanism is the bean {@code conflictsOfInterest}, found as a BPMN expression finds a
 * delegate, so that the process tests' mocked beans serve as well.
 */
@Component
public class ConflictsOfInterestPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        ParseListeners.addBeforeEngine(configuration, new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element process, ProcessDefinitionEntity definition) {
                List<String> group = ProcessProperties.values(process, ConflictsOfInterest.GROUP_PROPERTY);
                if (group.isEmpty()) {
                    return;
                }
                List<String> namedIn = ProcessProperties.values(process, ConflictsOfInterest.NAMED_IN_PROPERTY);
                List<String> affiliationIn = ProcessProperties.values(process, ConflictsOfInterest.AFFILIATION_IN_PROPERTY);
                boolean clearedRead = !ProcessProperties.values(process, ConflictsOfInterest.CLEARED_READ_PROPERTY).contains("false");
                // built in: before the BPMN's own listeners, and never skipped with them
                definition.addBuiltInListener(ExecutionListener.EVENTNAME_START, (ExecutionListener) execution -> {
                    if (execution.getSuperExecution() == null) {
                        mechanism(execution).openCase(execution, group.get(0), namedIn, affiliationIn, clearedRead);
                    }
                });
            }
        });
    }

    private static ConflictsOfInterest mechanism(DelegateExecution execution) {
        return (ConflictsOfInterest) Context.getProcessEngineConfiguration().getExpressionManager()
                .createExpression("${conflictsOfInterest}").getValue(execution);
    }
}
