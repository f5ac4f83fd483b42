package org.cultivate.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.cultivate.system.DefaultProfileTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.interactions.Actions;
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
 * claims the acknowledgement and completes it through its Camunda Form, as a person would. The
 * webapps carry Cultivate's name, her committee's filters, and not Camunda's end-of-life banner.
 */
@DefaultProfileTest
class TasklistBrowserTest {

    private static final String WAITING = "Waiting for the conduct committee";
    /** Camunda 7.24's banner on every webapp page (BANNER_CE_EOL_TEXT); any part of it must not show. */
    private static final List<String> BANNER = List.of("migrate to Camunda 8", "Camunda 7 CE");

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
        Task acknowledgement = acknowledgement(caseId);
        String taskId = acknowledgement.getId();
        String taskName = acknowledgement.getName();

        try (Browser browser = Browser.open(Browser.DESKTOP, "en")) {
            var driver = browser.driver();
            fillInSignIn(browser, "alice", "/camunda/app/tasklist/default/");
            browser.screenshot("sign-in");
            driver.findElement(By.id("login-submit")).click();

            // Tasklist opens signed in; the case's task waits for the committee
            openFilter(browser, WAITING);
            browser.click(task(taskName));
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

    @Test
    void tasklistSpeaksForCultivateAndListsTheCommitteesFilters() {
        String taskName = acknowledgement(reportClearedForAlice()).getName();
        try (Browser browser = Browser.open(Browser.DESKTOP, "en")) {
            var driver = browser.driver();
            fillInSignIn(browser, "alice", "/camunda/app/tasklist/default/");
            driver.findElement(By.id("login-submit")).click();

            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(filter("Conflict declarations")));
            // a filter's name, without the count Tasklist shows beside the open one
            assertThat(driver.executeScript(
                    "return Array.from(document.querySelectorAll('.task-filters h4 a'), a => a.firstChild.textContent.trim())"))
                    .asInstanceOf(InstanceOfAssertFactories.LIST)
                    .containsExactly("My conduct cases", WAITING, "Overdue conduct cases", "Conduct incidents", "Conflict declarations");
            openFilter(browser, WAITING);
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(task(taskName)));
            assertSpeaksForCultivate(browser, "Cultivate Tasklist");
            // away from the filter, whose description shows while the pointer rests on it
            new Actions(driver).moveToElement(driver.findElement(task(taskName))).perform();
            browser.screenshot("tasklist-filters");
        }
    }

    @Test
    void cockpitAdminAndWelcomeSpeakForCultivateToo() {
        try (Browser browser = Browser.open(Browser.DESKTOP, "en")) {
            fillInSignIn(browser, "demo", "/camunda/app/cockpit/default/");
            browser.driver().findElement(By.id("login-submit")).click();
            assertSpeaksForCultivate(browser, "Cultivate Cockpit");
            for (var app : Map.of("admin", "Cultivate Admin", "welcome", "Cultivate Welcome").entrySet()) {
                browser.driver().get(base() + "/camunda/app/" + app.getKey() + "/default/");
                assertSpeaksForCultivate(browser, app.getValue());
            }
        }
    }

    /** The page's header names Cultivate, without Camunda's logo and banner, loaded from this server under its CSP. */
    private void assertSpeaksForCultivate(Browser browser, String brand) {
        var driver = browser.driver();
        browser.waiting().until(ExpectedConditions.textToBe(By.cssSelector(".navbar-brand .brand-name"), brand));
        assertThat(driver.getTitle()).startsWith(brand);
        assertThat(driver.findElements(By.cssSelector(".ce-eol-banner, .navbar-brand .brand-logo"))).isEmpty();
        String everything = (String) driver.executeScript("return document.documentElement.outerHTML");
        assertThat(BANNER).allSatisfy(part -> assertThat(everything).doesNotContain(part));
        assertThat(browser.contentSecurityPolicyViolations()).isEmpty();
        assertThat(browser.requestedOrigins()).containsExactly(base());
    }

    /** Opens the page, which sends to Cultivate's sign-in page, and fills that in for the demo user. */
    private void fillInSignIn(Browser browser, String user, String page) {
        browser.driver().get(base() + page);
        browser.waiting().until(ExpectedConditions.urlContains("/login"));
        browser.driver().findElement(By.id("username")).sendKeys(user);
        browser.driver().findElement(By.id("password")).sendKeys(user);
    }

    private static By task(String name) {
        return By.xpath("//*[contains(@class,'tasks-list')]//a[normalize-space()='" + name + "']");
    }

    /** Opens the filter once Tasklist has opened its first one (which would otherwise replace a filter opened earlier). */
    private static void openFilter(Browser browser, String name) {
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".task-filter.active")));
        browser.click(filter(name));
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//*[contains(@class,'task-filter') and contains(@class,'active')]//h4/a[normalize-space(text()[1])='" + name + "']")));
    }

    /** A filter in Tasklist's list, by its name (the link's first text; the count of the open filter follows it). */
    private static By filter(String name) {
        return By.xpath("//*[contains(@class,'task-filters')]//h4/a[normalize-space(text()[1])='" + name + "']");
    }

    private Task acknowledgement(String caseId) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> taskService.createTaskQuery()
                .processInstanceId(caseId).taskDefinitionKey("UserTask_AcknowledgeReport").singleResult(), task -> task != null);
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
