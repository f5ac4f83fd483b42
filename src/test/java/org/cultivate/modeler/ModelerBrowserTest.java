package org.cultivate.modeler;


import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.cultivate.system.DefaultProfileTest;
import org.cultivate.web.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A coordinator changes conduct-incident in the browser modeler, meets the lint, deploys, and new reports start the new version. */
@DefaultProfileTest
class ModelerBrowserTest {

    /** The test diagrams start with the acknowledgement form, whose severity is required. */
    private static final Map<String, Object> SEVERITY_LOW = Map.of("severity", "low");

    private static final String TASK = "UserTask_EscalatedDecision";
    private static final String NEW_NAME = "Decide ${codeName} (escalated to the administrators)";

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    HistoryService historyService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;

    Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = Browser.open(Browser.DESKTOP, "en");
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void aCoordinatorRenamesATaskMeetsTheLintDeploysAndNewReportsStartTheNewVersion() {
        var driver = browser.driver();
        signIn("gita", "/modeler");
        WebElement open = browser.waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector("a[aria-label='Open conduct-incident']")));
        browser.screenshot("modeler-list");
        open.click();

        WebElement task = browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("g.djs-element[data-element-id='" + TASK + "']")));
        browser.waiting().until(ExpectedConditions.textToBe(By.id("lint-summary"), "No errors"));
        task.click();
        WebElement name = propertiesInput("general", "name");
        name.sendKeys(Keys.chord(Keys.CONTROL, "a"), NEW_NAME);

        WebElement formRef = formReference();
        formRef.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("problems"), TASK));
        assertThat(driver.findElement(By.id("problems")).getText()).contains("Needs a form");
        assertThat(driver.findElement(By.id("deploy")).isEnabled()).isFalse();
        browser.screenshot("modeler-lint-error");

        formReference().sendKeys("propose-resolution");
        browser.waiting().until(ExpectedConditions.textToBe(By.id("lint-summary"), "No errors"));
        WebElement deploy = browser.waiting().until(ExpectedConditions.elementToBeClickable(By.id("deploy")));
        deploy.click();
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Deployed conduct-incident version"));
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#versions tr.current"), "gita"));
        browser.screenshot("modeler-deployed");

        var latest = repositoryService.createProcessDefinitionQuery().processDefinitionKey("conduct-incident").latestVersion().singleResult();
        assertThat(repositoryService.getBpmnModelInstance(latest.getId()).<UserTask>getModelElementById(TASK).getName()).isEqualTo(NEW_NAME);
        String reference = report().getBody().path("reference").asText();
        var newCase = historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(reference).singleResult();
        assertThat(newCase.getProcessDefinitionId()).isEqualTo(latest.getId());
        // the conflict declarations it calls from its own deployment came along with it
        await().atMost(Duration.ofSeconds(60)).until(() ->
                runtimeService.createProcessInstanceQuery().superProcessInstanceId(newCase.getId()).count() > 0);
        assertThat(browser.requestedOrigins()).containsOnly(base());
        assertThat(contentSecurityPolicyViolations()).isEmpty();
    }

    @Test
    void aNewProcessStartsFromATemplateThatKeepsTheConventionsAndDecisionTablesOpenInTheirEditor() {
        var driver = browser.driver();
        signIn("demo", "/modeler/edit?new=bpmn");
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("g.djs-element[data-element-id='StartEvent_Started']")));
        browser.waiting().until(ExpectedConditions.textToBe(By.id("lint-summary"), "No errors"));
        assertThat(driver.findElement(By.id("deploy")).isEnabled()).isTrue();
        assertThat(driver.findElement(By.id("title")).getText()).isEqualTo("New process");

        driver.get(base() + "/modeler");
        browser.waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector("a[aria-label='Open conduct-triage']"))).click();
        WebElement table = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".tjs-table")));
        assertThat(table.getText()).contains("Severity", "critical");
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("versions"), "at start-up"));
        browser.screenshot("modeler-decision-table");
        assertThat(browser.requestedOrigins()).containsOnly(base());
        assertThat(contentSecurityPolicyViolations()).isEmpty();
    }

    @Test
    void aCoordinatorMigratesRunningCasesAndSeesWhichCouldNotMove() throws IOException {
        String older = deployFixture("two-steps.bpmn", repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey("conduct-incident").latestVersion().singleResult().getId());
        runtimeService.startProcessInstanceById(older, "BROWSER-FIRST", SEVERITY_LOW);
        String inSecond = runtimeService.startProcessInstanceById(older, "BROWSER-SECOND", SEVERITY_LOW).getId();
        taskService.complete(taskService.createTaskQuery().processInstanceId(inSecond).singleResult().getId(), SEVERITY_LOW);
        String newer = deployFixture("one-step.bpmn", older);
        var driver = browser.driver();
        signIn("gita", "/modeler/edit?id=" + newer);
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("migrate-submit")));
        new Select(driver.findElement(By.id("migrate-from"))).selectByValue(older);
        new Select(driver.findElement(By.id("migrate-to"))).selectByValue(newer);
        driver.findElement(By.id("migrate-submit")).click();

        WebElement result = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#migration-result ul")));
        assertThat(driver.findElement(By.id("migration-result")).getText()).contains("Migrated 1 case.", "1 could not be migrated");
        assertThat(result.getText()).contains("BROWSER-SECOND", "UserTask_Second");
        new Actions(driver).scrollToElement(result).perform();
        browser.screenshot("modeler-migration");
    }

    private String deployFixture(String name, String basedOn) throws IOException {
        String xml = new ClassPathResource("modeler/" + name).getContentAsString(StandardCharsets.UTF_8);
        return http.withBasicAuth("gita", "gita").postForObject("/api/modeler/deployments", Map.of("xml", xml, "basedOn", basedOn), JsonNode.class)
                .path("definitions").get(0).path("id").asText();
    }

    /** What the browser refused under the pages' Content-Security-Policy, from its console. */
    private List<String> contentSecurityPolicyViolations() {
        return browser.driver().manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy"))
                .toList();
    }

    private WebElement formReference() {
        return propertiesInput("CamundaPlatform__Form", "formRef");
    }

    /** An input of the properties panel, its group opened first as a person would. */
    private WebElement propertiesInput(String group, String input) {
        By field = By.id("bio-properties-panel-" + input);
        if (browser.driver().findElements(field).stream().noneMatch(WebElement::isDisplayed)) {
            browser.driver().findElement(By.cssSelector("[data-group-id='group-" + group + "'] .bio-properties-panel-group-header")).click();
        }
        return browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(field));
    }

    /** Opens a page of the modeler, which sends an anonymous browser to the sign-in form first. */
    private void signIn(String user, String path) {
        var driver = browser.driver();
        driver.get(base() + path);
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(user);
        driver.findElement(By.id("login-submit")).click();
        browser.waiting().until(ExpectedConditions.urlContains(base() + path));
    }

    private ResponseEntity<JsonNode> report() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity("/api/forms/incident-report/submissions", new HttpEntity<>("""
                {"description": "Someone shouted at me during the meetup.", "location": "event", "ongoingDanger": false}""", headers), JsonNode.class);
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
