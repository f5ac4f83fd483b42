package org.cultivate.taskforce;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.json.SpinJsonNode;
import org.cultivate.identity.ConflictsOfInterest;
import org.springframework.stereotype.Service;

import static org.cultivate.taskforce.TaskForceProcess.*;

/**
 * The calls and their applications as the engine holds them: a call is open while its process
 * waits for its closing time, and its applications are the cases that name it. Nothing is copied
 * into a table of Cultivate's own, so what the selection reads is what the cases say.
 */
@Service("taskForceCalls")
public class TaskForceCalls {

    /** Where a call's process waits while it takes applications. */
    static final String OPEN_ACTIVITY = "Timer_CallCloses";

    private final RuntimeService runtimeService;
    private final HistoryService historyService;

    public TaskForceCalls(RuntimeService runtimeService, HistoryService historyService) {
        this.runtimeService = runtimeService;
        this.historyService = historyService;
    }

    /** A call as its page shows it. */
    record Call(String reference, String caseId, String name, String purpose, int seats, LocalDate opensOn, LocalDate closesOn,
            List<String> languages, Map<String, Map<String, String>> translations) {
    }

    /** An application as the selection and the balance view read it; {@code score} is null until reviewed. */
    record Application(String caseId, String reference, String name, String email, String region, List<String> languages,
            String gender, String experience, Double score, Double spread, int reviewCount, String status, boolean listConsent,
            List<String> clearedMembers, List<String> recusedMembers, boolean reviewersAssigned) {

        Map<String, Set<String>> categories() {
            var categories = new HashMap<String, Set<String>>();
            categories.put(REGION, region == null ? Set.of() : Set.of(region));
            categories.put("language", Set.copyOf(languages));
            categories.put(GENDER, gender == null ? Set.of() : Set.of(gender));
            categories.put(EXPERIENCE, experience == null ? Set.of() : Set.of(experience));
            return categories;
        }
    }

    List<Call> openCalls() {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(CALL_PROCESS_KEY).activityIdIn(OPEN_ACTIVITY)
                .list().stream().map(this::call).sorted(Comparator.comparing(Call::closesOn)).toList();
    }

    /** The call with this reference if it takes applications now. */
    public Optional<Call> openCall(String reference) {
        if (reference == null || reference.isBlank()) {
            return Optional.empty();
        }
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(CALL_PROCESS_KEY).processInstanceBusinessKey(reference)
                .activityIdIn(OPEN_ACTIVITY).list().stream().findFirst().map(this::call);
    }

    /** The running call with this reference, open or not. */
    Optional<ProcessInstance> runningCall(String reference) {
        return Optional.ofNullable(runtimeService.createProcessInstanceQuery().processDefinitionKey(CALL_PROCESS_KEY)
                .processInstanceBusinessKey(reference).singleResult());
    }

    /** Whether a running call is past its opening: it waits neither for its opening day nor for its close. */
    boolean closed(ProcessInstance call) {
        return runtimeService.createExecutionQuery().processInstanceId(call.getId()).activityId("Timer_CallOpens").count() == 0;
    }

    private Call call(ProcessInstance instance) {
        var names = new ArrayList<>(callTexts());
        names.addAll(List.of(SEATS, OPENS_ON, CLOSES_ON, CALL_LANGUAGES));
        Map<String, Object> variables = runtimeService.getVariables(instance.getId(), names);
        return new Call(instance.getBusinessKey(), instance.getId(), (String) variables.get(TASK_FORCE_NAME),
                (String) variables.get(PURPOSE), ((Number) variables.get(SEATS)).intValue(), LocalDate.parse((String) variables.get(OPENS_ON)),
                LocalDate.parse((String) variables.get(CLOSES_ON)), strings(variables.get(CALL_LANGUAGES)), translations(variables));
    }

    /** The running applications of a call, in the order they came in. */
    List<Application> applications(String callReference) {
        return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(APPLICATION_PROCESS_KEY)
                .variableValueEquals(CALL_REFERENCE, callReference).unfinished().orderByProcessInstanceStartTime().asc()
                .orderByProcessInstanceId().asc().list().stream()
                .map(instance -> application(instance.getId(), instance.getBusinessKey())).toList();
    }

    /** The applications of the call that the selection weighs: reviewed, and neither offered a seat nor gone. */
    List<Application> reviewed(String callReference) {
        return applications(callReference).stream().filter(application -> application.score() != null && "in-review".equals(application.status()))
                .toList();
    }

    /**
     * For the call's BPMN: the applications in review whose reviews the selection waits for; one
     * that came in as the call closed, after the reviewers were assigned, is not waited for.
     */
    public long reviewsOutstanding(DelegateExecution call) {
        return applications(call.getProcessBusinessKey()).stream().filter(application -> "in-review".equals(application.status())
                && application.reviewersAssigned() && application.score() == null).count();
    }

    Application application(String caseId, String reference) {
        Map<String, Object> v = runtimeService.getVariables(caseId, List.of(APPLICANT_NAME, EMAIL, REGION, LANGUAGES, GENDER, EXPERIENCE,
                SCORE, SCORE_SPREAD, REVIEW_COUNT, STATUS, LIST_CONSENT, ConflictsOfInterest.CLEARED_MEMBERS,
                ConflictsOfInterest.RECUSED_MEMBERS, REVIEWERS));
        return new Application(caseId, reference, (String) v.get(APPLICANT_NAME), (String) v.get(EMAIL), (String) v.get(REGION),
                strings(v.get(LANGUAGES)), (String) v.get(GENDER), (String) v.get(EXPERIENCE), (Double) v.get(SCORE),
                (Double) v.get(SCORE_SPREAD), v.get(REVIEW_COUNT) == null ? 0 : ((Number) v.get(REVIEW_COUNT)).intValue(),
                (String) v.get(STATUS), Boolean.TRUE.equals(v.get(LIST_CONSENT)), strings(v.get(ConflictsOfInterest.CLEARED_MEMBERS)),
                strings(v.get(ConflictsOfInterest.RECUSED_MEMBERS)), v.get(REVIEWERS) != null);
    }

    /** A list of text, as a checklist's answer (JSON) or a list the process wrote. */
    static List<String> strings(Object value) {
        if (value instanceof SpinJsonNode json) {
            return json.isArray() ? json.elements().stream().map(SpinJsonNode::stringValue).toList() : List.of();
        }
        return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }
}
