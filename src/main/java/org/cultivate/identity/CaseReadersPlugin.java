package org.cultivate.identity;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.cultivate.system.ParseListeners;
import org.springframework.stereotype.Component;

/**
 * Who may read a process's cases, said by the process itself: a process with the extension
 * property {@value #CASE_READERS} (a comma-separated list of groups) grants those groups READ on
 * each new case and its history as the case starts; {@value #CASE_WORKERS} grants READ and
 * UPDATE, which a tool needs to fetch and complete the case's external tasks (the finance group's
 * grant payments). Per case, never per definition, so a per-person revoke (a recusal) still wins.
 * The conduct process has neither: its members are granted one by one once they declare no
 * conflict (ConflictsOfInterest).
 */
@Component
class CaseReadersPlugin extends AbstractProcessEnginePlugin {

    static final String CASE_READERS = "cultivate.caseReaders";
    static final String CASE_WORKERS = "cultivate.caseWorkers";

    /** Looked up when a case starts: the grants need the engine this plugin helps to build. */
    private final ObjectProvider<CaseAuthorizations> caseAuthorizations;

    CaseReadersPlugin(ObjectProvider<CaseAuthorizations> caseAuthorizations) {
        this.caseAuthorizations = caseAuthorizations;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        ParseListeners.addBeforeEngine(configuration, new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element process, ProcessDefinitionEntity definition) {
                List<String> readers = ProcessProperties.values(process, CASE_READERS);
                List<String> workers = ProcessProperties.values(process, CASE_WORKERS);
                if (!readers.isEmpty() || !workers.isEmpty()) {
                    definition.addListener(ExecutionListener.EVENTNAME_START, new GrantCaseReaders(readers, workers, caseAuthorizations));
                }
            }
        });
    }

    /** Runs as the case starts, in its transaction, so a case never exists without its grants. */
    record GrantCaseReaders(List<String> readers, List<String> workers, ObjectProvider<CaseAuthorizations> caseAuthorizations)
            implements ExecutionListener {

        @Override
        public void notify(DelegateExecution execution) {
            readers.forEach(group -> caseAuthorizations.getObject().grantGroupReading(execution.getProcessInstanceId(), group));
            workers.forEach(group -> caseAuthorizations.getObject().grantGroupWorking(execution.getProcessInstanceId(), group));
        }
    }
}
