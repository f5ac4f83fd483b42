package org.cultivate.modeler;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.cultivate.system.DefaultProfileTest;
import org.cultivate.system.RepositoryDeployment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The browser modeler's API: what coordinators see, deploy and migrate, and what everyone else may not. */
@DefaultProfileTest
class ModelerApiTest {

    /** The test diagrams start with the acknowledgement form, whose severity is required. */
    private static final Map<String, Object> SEVERITY_LOW = Map.of("severity", "low");

    @Autowired
    TestRestTemplate http;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    RepositoryDeployment repositoryDeployment;

    @Test
    void listsProcessesAndDecisionTablesWithTheirVersionsAndRunningCases() {
        String running = runtimeService.startProcessInstanceByKey("conflict-declaration",
                Map.of("member", "bob", "caseLabel", "calm-otter-17")).getProcessDefinitionId();

        ResponseEntity<JsonNode> response = http.withBasicAuth("gita", "gita").getForEntity("/api/modeler/definitions", JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode declaration = definition(response.getBody(), "conflict-declaration");
        assertThat(declaration.path("type").asText()).isEqualTo("bpmn");
        assertThat(declaration.path("name").asText()).isEqualTo("Conflict-of-interest declaration");
        assertThat(declaration.path("versions").findValuesAsText("deploymentName")).contains(RepositoryDeployment.DEPLOYMENT_NAME);
        assertThat(declaration.path("versions").get(0).path("version").asInt()).isEqualTo(
                repositoryService.createProcessDefinitionQuery().processDefinitionKey("conflict-declaration").latestVersion().singleResult().getVersion());
        assertThat(versionOf(declaration, running).path("runningCases").asLong()).isPositive();
        JsonNode triage = definition(response.getBody(), "conduct-triage");
        assertThat(triage.path("type").asText()).isEqualTo("dmn");
        assertThat(triage.path("versions").get(0).has("runningCases")).isFalse();
    }

    @Test
    void givesTheXmlOfAVersionAndNotFoundForAnUnknownOne() {
        String id = latest("conduct-incident");

        ResponseEntity<String> xml = http.withBasicAuth("gita", "gita").getForEntity("/api/modeler/definitions/" + id + "/xml", String.class);
        ResponseEntity<String> unknown = http.withBasicAuth("gita", "gita").getForEntity("/api/modeler/definitions/no-such:1:id/xml", String.class);

        assertThat(xml.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(xml.getBody()).contains("<bpmn:process id=\"conduct-incident\"");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void deploysANewVersionThatKeepsTheFormsAndNamesWhoDeployedIt() {
        ResponseEntity<JsonNode> deployed = deploy("gita", resource("two-steps.bpmn"), latest("conduct-incident"));

        assertThat(deployed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String deploymentId = deployed.getBody().path("deploymentId").asText();
        assertThat(repositoryService.getDeploymentResourceNames(deploymentId))
                .contains("processes/modeler-two-steps.bpmn", "forms/acknowledge-report.form", "forms/incident-report.form");
        String definitionId = deployed.getBody().path("definitions").get(0).path("id").asText();
        runtimeService.startProcessInstanceById(definitionId, SEVERITY_LOW);
        String taskId = taskService.createTaskQuery().processDefinitionId(definitionId).singleResult().getId();
        ResponseEntity<JsonNode> form = http.withBasicAuth("demo", "demo").getForEntity("/engine-rest/task/" + taskId + "/deployed-form", JsonNode.class);
        assertThat(form.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(form.getBody().path("id").asText()).isEqualTo("acknowledge-report");

        JsonNode history = definition(http.withBasicAuth("demo", "demo").getForObject("/api/modeler/definitions", JsonNode.class), "modeler-two-steps");
        JsonNode version = versionOf(history, definitionId);
        assertThat(version.path("deployedBy").asText()).isEqualTo("gita");
        assertThat(version.path("deploymentName").asText()).isEqualTo(DiagramDeployer.DEPLOYMENT_NAME);
        assertThat(version.path("deployedAt").asText()).isNotBlank();
    }

    @Test
    void refusesADiagramThatBreaksTheConventionsNamingEachElement() {
        ResponseEntity<JsonNode> refused = deploy("gita", resource("broken.bpmn"), null);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.getBody().path("errors").findValuesAsText("field")).containsExactlyInAnyOrder(
                "StartEvent_1", "Flow_0k2x9ab", "Activity_0abc123", "modeler-broken",
                "StartEvent_1", "Activity_0abc123", "UserTask_UnknownForm", "UserTask_LatestBinding");
        assertThat(refused.getBody().path("errors").findValuesAsText("rule")).contains(
                "cultivate/meaningful-ids", "cultivate/history-time-to-live", "cultivate/form-required");
        assertThat(refused.getBody().path("errors").findValuesAsText("message"))
                .anySatisfy(message -> assertThat(message).contains("no form 'no-such-form'"))
                .anySatisfy(message -> assertThat(message).contains("history time to live"));
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("modeler-broken").count()).isZero();
    }

    @Test
    void refusesWhatTheEngineCannotRunWithItsMessageAndTheElement() {
        ResponseEntity<JsonNode> refused = deploy("gita", resource("unparseable.bpmn"), latest("conduct-incident"));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().path("errors").findValuesAsText("field")).contains("Timer_Wait");
        assertThat(refused.getBody().path("errors").findValuesAsText("message")).anySatisfy(message -> assertThat(message).containsIgnoringCase("timer"));
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("modeler-unparseable").count()).isZero();
    }

    @Test
    void refusesAnythingThatIsNotADiagram() {
        ResponseEntity<JsonNode> refused = deploy("gita", "<html>not a diagram</html>", null);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().path("detail").asText()).contains("neither a BPMN nor a DMN");
    }

