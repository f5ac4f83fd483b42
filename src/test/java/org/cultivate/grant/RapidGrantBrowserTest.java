package org.cultivate.grant;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.cultivate.system.CommitteeOverRest;
import org.cultivate.system.DefaultProfileTest;
import org.cultivate.web.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A grantee on a phone, in Debian's Chromium: applies through the portal's form, sees the
 * application open for comment on /portal/grants and comments there as anyone may, and, once the
 * committee has approved and finance has paid over REST, files the final report on the tracking page.
 */
@DefaultProfileTest
class RapidGrantBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;

    @Test
    void anApplicantAppliesCommentsAndFilesTheFinalReportFromAPhone() {
        var committee = new CommitteeOverRest(http);
        try (Browser browser = Browser.open(Browser.PHONE, "en")) {
            WebDriver driver = browser.driver();
            driver.get(origin() + "/portal/forms/rapid-grant-application");
            browser.field("Your name").sendKeys("Amara Applicant");
            browser.field("Your e-mail address").sendKeys("amara@example.org");
            browser.click(By.xpath("//label[normalize-space(.)='I apply as an individual']"));
            browser.field("Community or affiliate").sendKeys("Python Ghana");
            browser.field("Project title").sendKeys("PyData Accra meetup");
            browser.field("Summary of the project").sendKeys("Six monthly meetups for data people in Accra, with talks and workshops.");
            // the word limit is the server's, counted the same way as the applicant types
            WebElement goals = browser.field("Goals and measures of success");
            goals.sendKeys("word ".repeat(301));
            browser.field("Amount requested").click();
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".fjs-form-field-error"),
                    "Please write at most 300 words."));
            // as a person does: select all and type over it (clear() would not tell form-js)
            goals.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), "Six meetups, 40 people at each.");
            LocalDate start = LocalDate.now().plusDays(10);
            pickDate(driver, browser.field("Start date"), start);
            pickDate(driver, browser.field("End date"), start.plusMonths(3));
            browser.field("Amount requested").sendKeys("1200");
            browser.field("Budget lines").sendKeys("Venue 600, snacks 400, travel 200");
            browser.click(By.xpath("//label[starts-with(normalize-space(.), 'I agree that my application')]"));
            browser.screenshot("portal-grant-application-phone");
            assertThat(browser.accessibilityViolations()).as("application form").isEmpty();
            driver.findElement(By.id("send")).click();

            String code = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("tracking-code"))).getText();
            String reference = driver.findElements(By.cssSelector(".receipt code")).stream().map(WebElement::getText)
                    .filter(text -> text.startsWith("RG-")).findFirst().orElseThrow();
            String caseId = committee.awaitCase(reference);
            committee.declareNoConflicts(caseId, List.of("dana", "milan", "noor"));
            String inCase = "processInstanceBusinessKey=" + reference;
            String window = committee.awaitTask("dana", inCase + "&taskDefinitionKey=UserTask_CommentWindow");

            // anyone may comment while the window is open
            driver.get(origin() + "/portal/grants");
            WebElement card = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                    "//article[.//h3[normalize-space(.)='PyData Accra meetup']]")));
            assertThat(card.getText()).contains("Python Ghana").doesNotContain("Amara", "amara@example.org");
            card.findElement(By.tagName("textarea")).sendKeys("Our group would come to every one of these.");
            card.findElement(By.cssSelector("button[type=submit]")).click();
            browser.waiting().until(ExpectedConditions.textToBePresentInElement(card.findElement(By.cssSelector(".comment-status")),
                    "Thank you"));
            browser.screenshot("portal-grants-phone");
            assertThat(browser.accessibilityViolations()).as("grants page").isEmpty();

            committee.submit("dana", window, Map.of("commentWindowClosedBecause", "Enough comments."));
            for (String member : List.of("dana", "milan")) {
                committee.submit(member, committee.awaitTask(member, inCase + "&taskDefinitionKey=UserTask_Review&assignee=" + member),
                        Map.of("scoreImpact", 4, "scoreFeasibility", 4, "scoreBudget", 4, "scoreCommunity", 5, "recommendation", "fund"));
            }
            committee.claimAndSubmit("noor", committee.awaitTask("noor", inCase + "&taskDefinitionKey=UserTask_Determine"),
                    Map.of("determination", "approve"));
            // the finance tool takes this grant's payment (by its business key) and pays it
            var financeTool = new FinanceToolOverRest(http, "hiro");
            JsonNode[] locked = new JsonNode[1];
            await().atMost(Duration.ofSeconds(30)).until(() -> (locked[0] = financeTool.fetch(reference)).size() == 1);
            financeTool.pay(locked[0].get(0).path("id").asText(), "BANK-7");

            driver.get(origin() + "/portal/track/" + code);
            browser.waiting().withTimeout(Duration.ofSeconds(40)).pollingEvery(Duration.ofSeconds(1)).until(reloaded -> {
                reloaded.navigate().refresh();
                return browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("case-status"))).getText()
                        .equals("Report due");
            });
            browser.field("What was done").sendKeys("Six meetups, 230 people in all.");
            browser.field("Measures of success reached").sendKeys("Five of six meetups had 40 people.");
            browser.field("Spending against the budget").sendKeys("As budgeted, 1,180 in all.");
            browser.screenshot("portal-grant-report-phone");
            assertThat(browser.accessibilityViolations()).as("report form").isEmpty();
            assertThat(driver.findElements(By.cssSelector(".holder-task"))).as("approved: only the report waits").hasSize(1);
            browser.click(By.cssSelector(".holder-task button.primary"));
            assertThat(browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("notice"))).getText())
                    .startsWith("Sent. Thank you");
            assertThat(driver.findElement(By.id("case-status")).getText()).isEqualTo("Report under review");
            assertThat(committee.get("noor", "/task?" + inCase + "&taskDefinitionKey=UserTask_ReviewReport")).hasSize(1);
            assertThat(browser.requestedOrigins()).containsExactly(origin());
            assertThat(browser.contentSecurityPolicyViolations()).isEmpty();
        }
    }

    /** Picks the day in form-js's date picker (flatpickr), as a click on the calendar would. */
    private static void pickDate(WebDriver driver, WebElement input, LocalDate day) {
        ((JavascriptExecutor) driver).executeScript("arguments[0]._flatpickr.setDate(new Date(arguments[1] + 'T00:00:00'), true)", input, day.toString());
    }

    private String origin() {
        return "http://localhost:" + port;
    }

}
