package org.cultivate.web;

import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.cultivate.system.DefaultProfileTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A committee member signs in on Cultivate's sign-in page, finds a new conduct case in Tasklist,
 * claims the acknowledgement and completes it through its Camunda Form, as a person would.
 */
@DefaultProfileTest
class TasklistBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;

    @Test
    void aCommitteeMemberClaimsAndCompletesATaskThroughItsForm() {
        String caseId = reportClearedForAlice();
        String taskId = await().atMost(Duration.ofSeconds(30)).until(() -> taskService.createTaskQuery()
                .processInstanceId(caseId).taskDefinitionKey("UserTask_AcknowledgeReport").singleResult(), task -> task != null).getId();
        String taskName = taskService.createTaskQuery().taskId(taskId).singleResult().getName();

        try (Browser browser = Browser.open(Browser.DESKTOP, "en")) {
            var driver = browser.driver();
            driver.get(base() + "/camunda/app/tasklist/default/");
            browser.waiting().until(ExpectedConditions.urlContains("/login"));
            browser.screenshot("sign-in");
            driver.findElement(By.id("username")).sendKeys("alice");
            driver.findElement(By.id("password")).sendKeys("alice");
            driver.findElement(By.id("login-submit")).click();

            // Tasklist opens signed in; the case's task is in the "All tasks" filter
            browser.click(By.xpath("//*[contains(@class,'tasks-list')]//a[normalize-space()='" + taskName + "']"));
            browser.click(By.xpath("//button[normalize-space()='Claim']"));
            // the Camunda Form of the task, rendered by Tasklist's form-js: choose by the labels people see
            browser.click(By.xpath("//*[contains(@class,'fjs-form')]//label[normalize-space()='Medium']/input"));
            driver.findElement(By.cssSelector(".fjs-form textarea[id$='Field_AcknowledgementMessage']"))
                    .sendKeys("Thank you for telling us. We are on it.");
            browser.screenshot("tasklist-acknowledge");
            browser.click(By.cssSelector("button.btn-primary[ng-click='complete()']"));

            await().atMost(Duration.ofSeconds(20)).until(() -> historyService.createHistoricTaskInstanceQuery()
                    .taskId(taskId).finished().count() == 1);
            assertThat(historyService.createHistoricTaskInstanceQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo("alice");
            assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(caseId).variableName("severity")
                    .singleResult().getValue()).isEqualTo("medium");
            assertThat(browser.requestedOrigins()).containsExactly(base());
        }
    }

    /** A new report, and alice declaring that she has no conflict, so the case is hers to see. */
    private String reportClearedForAlice() {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        String reference = http.postForObject("/api/forms/incident-report/submissions",
                new HttpEntity<>(Map.of("description", "Slurs in the project chat, twice this week."), headers), JsonNode.class)
                .path("reference").asText();
        String caseId = await().atMost(Duration.ofSeconds(30)).until(() -> runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(reference).singleResult(), found -> found != null).getId();
        var declaration = await().atMost(Duration.ofSeconds(30)).until(() -> taskService.createTaskQuery()
                .taskAssignee("alice").taskDefinitionKey("UserTask_DeclareConflict").processVariableValueEquals("caseId", caseId)
                .singleResult(), found -> found != null);
        taskService.complete(declaration.getId(), Map.of("hasConflict", false));
        return caseId;
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