    @Test
    void migratesTheCasesTheEngineCanMapAndListsTheOthersWithTheReason() {
        String older = deploy("gita", resource("two-steps.bpmn"), latest("conduct-incident")).getBody().path("definitions").get(0).path("id").asText();
        String waitingInFirst = runtimeService.startProcessInstanceById(older, "MIGRATE-FIRST", SEVERITY_LOW).getId();
        String waitingInSecond = runtimeService.startProcessInstanceById(older, "MIGRATE-SECOND", SEVERITY_LOW).getId();
        taskService.complete(taskService.createTaskQuery().processInstanceId(waitingInSecond).singleResult().getId(), SEVERITY_LOW);
        String newer = deploy("gita", resource("one-step.bpmn"), older).getBody().path("definitions").get(0).path("id").asText();

        ResponseEntity<JsonNode> result = http.withBasicAuth("gita", "gita").postForEntity("/api/modeler/migrations",
                Map.of("sourceDefinitionId", older, "targetDefinitionId", newer), JsonNode.class);

        assertThat(result.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(result.getBody().path("migrated").get(0).asText()).isEqualTo(waitingInFirst);
        assertThat(result.getBody().path("migrated")).hasSize(1);
        JsonNode notMigrated = result.getBody().path("notMigrated");
        assertThat(notMigrated).hasSize(1);
        assertThat(notMigrated.get(0).path("processInstanceId").asText()).isEqualTo(waitingInSecond);
        assertThat(notMigrated.get(0).path("businessKey").asText()).isEqualTo("MIGRATE-SECOND");
        assertThat(notMigrated.get(0).path("reasons").get(0).asText()).contains("UserTask_Second");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(waitingInFirst).singleResult().getProcessDefinitionId()).isEqualTo(newer);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(waitingInSecond).singleResult().getProcessDefinitionId()).isEqualTo(older);
    }

    @Test
    void aRestartDoesNotUndoWhatACoordinatorDeployed() {
        String repositoryVersion = latest("conduct-incident");
        String xml = http.withBasicAuth("gita", "gita").getForObject("/api/modeler/definitions/" + repositoryVersion + "/xml", String.class);
        JsonNode deployed = deploy("demo", xml, repositoryVersion).getBody();
        String modelerVersion = deployed.path("definitions").get(0).path("id").asText();
        String triage = repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("conduct-triage").latestVersion().singleResult().getId();
        String table = http.withBasicAuth("gita", "gita").getForObject("/api/modeler/definitions/" + triage + "/xml", String.class);
        ResponseEntity<JsonNode> decision = deploy("gita", table, triage);

        var atNextStart = new RepositoryDeployment(repositoryService);

        assertThat(decision.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(decision.getBody().path("resourcesKept")).isEmpty();
        assertThat(atNextStart.deployment().getId()).isEqualTo(repositoryDeployment.deployment().getId());
        assertThat(latest("conduct-incident")).isEqualTo(modelerVersion);
        assertThat(repositoryService.getDeploymentResourceNames(deployed.path("deploymentId").asText()))
                .as("the process conduct-incident calls from its own deployment, and the forms")
                .contains("processes/conduct-incident.bpmn", "processes/conflict-declaration.bpmn", "forms/conflict-declaration.form");
    }

    @Test
    void refusesACallToAProcessThatItsDeploymentWouldNotHold() {
        ResponseEntity<JsonNode> refused = deploy("gita", resource("calls-missing.bpmn"), null);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().path("errors").findValuesAsText("field")).containsExactly("CallActivity_Missing");
        assertThat(refused.getBody().path("errors").get(0).path("message").asText()).contains("no-such-process");
    }

    @Test
    void aCoordinatorDeploysWithTheFormsThroughTheEndpointTheDesktopModelerUses() throws IOException {
        var parts = new LinkedMultiValueMap<String, Object>();
        parts.add("deployment-name", "modeler-two-steps");
        parts.add("deployment-source", "Camunda Modeler");
        parts.add("data", named("modeler-two-steps.bpmn", resource("two-steps.bpmn")));
        for (String form : List.of("acknowledge-report", "investigate")) {
            parts.add(form, named(form + ".form", Files.readString(Path.of("forms", form + ".form"))));
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);

        ResponseEntity<JsonNode> created = http.withBasicAuth("gita", "gita")
                .postForEntity("/engine-rest/deployment/create", new HttpEntity<>(parts, headers), JsonNode.class);

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.OK);
        String definitionId = created.getBody().path("deployedProcessDefinitions").fieldNames().next();
        runtimeService.startProcessInstanceById(definitionId, SEVERITY_LOW);
        String taskId = taskService.createTaskQuery().processDefinitionId(definitionId).singleResult().getId();
        assertThat(http.withBasicAuth("demo", "demo").getForObject("/engine-rest/task/" + taskId + "/deployed-form", JsonNode.class)
                .path("id").asText()).isEqualTo("acknowledge-report");
        assertThat(http.withBasicAuth("alice", "alice").postForEntity("/engine-rest/deployment/create",
                new HttpEntity<>(parts, headers), JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private static ByteArrayResource named(String fileName, String content) {
        return new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return fileName;
            }
        };
    }

    @Test
    void onlyCoordinatorsAndAdministratorsMayUseIt() {
        assertThat(http.getForEntity("/api/modeler/definitions", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("alice", "alice").getForEntity("/api/modeler/definitions", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(deploy("alice", resource("two-steps.bpmn"), null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.postForEntity("/api/modeler/migrations", Map.of("sourceDefinitionId", "a", "targetDefinitionId", "b"), JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private ResponseEntity<JsonNode> deploy(String user, String xml, String basedOn) {
        var body = new HashMap<String, String>();
        body.put("xml", xml);
        body.put("basedOn", basedOn);
        return http.withBasicAuth(user, user).postForEntity("/api/modeler/deployments", body, JsonNode.class);
    }

    private String latest(String key) {
        return repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult().getId();
    }

    private static JsonNode definition(JsonNode definitions, String key) {
        for (JsonNode definition : definitions) {
            if (definition.path("key").asText().equals(key)) {
                return definition;
            }
        }
        throw new AssertionError("no definition " + key + " in " + definitions);
    }

    private static JsonNode versionOf(JsonNode definition, String id) {
        for (JsonNode version : definition.path("versions")) {
            if (version.path("id").asText().equals(id)) {
                return version;
            }
        }
        throw new AssertionError("no version " + id + " in " + definition);
    }

    private static String resource(String name) {
        try {
            return new ClassPathResource("modeler/" + name).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
