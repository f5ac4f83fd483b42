package org.cultivate.intake;

import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.cultivate.intake.CaseTrackingRepository.TrackedCase;
import org.cultivate.intake.DeployedForms.DeployedForm;
import org.cultivate.system.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Holder tasks: what a process asks of the holder of a tracking code (answer a question, file a
 * report, accept a seat). In BPMN, a user task with a Camunda Form and the extension property
 * {@value #HOLDER_PROPERTY} naming whose task it is ({@code submitter}, {@code respondent}, or
 * several, comma-separated), and neither assignee nor candidates, so that it shows in no
 * committee's Tasklist. The holder sees it on the tracking page, reads the deployed form with the
 * values it shows, and submits it there; the values are checked as at every other door, and the
 * holder who completed it is left in {@value #ANSWERED_BY}. A boundary timer on the task is the
 * way to remind or to give up.
 */
@Service
class HolderTasks {

    static final String HOLDER_PROPERTY = "cultivate.holder";
    /** Set on the case when a holder completes a holder task: which holder it was. */
    static final String ANSWERED_BY = "answeredBy";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TaskService taskService;
    private final RepositoryService repositoryService;
    private final ProcessEngineConfigurationImpl engineConfiguration;
    private final FormDoors doors;
    private final DeployedForms forms;
    private final FormTranslations translations;
    /** Whose tasks a definition's user tasks are: fixed per deployed definition. */
    private final Map<String, List<String>> holdersByDefinitionAndTask = new ConcurrentHashMap<>();

    HolderTasks(TaskService taskService, RepositoryService repositoryService,
            ProcessEngineConfigurationImpl engineConfiguration, FormDoors doors, DeployedForms forms,
            FormTranslations translations) {
        this.taskService = taskService;
        this.repositoryService = repositoryService;
        this.engineConfiguration = engineConfiguration;
        this.doors = doors;
        this.forms = forms;
        this.translations = translations;
    }

    /** A task waiting for the holder, as the tracking answer lists it. */
    record HolderTask(String id, String name, String formId, Date due) {
    }

    /**
     * One holder task to fill in: its deployed form, the values it shows read-only, and the form's texts
     * in the holder's language (empty when it has none), which are not public as a start form's are.
     */
    record HolderTaskForm(String id, String name, String formId, Date due, JsonNode form, ObjectNode values,
            JsonNode translation) {
    }

    List<HolderTask> waitingFor(TrackedCase tracked) {
        return taskService.createTaskQuery().processInstanceBusinessKey(tracked.reference()).active()
                .initializeFormKeys().orderByTaskCreateTime().asc().list().stream()
                .filter(task -> holders(task.getProcessDefinitionId(), task.getTaskDefinitionKey()).contains(tracked.holder()))
                .map(task -> new HolderTask(task.getId(), task.getName(), formId(task), task.getDueDate()))
                .toList();
    }

    HolderTaskForm form(TrackedCase tracked, String taskId, String language) {
        HolderTask task = waitingFor(tracked).stream().filter(waiting -> waiting.id().equals(taskId)).findFirst()
                .orElseThrow(HolderTasks::notFound);
        DeployedForm form = engineConfiguration.getCommandExecutorTxRequired().execute(context ->
                forms.ofTask(context, context.getTaskManager().findTaskById(taskId)).orElseThrow(HolderTasks::notFound));
        // Only what the form shows read-only (the committee's question): a field the holder fills in starts
        // empty even when the case has a value under its key, which may be an earlier answer, even another holder's.
        ObjectNode values = JSON.createObjectNode();
        taskService.getVariables(taskId, form.schema().readOnly()).forEach((name, value) -> {
            try {
                values.set(name, FormValues.json(value));
            } catch (FormValues.NotFormValue notShowable) {
                // a value no form field can show is not shown
            }
        });
        JsonNode translation = translations.of(task.formId(), language).orElseGet(JSON::createObjectNode);
        return new HolderTaskForm(task.id(), task.name(), task.formId(), task.due(), form.json(), values, translation);
    }

    /** Completes the holder's task with the values, checked against its form, in one transaction. */
    void complete(TrackedCase tracked, String taskId, JsonNode submission) {
        if (!submission.isObject()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid submission", "A submission is a JSON object of the form's field values.");
        }
        var values = new LinkedHashMap<String, JsonNode>();
        submission.fields().forEachRemaining(field -> values.put(field.getKey(), field.getValue()));
        // a refusal leaves the engine's command as a result: the engine would log an exception with
        // its message, which repeats what the holder sent
        ApiProblem refusal = engineConfiguration.getCommandExecutorTxRequired().execute(context -> {
            TaskEntity task = context.getTaskManager().findTaskById(taskId);
            if (task == null || task.isSuspended() || !belongsTo(task, tracked)) {
                return notFound();
            }
            try {
                var checked = doors.checkedTaskValues(context, task, values, true);
                if (checked.isEmpty()) {
                    return notFound();
                }
                checked.get().putValue(ANSWERED_BY, tracked.holder());
                new CompleteTaskCmd(taskId, checked.get()).execute(context);
                return null;
            } catch (InvalidFormSubmission invalid) {
                return invalid.asProblem();
            }
        });
        if (refusal != null) {
            throw refusal;
        }
    }

    private boolean belongsTo(TaskEntity task, TrackedCase tracked) {
        return task.getProcessInstance() != null
                && tracked.reference().equals(task.getProcessInstance().getBusinessKey())
                && holders(task.getProcessDefinitionId(), task.getTaskDefinitionKey()).contains(tracked.holder());
    }

    private List<String> holders(String processDefinitionId, String taskKey) {
        if (processDefinitionId == null) {
            return List.of();
        }
        return holdersByDefinitionAndTask.computeIfAbsent(processDefinitionId + "/" + taskKey, key -> {
            BpmnModelInstance model = repositoryService.getBpmnModelInstance(processDefinitionId);
            if (!(model.getModelElementById(taskKey) instanceof UserTask userTask) || userTask.getExtensionElements() == null) {
                return List.of();
            }
            return userTask.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
                    .flatMap(properties -> properties.getCamundaProperties().stream())
                    .filter(property -> HOLDER_PROPERTY.equals(property.getCamundaName()))
                    .flatMap(property -> Arrays.stream(Objects.requireNonNullElse(property.getCamundaValue(), "").split(",")))
                    .map(String::trim)
                    .filter(holder -> !holder.isEmpty())
                    .toList();
        });
    }

    private static String formId(Task task) {
        return task.getCamundaFormRef() == null ? null : task.getCamundaFormRef().getKey();
    }

    private static ApiProblem notFound() {
        return new ApiProblem(HttpStatus.NOT_FOUND, "No such task", "Nothing with this id is waiting for you in this case.");
    }
}
