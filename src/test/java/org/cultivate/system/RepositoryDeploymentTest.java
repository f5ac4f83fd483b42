package org.cultivate.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** What the repository's processes/ and forms/ hold is what the engine runs, and every reference in them resolves. */
@DefaultProfileTest
class RepositoryDeploymentTest {

    private static final Pattern BEAN_EXPRESSION = Pattern.compile("\\$\\{\\s*([A-Za-z][A-Za-z0-9]*)\\s*[.}]");

    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RepositoryDeployment repositoryDeployment;
    @Autowired
    ApplicationContext context;

    @Test
    void everyFileInProcessesAndFormsIsDeployed() throws IOException {
        List<String> deployed = repositoryService.getDeploymentResourceNames(repositoryDeployment.deployment().getId());

        assertThat(deployed).containsExactlyInAnyOrderElementsOf(filesIn("processes", "forms"));
        assertThat(deployed).contains("processes/conduct-incident.bpmn", "forms/incident-report.form");
    }

    @Test
    void everyFormRefResolvesToAFormOfTheSameDeployment() throws IOException {
        for (ProcessDefinition definition : latestDefinitions()) {
            Set<String> formIds = formIdsOf(definition.getDeploymentId());
            var model = repositoryService.getBpmnModelInstance(definition.getId());
            var refs = new HashSet<String>();
            model.getModelElementsByType(StartEvent.class).forEach(start -> refs.add(start.getCamundaFormRef()));
            model.getModelElementsByType(UserTask.class).forEach(task -> {
                assertThat(task.getCamundaFormRef()).as("form of %s in %s", task.getId(), definition.getKey()).isNotNull();
                assertThat(task.getCamundaFormRefBinding()).isEqualTo("deployment");
                refs.add(task.getCamundaFormRef());
            });
            refs.remove(null);
            assertThat(formIds).as("forms deployed with %s", definition.getKey()).containsAll(refs);
        }
    }

    @Test
    void everyBeanThatABpmnNamesExists() throws IOException {
        var names = new HashSet<String>();
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            for (Path bpmn : files.filter(file -> file.toString().endsWith(".bpmn")).toList()) {
                Matcher matcher = BEAN_EXPRESSION.matcher(Files.readString(bpmn));
                while (matcher.find()) {
                    names.add(matcher.group(1));
                }
            }
        }
        // process variables also appear in expressions; what ends in Delegate or is a known service must be a bean
        var beans = names.stream().filter(name -> name.endsWith("Delegate") || name.equals("caseTracking")).toList();
        assertThat(beans).contains("sendEmailDelegate", "caseTracking");
        assertThat(beans).allSatisfy(bean -> assertThat(context.containsBean(bean)).as(bean).isTrue());
    }

    @Test
    void everyProcessHasAHistoryTimeToLive() {
        assertThat(latestDefinitions()).isNotEmpty()
                .allSatisfy(definition -> assertThat(definition.getHistoryTimeToLive()).as(definition.getKey()).isPositive());
    }

    @Test
    void anUnchangedRepositoryIsNotDeployedAgain() {
        var again = new RepositoryDeployment(repositoryService);

        assertThat(again.deployment().getId()).isEqualTo(repositoryDeployment.deployment().getId());
        assertThat(repositoryService.createDeploymentQuery().deploymentName(RepositoryDeployment.DEPLOYMENT_NAME).count()).isEqualTo(1);
    }

    private List<ProcessDefinition> latestDefinitions() {
        return repositoryService.createProcessDefinitionQuery().latestVersion().list();
    }

    private Set<String> formIdsOf(String deploymentId) throws IOException {
        var ids = new HashSet<String>();
        var json = new ObjectMapper();
        for (String name : repositoryService.getDeploymentResourceNames(deploymentId)) {
            if (name.endsWith(".form")) {
                ids.add(json.readTree(repositoryService.getResourceAsStream(deploymentId, name)).path("id").asText());
            }
        }
        return ids;
    }

    private static List<String> filesIn(String... folders) throws IOException {
        var names = new java.util.ArrayList<String>();
        for (String folder : folders) {
            try (Stream<Path> files = Files.walk(Path.of(folder))) {
                // forms/i18n/ holds the forms' translations for the portal, which the engine never reads
                files.filter(Files::isRegularFile).filter(file -> !file.startsWith(Path.of("forms", "i18n")))
                        .forEach(file -> names.add(file.toString().replace('\\', '/')));
            }
        }
        return names;
    }
}
