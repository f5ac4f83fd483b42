package org.cultivate.intake;

import java.lang.reflect.Field;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.cultivate.intake.DeployedForms.DeployedForm;
import org.cultivate.system.ApiProblem.FieldError;
import org.springframework.stereotype.Component;

/**
 * Every door through which values enter a case keeps the form's contract: completing a task
 * ({@code complete}, {@code submit-form}, Tasklist) against the task's deployed form, and starting a
 * process ({@code start}, {@code submit-form}, Tasklist's start form) against its start form. It sits
 * in the engine's command chain, so the Java API, {@code /engine-rest}, the webapps and any door
 * added later pass it alike. Values are checked by {@link SubmissionValidator}, as at the intake,
 * and enter the case typed as the form says; a bad submission is an {@link InvalidFormSubmission}
 * and changes nothing. Commands that process code issues inside another command (a delegate
 * completing a task) are the process's own doing and pass unchecked.
 */
@Component
class FormDoors extends AbstractProcessEnginePlugin {

    // The engine keeps these commands' arguments in protected fields; read once here, so that an
    // engine upgrade that renames one fails at start-up rather than opening a door.
    private static final Field COMPLETE_TASK_ID = field(CompleteTaskCmd.class, "taskId");
    private static final Field COMPLETE_VARIABLES = field(CompleteTaskCmd.class, "variables");
    private static final Field SUBMIT_TASK_ID = field(SubmitTaskFormCmd.class, "taskId");
    private static final Field SUBMIT_PROPERTIES = field(SubmitTaskFormCmd.class, "properties");
    private static final Field START_BUILDER = field(StartProcessInstanceCmd.class, "instantiationBuilder");
    private static final Field START_FORM_DEFINITION = field(SubmitStartFormCmd.class, "processDefinitionId");
    private static final Field START_FORM_VARIABLES = field(SubmitStartFormCmd.class, "variables");

    private final DeployedForms forms;
    private final FeatureFormRules rules;
    private final Clock clock;
    private ProcessEngineConfigurationImpl configuration;

    FormDoors(DeployedForms forms, FeatureFormRules rules, Clock clock) {
        this.forms = forms;
        this.rules = rules;
        this.clock = clock;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        this.configuration = configuration;
        List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
        interceptors.add(new CommandInterceptor() {
            @Override
            public <T> T execute(Command<T> command) {
                // a command context exists already when process code issues this command
                if (Context.getCommandContext() == null) {
                    door(command).ifPresent(FormDoors.this::check);
                }
                return next.execute(command);
            }
        });
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }

    /**
     * Values entering a case: those of a task ({@code taskId}) or of a start (the definition by
     * id or key), and where the checked, typed values go instead.
     */
    private record Door(String taskId, String processDefinitionId, String processDefinitionKey,
            Map<String, ?> values, Consumer<VariableMap> replaceValues) {
    }

    private static Optional<Door> door(Command<?> command) {
        if (command instanceof CompleteTaskCmd complete) {
            return Optional.of(new Door((String) read(COMPLETE_TASK_ID, complete), null, null,
                    orEmpty(read(COMPLETE_VARIABLES, complete)), checked -> write(COMPLETE_VARIABLES, complete, checked)));
        }
        if (command instanceof SubmitTaskFormCmd submit) {
            return Optional.of(new Door((String) read(SUBMIT_TASK_ID, submit), null, null,
                    orEmpty(read(SUBMIT_PROPERTIES, submit)), checked -> write(SUBMIT_PROPERTIES, submit, checked)));
        }
        if (command instanceof StartProcessInstanceCmd start) {
            var builder = (ProcessInstantiationBuilderImpl) read(START_BUILDER, start);
            return Optional.of(new Door(null, builder.getProcessDefinitionId(), builder.getProcessDefinitionKey(),
                    orEmpty(builder.getVariables()), checked -> {
                        builder.getVariables().clear();
                        builder.setVariables(checked);
                    }));
        }
        if (command instanceof SubmitStartFormCmd submit) {
            return Optional.of(new Door(null, (String) read(START_FORM_DEFINITION, submit), null,
                    orEmpty(read(START_FORM_VARIABLES, submit)), checked -> write(START_FORM_VARIABLES, submit, checked)));
        }
        return Optional.empty();
    }

