package org.cultivate.grant;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import static org.cultivate.grant.RapidGrantProcess.APPLICANT_NAME;
import static org.cultivate.grant.RapidGrantProcess.APPLICANT_TYPE;
import static org.cultivate.grant.RapidGrantProcess.COMMUNITY;
import static org.cultivate.grant.RapidGrantProcess.EMAIL;
import static org.cultivate.grant.RapidGrantProcess.GRANT_HISTORY;
import static org.cultivate.grant.RapidGrantProcess.LANGUAGE;
import static org.cultivate.grant.RapidGrantProcess.ORGANISATION;
import static org.cultivate.grant.RapidGrantProcess.RAPID_GRANT_REFERENCE;
import static org.cultivate.grant.RapidGrantProcess.SCALE_UP_FIELDS;
import static org.cultivate.grant.RapidGrantProcess.SCALE_UP_PROCESS_KEY;

/**
 * The invited grantee applied: a case of {@code processes/scale-up-grant.bpmn} with what they
 * wrote (the invitation's own, local values), who they are, their history, and the reference of
 * the rapid grant it comes from. The new case gets its own reference and tracking code.
 */
@Component("startScaleUpGrantDelegate")
class StartScaleUpGrantDelegate implements JavaDelegate {

    /** Who the grantee is: the rapid grant's values, never asked again. */
    private static final List<String> GRANTEE = List.of(APPLICANT_NAME, EMAIL, APPLICANT_TYPE, ORGANISATION, COMMUNITY, LANGUAGE,
            GRANT_HISTORY);

    @Override
    public void execute(DelegateExecution execution) {
        VariableMap variables = Variables.createVariables();
        for (String name : SCALE_UP_FIELDS) {
            variables.putValueTyped(name, execution.getVariableTyped(name));
        }
        GRANTEE.forEach(name -> variables.putValueTyped(name, execution.getVariableTyped(name)));
        variables.putValue(RAPID_GRANT_REFERENCE, execution.getProcessBusinessKey());
        execution.getProcessEngineServices().getRuntimeService().createProcessInstanceByKey(SCALE_UP_PROCESS_KEY)
                .setVariables(variables).execute();
    }
}
