package org.cultivate.modeler;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.cultivate.system.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/** The deployed processes and decision tables, every version, who deployed it and how many cases run on it. */
@Service
class DefinitionCatalogue {

    static final String BPMN = "bpmn";
    static final String DMN = "dmn";

    private final RepositoryService repositoryService;
    private final RuntimeService runtimeService;
    private final HistoryService historyService;
    private final EngineUser engineUser;

    DefinitionCatalogue(RepositoryService repositoryService, RuntimeService runtimeService, HistoryService historyService, EngineUser engineUser) {
        this.repositoryService = repositoryService;
        this.runtimeService = runtimeService;
        this.historyService = historyService;
        this.engineUser = engineUser;
    }

    List<Definition> definitions() {
        return engineUser.asServer(() -> {
            Map<String, Deployment> deployments = repositoryService.createDeploymentQuery().list().stream()
                    .collect(Collectors.toMap(Deployment::getId, Function.identity()));
            var byKey = new LinkedHashMap<String, List<Version>>();
            var names = new LinkedHashMap<String, Definition>();
            for (ProcessDefinition definition : repositoryService.createProcessDefinitionQuery()
                    .orderByProcessDefinitionKey().asc().orderByProcessDefinitionVersion().desc().list()) {
                long running = runtimeService.createProcessInstanceQuery().processDefinitionId(definition.getId()).count();
                byKey.computeIfAbsent(definition.getKey(), key -> new ArrayList<>())
                        .add(version(definition.getId(), definition.getVersion(), deployments.get(definition.getDeploymentId()), running));
                names.putIfAbsent(definition.getKey(), new Definition(BPMN, definition.getKey(), definition.getName(), List.of()));
            }
            for (DecisionDefinition definition : repositoryService.createDecisionDefinitionQuery()
                    .orderByDecisionDefinitionKey().asc().orderByDecisionDefinitionVersion().desc().list()) {
                byKey.computeIfAbsent(definition.getKey(), key -> new ArrayList<>())
                        .add(version(definition.getId(), definition.getVersion(), deployments.get(definition.getDeploymentId()), null));
                names.putIfAbsent(definition.getKey(), new Definition(DMN, definition.getKey(), definition.getName(), List.of()));
            }
            return names.values().stream()
                    .map(definition -> new Definition(definition.type(), definition.key(), definition.name(), byKey.get(definition.key())))
                    .sorted(Comparator.comparing(Definition::type).thenComparing(Definition::key))
                    .toList();
        });
    }

    /** The diagram of one version: a process definition's BPMN or a decision definition's DMN. */
    Diagram diagram(String definitionId) {
        return engineUser.asServer(() -> {
            ProcessDefinition process = repositoryService.createProcessDefinitionQuery().processDefinitionId(definitionId).singleResult();
            if (process != null) {
                return new Diagram(BPMN, process.getKey(), process.getDeploymentId(), process.getResourceName(),
                        read(process.getDeploymentId(), process.getResourceName()));
            }
            DecisionDefinition decision = repositoryService.createDecisionDefinitionQuery().decisionDefinitionId(definitionId).singleResult();
            if (decision != null) {
                return new Diagram(DMN, decision.getKey(), decision.getDeploymentId(), decision.getResourceName(),
                        read(decision.getDeploymentId(), decision.getResourceName()));
            }
            throw new ApiProblem(HttpStatus.NOT_FOUND, "No such definition", "No process or decision definition has the id " + definitionId + ".");
        });
    }

    private String read(String deploymentId, String resourceName) {
        try (InputStream in = repositoryService.getResourceAsStream(deploymentId, resourceName)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Version version(String id, int version, Deployment deployment, Long runningCases) {
        return new Version(id, version, deployment.getId(), deployment.getName(), deployment.getSource(),
                deployment.getDeploymentTime().toInstant(), deployedBy(deployment.getId()), runningCases);
    }

    /** The user the engine's operation log names for a deployment; none for the repository's deployments at start-up. */
    private String deployedBy(String deploymentId) {
        return historyService.createUserOperationLogQuery()
                .deploymentId(deploymentId)
                .entityType(EntityTypes.DEPLOYMENT)
                .operationType(UserOperationLogEntry.OPERATION_TYPE_CREATE)
                .list().stream()
                .map(UserOperationLogEntry::getUserId)
                .findFirst().orElse(null);
    }

    record Definition(String type, String key, String name, List<Version> versions) {
    }

    /** One version; {@code runningCases} is absent for decision tables, which have no cases of their own. */
    record Version(String id, int version, String deploymentId, String deploymentName, String source,
            Instant deployedAt, String deployedBy, Long runningCases) {
    }

    record Diagram(String type, String key, String deploymentId, String resourceName, String xml) {
    }
}