    private void check(Door door) {
        // the refusal leaves the engine's command as a result, not as an exception: the engine logs
        // those with their message, and a refusal's message repeats what was submitted
        InvalidFormSubmission refusal = configuration.getCommandExecutorTxRequired().execute(context -> {
            try {
                if (door.taskId() != null) {
                    TaskEntity task = context.getTaskManager().findTaskById(door.taskId());
                    // an unknown task: the command itself answers that
                    if (task != null) {
                        checkedTaskValues(context, task, door.values(), false).ifPresent(door.replaceValues());
                    }
                } else {
                    startForm(context, door).ifPresent(form ->
                            door.replaceValues().accept(checked(form, door.values(), Map.of())));
                }
                return null;
            } catch (InvalidFormSubmission invalid) {
                return invalid;
            }
        });
        if (refusal != null) {
            throw refusal;
        }
    }

    /**
     * The values checked against the task's deployed form and typed as it says, or nothing when
     * the task has no form. Used by every door, the holder's tracking page included.
     *
     * @param wholeForm the submission is the whole form, as a holder sends it: a field left out is
     *                  empty, never the case's earlier value (an appeal must not carry the answer
     *                  given to a question)
     */
    Optional<VariableMap> checkedTaskValues(CommandContext context, TaskEntity task, Map<String, ?> values, boolean wholeForm) {
        return forms.ofTask(context, task).map(form -> {
            var current = new HashMap<>(task.getVariables());
            if (wholeForm) {
                current.keySet().removeAll(form.schema().fields().keySet());
            }
            return checked(form, values, current);
        });
    }

    /** @param current what the case already has: conditions read it, and it satisfies a required field left out */
    private VariableMap checked(DeployedForm form, Map<String, ?> values, Map<String, Object> current) {
        var submitted = JsonNodeFactory.instance.objectNode();
        var errors = new ArrayList<FieldError>();
        values.forEach((name, value) -> put(submitted, name, value, errors));
        var result = SubmissionValidator.validate(form.schema(), submitted, current, LocalDate.now(clock));
        errors.addAll(result.errors());
        if (errors.isEmpty()) {
            errors.addAll(rules.check(form.schema().id(), result.variables()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidFormSubmission(form.schema().id(), errors);
        }
        return result.variables();
    }

    private Optional<DeployedForm> startForm(CommandContext context, Door door) {
        try {
            String definitionId = door.processDefinitionId() != null ? door.processDefinitionId()
                    : context.getProcessEngineConfiguration().getDeploymentCache()
                            .findDeployedLatestProcessDefinitionByKey(door.processDefinitionKey()).getId();
            return forms.ofStart(context, definitionId);
        } catch (ProcessEngineException unknownDefinition) {
            // the command itself answers that the definition does not exist
            return Optional.empty();
        }
    }

    private static void put(ObjectNode submitted, String name, Object value, List<FieldError> errors) {
        try {
            submitted.set(name, FormValues.json(value));
        } catch (FormValues.NotFormValue notFormValue) {
            errors.add(new FieldError(name, "\"" + name + "\" " + notFormValue.getMessage(), "type", null));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> orEmpty(Object values) {
        return values == null ? Map.of() : (Map<String, ?>) values;
    }

    private static Field field(Class<?> type, String name) {
        try {
            Field field = type.getDeclaredField(name);
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("This Camunda version keeps no " + name + " in " + type.getSimpleName()
                    + ": Cultivate's form checks need it", e);
        }
    }

    private static Object read(Field field, Object command) {
        try {
            return field.get(command);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(Field field, Object command, VariableMap values) {
        try {
            field.set(command, field.getType().isAssignableFrom(VariableMap.class) ? values : Variables.fromMap(values));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
