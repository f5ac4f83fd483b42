package org.cultivate.modeler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.cultivate.system.ApiProblem.FieldError;
import org.springframework.stereotype.Component;

/**
 * The processes and decision tables that a diagram finds only in its own deployment (a call activity
 * with {@code calledElementBinding="deployment"}, a business rule task with
 * {@code decisionRefBinding="deployment"}): each goes into the new deployment too, in its newest
 * version, so the binding resolves and no coordinator's newer version of it is undone.
 */
@Component
class BoundResources {

    private static final String DEPLOYMENT_BINDING = "deployment";
    static final String BOUND_BY_DEPLOYMENT = "bound-by-deployment";

    private final RepositoryService repositoryService;
    private final EngineUser engineUser;

    BoundResources(RepositoryService repositoryService, EngineUser engineUser) {
        this.repositoryService = repositoryService;
        this.engineUser = engineUser;
    }

    Found of(BpmnModelInstance model, String processId, Set<String> formIds) {
        return engineUser.asServer(() -> {
            var resources = new LinkedHashMap<String, Resource>();
            var problems = new ArrayList<FieldError>();
            for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
                String key = call.getCalledElement();
                if (!DEPLOYMENT_BINDING.equals(call.getCamundaCalledElementBinding()) || processId.equals(key)) {
                    continue;
                }
                ProcessDefinition called = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
                if (called == null) {
                    problems.add(DiagramConventions.problem(call.getId(), BOUND_BY_DEPLOYMENT, "It calls the process '" + key + "' from its own deployment, but no such process is deployed."));
                    continue;
                }
                resources.putIfAbsent(called.getResourceName(), new Resource(called.getDeploymentId(), called.getResourceName()));
                DiagramConventions.check(repositoryService.getBpmnModelInstance(called.getId()), formIds).forEach(problem ->
                        problems.add(DiagramConventions.problem(problem.field(), problem.rule(), "In the called process '" + key + "': " + problem.message())));
            }
            for (BusinessRuleTask rule : model.getModelElementsByType(BusinessRuleTask.class)) {
                String key = rule.getCamundaDecisionRef();
                if (key == null || !DEPLOYMENT_BINDING.equals(rule.getCamundaDecisionRefBinding())) {
                    continue;
                }
                DecisionDefinition decision = repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion().singleResult();
                if (decision == null) {
                    problems.add(DiagramConventions.problem(rule.getId(), BOUND_BY_DEPLOYMENT, "It evaluates the decision '" + key + "' from its own deployment, but no such decision is deployed."));
                    continue;
                }
                resources.putIfAbsent(decision.getResourceName(), new Resource(decision.getDeploymentId(), decision.getResourceName()));
            }
            return new Found(List.copyOf(resources.values()), problems);
        });
    }

    /** A resource of an earlier deployment that the new one takes over. */
    record Resource(String deploymentId, String name) {
    }

    record Found(List<Resource> resources, List<FieldError> problems) {
    }
}
