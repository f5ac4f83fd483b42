package org.cultivate.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.GetDeployedStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.GetStartFormCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.stereotype.Component;

/**
 * The Camunda Form a task or a start event shows, as deployed: the very JSON Tasklist and the
 * portal render. Read inside the engine's command context without authorization checks, since it
 * serves the engine's own checks; a form bound by deployment never changes, so it is kept.
 */
@Component
class DeployedForms {

    /** A form as deployed and the rules read from it. */
    record DeployedForm(JsonNode json, FormSchema schema) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEPLOYMENT_BINDING = "deployment";
    private final Map<String, Optional<CamundaFormRef>> startRefs = new ConcurrentHashMap<>();
    private final Map<String, DeployedForm> byDefinitionAndElement = new ConcurrentHashMap<>();

    Optional<DeployedForm> ofTask(CommandContext context, TaskEntity task) {
        task.initializeFormKey();
        CamundaFormRef ref = task.getCamundaFormRef();
        if (ref == null) {
            return Optional.empty();
        }
        return Optional.of(cached(ref, task.getProcessDefinitionId() + "/" + task.getTaskDefinitionKey(),
                () -> context.runWithoutAuthorization(() -> read(new GetDeployedTaskFormCmd(task.getId()).execute(context)))));
    }

    Optional<DeployedForm> ofStart(CommandContext context, String processDefinitionId) {
        // which form a deployed definition's start event names never changes: asked once per definition
        Optional<CamundaFormRef> startRef = startRefs.computeIfAbsent(processDefinitionId, id -> Optional.ofNullable(
                context.runWithoutAuthorization(() -> new GetStartFormCmd(id).execute(context)).getCamundaFormRef()));
        CamundaFormRef ref = startRef.orElse(null);
        if (ref == null) {
            return Optional.empty();
        }
        return Optional.of(cached(ref, processDefinitionId + "/start",
                () -> context.runWithoutAuthorization(() -> read(new GetDeployedStartFormCmd(processDefinitionId).execute(context)))));
    }

    private DeployedForm cached(CamundaFormRef ref, String key, Supplier<DeployedForm> reader) {
        if (!DEPLOYMENT_BINDING.equals(ref.getBinding())) {
            // "latest" or a version: another deployment may change what it resolves to
            return reader.get();
        }
        return byDefinitionAndElement.computeIfAbsent(key, ignored -> reader.get());
    }

    private static DeployedForm read(InputStream stream) {
        try (stream) {
            JsonNode json = JSON.readTree(stream);
            return new DeployedForm(json, FormSchema.parse(json));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a deployed form", e);
        }
    }
}
