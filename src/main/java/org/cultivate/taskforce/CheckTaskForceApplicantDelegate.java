package org.cultivate.taskforce;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static org.cultivate.taskforce.TaskForceProcess.*;

/**
 * What the eligibility table needs to know of the applicant: whether they sit on the selection
 * committee (by e-mail address), and whether they applied to this call before; and what the
 * application takes from its call: the name (in the applicant's language when the call has it), the
 * reviewers per application, the anonymity.
 */
@Component("checkTaskForceApplicantDelegate")
class CheckTaskForceApplicantDelegate implements JavaDelegate {

    private final IdentityService identityService;
    private final HistoryService historyService;
    private final RuntimeService runtimeService;
    private final TaskForceCalls calls;

    CheckTaskForceApplicantDelegate(IdentityService identityService, HistoryService historyService, RuntimeService runtimeService,
            TaskForceCalls calls) {
        this.identityService = identityService;
        this.historyService = historyService;
        this.runtimeService = runtimeService;
        this.calls = calls;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String email = ((String) execution.getVariable(EMAIL)).trim();
        String callReference = (String) execution.getVariable(CALL_REFERENCE);
        boolean member = identityService.createUserQuery().memberOfGroup(COMMITTEE).list().stream()
                .anyMatch(user -> user.getEmail() != null && user.getEmail().toLowerCase(Locale.ROOT).equals(email.toLowerCase(Locale.ROOT)));
        boolean appliedBefore = historyService.createHistoricProcessInstanceQuery().processDefinitionKey(APPLICATION_PROCESS_KEY)
                .variableValueEquals(CALL_REFERENCE, callReference).variableValueEquals(EMAIL, email).matchVariableValuesIgnoreCase()
                .list().stream().anyMatch(other -> !other.getId().equals(execution.getProcessInstanceId())
                        && other.getStartTime().before(startOf(execution)));
        execution.setVariable(SELECTION_COMMITTEE_MEMBER, member);
        execution.setVariable(APPLIED_TO_THIS_CALL, appliedBefore);
        String callCase = calls.runningCall(callReference).orElseThrow(() -> new IllegalStateException(
                "The call " + callReference + " of application " + execution.getProcessBusinessKey() + " is not running")).getId();
        var names = new ArrayList<>(callTexts());
        names.addAll(List.of(REVIEWERS_PER_APPLICATION, ANONYMISED));
        var call = runtimeService.getVariables(callCase, names);
        // the call's name as the applicant reads it, in the mails
        Object language = execution.getVariable("language");
        Object translatedName = language instanceof String code && TRANSLATED_LANGUAGES.contains(code)
                ? call.get(translated(TASK_FORCE_NAME, code)) : null;
        execution.setVariable(TASK_FORCE_NAME, translatedName instanceof String name && !name.isBlank() ? name : call.get(TASK_FORCE_NAME));
        execution.setVariable(REVIEWERS_PER_APPLICATION, call.get(REVIEWERS_PER_APPLICATION));
        execution.setVariable(ANONYMISED, !Boolean.FALSE.equals(call.get(ANONYMISED)));
    }

    private Date startOf(DelegateExecution execution) {
        return historyService.createHistoricProcessInstanceQuery().processInstanceId(execution.getProcessInstanceId()).singleResult()
                .getStartTime();
    }
}
