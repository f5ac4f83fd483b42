package org.cultivate.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.springframework.stereotype.Component;

/**
 * The public start forms: those of the latest version of each process whose start event has a
 * {@code camunda:formRef} and the extension property {@code public=true}. A process without that
 * property is started only from inside (by a committee, another process) and takes no submissions.
 * The form JSON is the one deployed with the process, the same that Tasklist and the portal render.
 */
@Component
class StartForms {

    static final String PUBLIC_PROPERTY = "public";

    private final RepositoryService repositoryService;
    private final FormService formService;
    private final ObjectMapper objectMapper;
    /** Deployed definitions never change, so what is read from one is kept by its id. */
    private final Map<String, Optional<StartForm>> byDefinitionId = new ConcurrentHashMap<>();

    StartForms(RepositoryService repositoryService, FormService formService, ObjectMapper objectMapper) {
        this.repositoryService = repositoryService;
        this.formService = formService;
        this.objectMapper = objectMapper;
    }

    /** A public start form, with the process definition that a submission of it starts and its JSON as deployed. */
    record StartForm(String formId, String title, String processKey, String processDefinitionId, FormSchema schema, JsonNode json) {
    }

    List<StartForm> all() {
        return repositoryService.createProcessDefinitionQuery().latestVersion().active().list().stream()
                .map(this::startFormOf)
                .flatMap(Optional::stream)
                .sorted(Comparator.comparing(StartForm::title))
                .toList();
    }

    Optional<StartForm> find(String formId) {
        return all().stream().filter(form -> form.formId().equals(formId)).findFirst();
    }

    private Optional<StartForm> startFormOf(ProcessDefinition definition) {
        return byDefinitionId.computeIfAbsent(definition.getId(), id -> read(definition));
    }

    private Optional<StartForm> read(ProcessDefinition definition) {
        var model = repositoryService.getBpmnModelInstance(definition.getId());
        Optional<StartEvent> publicStart = model.getModelElementsByType(StartEvent.class).stream()
                .filter(start -> start.getCamundaFormRef() != null && isPublic(start))
                .findFirst();
        if (publicStart.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream json = formService.getDeployedStartForm(definition.getId())) {
            JsonNode form = objectMapper.readTree(json);
            FormSchema schema = FormSchema.parse(form);
            String title = Objects.requireNonNullElse(schema.title(), definition.getName());
            return Optional.of(new StartForm(schema.id(), title, definition.getKey(), definition.getId(), schema, form));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the start form of " + definition.getKey(), e);
        }
    }

    private static boolean isPublic(StartEvent start) {
        return start.getExtensionElements() != null && start.getExtensionElements()
                .getElementsQuery().filterByType(CamundaProperties.class).list().stream()
                .flatMap(properties -> properties.getCamundaProperties().stream())
                .anyMatch(property -> PUBLIC_PROPERTY.equals(property.getCamundaName())
                        && "true".equals(property.getCamundaValue()));
    }
}
