package org.cultivate.modeler;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Lane;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Participant;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.cultivate.system.ApiProblem.FieldError;

/**
 * Cultivate's modelling conventions (DESIGN.md), checked on the server before anything is deployed:
 * the same rules as the bpmnlint plugin in web/modeler/bpmnlint-plugin-cultivate, so a diagram
 * that the browser lints clean is accepted, and one sent around the browser is refused all the same.
 */
final class DiagramConventions {

    /** Ids that modelers generate, such as Activity_0abc123, Flow_1x2y3z4 or StartEvent_1. */
    static final Pattern GENERATED_ID = Pattern.compile("[A-Za-z]+_(?=[0-9a-z]*[0-9])[0-9a-z]{7}|[A-Za-z]+_[0-9]+");
    /** The rules, named as in the bpmnlint plugin, so a client can tell the problems apart. */
    static final String MEANINGFUL_IDS = "cultivate/meaningful-ids";
    static final String HISTORY_TIME_TO_LIVE = "cultivate/history-time-to-live";
    static final String FORM_REQUIRED = "cultivate/form-required";
    /** The start-event property that says a process is only started by another one, so nobody fills in a form. */
    static final String CALLED_PROPERTY = "called";

    private DiagramConventions() {
    }

    /** One problem per element that breaks a convention, named by its id; empty when the diagram keeps them all. */
    static List<FieldError> check(BpmnModelInstance model, Set<String> formIds) {
        var problems = new ArrayList<FieldError>();
        for (Class<? extends BaseElement> type : List.of(Process.class, FlowElement.class, Participant.class, Lane.class, Message.class)) {
            meaningfulIds(model.getModelElementsByType(type), problems);
        }
        for (Process process : model.getModelElementsByType(Process.class)) {
            if (process.isExecutable() && process.getCamundaHistoryTimeToLiveString() == null) {
                problems.add(problem(process.getId(), HISTORY_TIME_TO_LIVE, "Set a history time to live (for example P365D): Cultivate keeps no case history forever."));
            }
        }
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            form(task.getId(), "user task", task.getCamundaFormRef(), task.getCamundaFormRefBinding(), formIds, problems);
        }
        for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
            if (needsForm(start)) {
                form(start.getId(), "start event", start.getCamundaFormRef(), start.getCamundaFormRefBinding(), formIds, problems);
            }
        }
        return problems;
    }

    /** The conventions a decision table keeps: meaningful decision ids and a history time to live. */
    static List<FieldError> check(DmnModelInstance model) {
        var problems = new ArrayList<FieldError>();
        for (Decision decision : model.getModelElementsByType(Decision.class)) {
            if (isGenerated(decision.getId())) {
                problems.add(generatedId(decision.getId()));
            }
            if (decision.getCamundaHistoryTimeToLiveString() == null) {
                problems.add(problem(decision.getId(), HISTORY_TIME_TO_LIVE, "Set a history time to live (for example P365D): Cultivate keeps no decision history forever."));
            }
        }
        return problems;
    }

    /** A problem with one element of a diagram, named by its id, and the rule it breaks. */
    static FieldError problem(String elementId, String rule, String message) {
        return new FieldError(elementId, message, rule, null);
    }

    static boolean isGenerated(String id) {
        return id == null || GENERATED_ID.matcher(id).matches();
    }

    private static void meaningfulIds(Collection<? extends BaseElement> elements, List<FieldError> problems) {
        for (BaseElement element : elements) {
            if (isGenerated(element.getId())) {
                problems.add(generatedId(element.getId()));
            }
        }
    }

    private static FieldError generatedId(String id) {
        return problem(String.valueOf(id), MEANINGFUL_IDS, "Give it an id that says what it is, such as UserTask_TriageReport or Flow_Severity_Critical, instead of a generated one.");
    }

    /** A person fills in the form of a plain start event of a process, unless the process is only ever called. */
    private static boolean needsForm(StartEvent start) {
        return start.getParentElement() instanceof Process
                && start.getEventDefinitions().isEmpty()
                && !"true".equals(property(start, CALLED_PROPERTY));
    }

    private static String property(StartEvent start, String name) {
        if (start.getExtensionElements() == null) {
            return null;
        }
        return start.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
                .flatMap(properties -> properties.getCamundaProperties().stream())
                .filter(property -> name.equals(property.getCamundaName()))
                .map(CamundaProperty::getCamundaValue)
                .findFirst().orElse(null);
    }

    private static void form(String id, String what, String formRef, String binding, Set<String> formIds, List<FieldError> problems) {
        if (formRef == null || formRef.isBlank()) {
            problems.add(problem(id, FORM_REQUIRED, "This " + what + " needs a form: set its Camunda Form reference (formRef) to one of " + String.join(", ", formIds.stream().sorted().toList()) + "."));
        } else if (!"deployment".equals(binding)) {
            problems.add(problem(id, FORM_REQUIRED, "Bind the form reference '" + formRef + "' to the deployment (formRefBinding=\"deployment\"), so each version keeps its own forms."));
        } else if (!formIds.contains(formRef)) {
            problems.add(problem(id, FORM_REQUIRED, "There is no form '" + formRef + "' in the deployment; the forms are " + String.join(", ", formIds.stream().sorted().toList()) + "."));
        }
    }
}
