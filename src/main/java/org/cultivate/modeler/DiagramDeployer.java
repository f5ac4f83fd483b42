package org.cultivate.modeler;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.xml.ModelException;
import org.cultivate.modeler.BoundResources.Resource;
import org.cultivate.system.ApiProblem;
import org.cultivate.system.ApiProblem.FieldError;
import org.cultivate.system.RepositoryDeployment;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Deploys a diagram from the modeler as a new version, together with the forms of the deployment it
 * was opened from (or, for a new diagram, of the repository's latest deployment) and the processes and
 * decisions it binds by deployment ({@link BoundResources}), so that every {@code binding="deployment"}
 * resolves in the new deployment too.
 * <p>
 * Its deployments are named {@value #DEPLOYMENT_NAME}, not {@link RepositoryDeployment#DEPLOYMENT_NAME}: start-up compares
 * processes/ and forms/ only with the repository's own last deployment, so a restart neither redeploys
 * nor undoes what a coordinator deployed. A changed repository (a new release) is deployed again as a whole
 * and becomes the newest version of each of its processes: copy a modeler change into processes/ to keep it.
 */
@Service
class DiagramDeployer {

    static final String DEPLOYMENT_NAME = "cultivate-modeler";
    static final String SOURCE = "cultivate browser modeler";
    private static final String FORM_SUFFIX = ".form";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RepositoryService repositoryService;
    private final DefinitionCatalogue catalogue;
    private final BoundResources boundResources;
    private final EngineUser engineUser;

    DiagramDeployer(RepositoryService repositoryService, DefinitionCatalogue catalogue, BoundResources boundResources, EngineUser engineUser) {
        this.repositoryService = repositoryService;
        this.catalogue = catalogue;
        this.boundResources = boundResources;
        this.engineUser = engineUser;
    }

    /** Deploys as the signed-in user, whom the engine's authorization checks and operation log see. */
    Deployed deploy(String xml, String basedOn) {
        if (xml == null || xml.isBlank()) {
            throw invalid("Send the diagram's XML.", List.of());
        }
        String formsDeploymentId = basedOn == null || basedOn.isBlank()
                ? engineUser.asServer(this::latestRepositoryDeploymentId)
                : catalogue.diagram(basedOn).deploymentId();
        Map<String, String> forms = engineUser.asServer(() -> formsOf(formsDeploymentId));
        List<Resource> formResources = forms.values().stream().map(name -> new Resource(formsDeploymentId, name)).toList();
        if (xml.contains("http://www.omg.org/spec/BPMN/20100524/MODEL")) {
            BpmnModelInstance model = parse(() -> Bpmn.readModelFromStream(stream(xml)), "BPMN");
            String processId = model.getModelElementsByType(Process.class).stream()
                    .filter(Process::isExecutable).findFirst().map(Process::getId)
                    .orElseThrow(() -> invalid("The diagram has no executable process.", List.of()));
            BoundResources.Found bound = boundResources.of(model, processId, forms.keySet());
            refuseBroken(Stream.concat(DiagramConventions.check(model, forms.keySet()).stream(), bound.problems().stream()).toList());
            return deploy("processes/" + processId + ".bpmn", xml, Stream.concat(bound.resources().stream(), formResources.stream()).toList());
        }
        if (xml.contains("/spec/DMN/")) {
            DmnModelInstance model = parse(() -> Dmn.readModelFromStream(stream(xml)), "DMN");
            refuseBroken(DiagramConventions.check(model));
            String decisionId = model.getModelElementsByType(Decision.class).stream().findFirst().map(Decision::getId)
                    .orElseThrow(() -> invalid("The decision diagram has no decision.", List.of()));
            return deploy("processes/" + decisionId + ".dmn", xml, List.of());
        }
        throw invalid("This is neither a BPMN nor a DMN diagram.", List.of());
    }

    private Deployed deploy(String resourceName, String xml, List<Resource> kept) {
        var builder = repositoryService.createDeployment().name(DEPLOYMENT_NAME).source(SOURCE).addString(resourceName, xml);
        var namesByDeployment = new LinkedHashMap<String, List<String>>();
        kept.forEach(resource -> namesByDeployment.computeIfAbsent(resource.deploymentId(), id -> new ArrayList<>()).add(resource.name()));
        namesByDeployment.forEach(builder::addDeploymentResourcesByName);
        DeploymentWithDefinitions deployment;
        try {
            deployment = builder.deployWithResult();
        } catch (ParseException e) {
            throw invalid("The engine cannot run this diagram.", e.getResorceReports().stream().flatMap(DiagramDeployer::errors).toList());
        } catch (AuthorizationException e) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "Not allowed", "You may not deploy: " + e.getMessage());
        }
        var definitions = Stream.concat(
                deployment.getDeployedProcessDefinitions() == null ? Stream.empty()
                        : deployment.getDeployedProcessDefinitions().stream()
                                .map(d -> new DeployedDefinition(d.getId(), d.getKey(), d.getVersion(), d.getResourceName())),
                deployment.getDeployedDecisionDefinitions() == null ? Stream.empty()
                        : deployment.getDeployedDecisionDefinitions().stream()
                                .map(d -> new DeployedDefinition(d.getId(), d.getKey(), d.getVersion(), d.getResourceName())))
                // the diagram's own definition first, then those of the resources it kept
                .sorted(Comparator.comparing((DeployedDefinition d) -> !d.resourceName().equals(resourceName)))
                .toList();
        return new Deployed(deployment.getId(), resourceName, kept.stream().map(Resource::name).toList(), definitions);
    }

    private static Stream<FieldError> errors(ResourceReport report) {
        return report.getErrors().stream().map(problem -> DiagramConventions.problem(
                problem.getMainElementId() == null ? report.getResourceName() : problem.getMainElementId(), "engine", problem.getMessage()));
    }

    private String latestRepositoryDeploymentId() {
        return repositoryService.createDeploymentQuery().deploymentName(RepositoryDeployment.DEPLOYMENT_NAME)
                .orderByDeploymentTime().desc().listPage(0, 1).stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("the repository's processes and forms are not deployed"))
                .getId();
    }

    /** The form id (from each form's JSON) of every form resource in a deployment, mapped to its resource name. */
    private Map<String, String> formsOf(String deploymentId) {
        var forms = new LinkedHashMap<String, String>();
        for (String resource : repositoryService.getDeploymentResourceNames(deploymentId)) {
            if (resource.endsWith(FORM_SUFFIX)) {
                try (InputStream in = repositoryService.getResourceAsStream(deploymentId, resource)) {
                    forms.put(JSON.readTree(in).path("id").asText(), resource);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + resource, e);
                }
            }
        }
        return forms;
    }

    private static void refuseBroken(List<FieldError> problems) {
        if (!problems.isEmpty()) {
            throw invalid("The diagram breaks Cultivate's modelling conventions; nothing was deployed.", problems);
        }
    }

    private static <T> T parse(Supplier<T> parser, String kind) {
        try {
            return parser.get();
        } catch (ModelException e) {
            throw invalid("This is not a readable " + kind + " diagram: " + e.getMessage(), List.of());
        }
    }

    private static ByteArrayInputStream stream(String xml) {
        return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
    }

    private static ApiProblem invalid(String detail, List<FieldError> errors) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "Diagram refused", detail, errors);
    }

    /** What was deployed: the diagram's own definition first in {@code definitions}, then those of the resources it kept. */
    record Deployed(String deploymentId, String resourceName, List<String> resourcesKept, List<DeployedDefinition> definitions) {
    }

    record DeployedDefinition(String id, String key, int version, String resourceName) {
    }
}
