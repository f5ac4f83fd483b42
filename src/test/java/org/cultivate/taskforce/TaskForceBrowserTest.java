package org.cultivate.taskforce;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
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
 * An applicant on a phone, in Arabic, in Debian's Chromium: finds the open call on the portal (right
 * to left), applies with the form in Arabic, and once the committee has reviewed and confirmed the
 * panel over REST, accepts the offered seat on the tracking page, reads that they are a member, and
 * finds themself listed on the call's page.
 */
@DefaultProfileTest
class TaskForceBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;

    @Test
    void anApplicantAppliesInArabicAndAcceptsTheOfferedSeat() {
        var committee = new CommitteeOverRest(http);
        String call = openCall();
        try (Browser browser = Browser.open(Browser.PHONE, "ar")) {
            WebDriver driver = browser.driver();
            driver.get(origin() + "/portal/task-force");
            WebElement card = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-call='" + call + "']")));
            assertThat(driver.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
            assertThat(driver.findElement(By.id("page-heading")).getText()).isEqualTo("دعوات فرق العمل");
            // the call as its coordinator wrote it in Arabic
            assertThat(card.findElement(By.tagName("h2")).getText()).isEqualTo("فريق تطوير القيادات");
            assertThat(style(driver, "#page-heading", "direction")).isEqualTo("rtl");
            // numbers and dates as Arabic readers write them (CLDR's ar: Western digits, Arabic month names), the heading on the right
            assertThat(card.getText()).contains("المقاعد: 1").containsPattern("[\\u0600-\\u06FF]+ " + LocalDate.now(ZoneOffset.UTC).plusDays(20).getYear()).contains("لغات الدعوة: العربية والإنجليزية");
            WebElement heading = driver.findElement(By.id("page-heading"));
            assertThat(heading.getLocation().getX() + heading.getSize().getWidth())
                    .isGreaterThan(driver.findElement(By.tagName("main")).getSize().getWidth() / 2);
            browser.screenshot("portal-task-force-ar-phone");
            assertThat(browser.accessibilityViolations()).as("calls page").isEmpty();

            card.findElement(By.cssSelector("a.button")).click();
            browser.field("اسمك").sendKeys("ليلى المنصوري");
            browser.field("بريدك الإلكتروني").sendKeys("layla@example.org");
            browser.choose("منطقتك", "الشرق الأوسط وشمال أفريقيا");
            WebElement spoken = browser.field("اللغات التي تتحدثها جيدًا");
            spoken.sendKeys("Arab");
            browser.waiting().until(ExpectedConditions.elementToBeClickable(By.xpath(
                    "//*[contains(@class, 'fjs-dropdownlist-item') and normalize-space(.)='Arabic']"))).click();
            // the tag list keeps its list open for more: closed as a person would
            spoken.sendKeys(org.openqa.selenium.Keys.ESCAPE);
            browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".fjs-dropdownlist-item")));
            browser.click(By.xpath("//label[normalize-space(.)='من سنتين إلى 5 سنوات']"));
            // the word limit, counted in Arabic as on the server
            WebElement motivation = browser.field("لماذا تريد الانضمام إلى فريق العمل هذا؟");
            motivation.sendKeys("كلمة ".repeat(251));
            browser.field("ماذا ستضيف إليه؟").click();
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".fjs-form-field-error"), "كلمة على الأكثر"));
            motivation.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), "أريد أن يحتفظ مجتمعنا بقادته.");
            browser.field("ماذا ستضيف إليه؟").sendKeys("خبرة عشر سنوات في تنظيم اللقاءات.");
            browser.field("أي الأصوات ستحرص على أن تُسمع؟").sendKeys("القادمون الجدد من المجتمعات الصغيرة.");
            browser.click(By.xpath("//label[starts-with(normalize-space(.), 'إن أصبحت عضوًا')]"));
            browser.screenshot("portal-task-force-application-ar-phone");
            assertThat(browser.accessibilityViolations()).as("application form in Arabic").isEmpty();
            driver.findElement(By.id("send")).click();

            String code = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("tracking-code"))).getText();
            String reference = driver.findElements(By.cssSelector(".receipt code")).stream().map(WebElement::getText)
                    .filter(text -> text.startsWith("TFA-")).findFirst().orElseThrow();
            String caseId = committee.awaitCase(reference);
            assertThat(committee.get("demo", "/process-instance/" + caseId + "/variables/language").path("value").asText()).isEqualTo("ar");

            // the committee's part, over REST: declarations, the close, two reviews, the panel confirmed
            committee.declareNoConflicts(caseId, List.of("eve", "kofi", "lena"));
            String callCase = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(call).singleResult().getId();
            managementService.executeJob(managementService.createJobQuery().processInstanceId(callCase).timers()
                    .activityId("Timer_CallCloses").singleResult().getId());
            await().atMost(Duration.ofSeconds(30)).until(() -> reviews(committee, reference) == 2);
            for (String member : List.of("eve", "kofi", "lena")) {
                for (var review : committee.get(member, "/task?assignee=" + member + "&taskDefinitionKey=UserTask_Review")) {
                    committee.submit(member, review.path("id").asText(), Map.of("scoreMotivation", "4", "scoreContribution", "4",
                            "scorePerspective", "5", "scoreCollaboration", "4"));
                }
            }
            committee.claimAndSubmit("lena", committee.awaitTask("lena", "processInstanceBusinessKey=" + call
                    + "&taskDefinitionKey=UserTask_ConfirmPanel"), Map.of("panelConfirmed", true));

            driver.get(origin() + "/portal/track/" + code);
            waitForStatus(browser, "عُرض عليك مقعد");
            browser.click(By.xpath("//label[normalize-space(.)='أقبل المقعد']"));
            browser.screenshot("portal-task-force-offer-ar-phone");
            assertThat(browser.accessibilityViolations()).as("offer in Arabic").isEmpty();
            browser.click(By.xpath("//*[contains(@class, 'holder-task')][.//label[normalize-space(.)='أقبل المقعد']]//button[contains(@class, 'primary')]"));
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("notice")));
            waitForStatus(browser, "عضو");

            // the call's page lists its members, with their consent, and counts too few applications to show
            driver.get(origin() + "/portal/task-force/" + call);
            assertThat(browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("call-state"))).getText())
                    .isEqualTo("اكتمل فريق العمل");
            assertThat(driver.findElement(By.id("members")).getText()).isEqualTo("ليلى المنصوري");
            assertThat(driver.findElement(By.cssSelector(".statistics-region")).getText()).isEqualTo("MENA: أقل من 3");
            browser.screenshot("portal-task-force-call-ar-phone");
            assertThat(browser.accessibilityViolations()).as("the call's page").isEmpty();
            assertThat(browser.requestedOrigins()).containsExactly(origin());
            assertThat(browser.contentSecurityPolicyViolations()).isEmpty();
        }
    }

    private String openCall() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        var values = Variables.createVariables().putValue("taskForceName", "Leadership development")
                .putValue("purpose", "Plan how the movement grows its leaders.")
                .putValue("taskForceNameAr", "فريق تطوير القيادات").putValue("purposeAr", "نخطط معًا لتنمية قادة الحركة.")
                .putValue("seats", 1L).putValue("opensOn", today.toString()).putValue("closesOn", today.plusDays(20).toString())
                .putValue("reviewersPerApplication", 2L).putValue("reviewDays", 14L).putValue("anonymisedReviews", true).putValue("balance", null)
                .putValue("callLanguages", SpinValues.jsonValue("[\"ar\",\"en\"]").create());
        String reference = runtimeService.startProcessInstanceByKey("task-force-call", values).getBusinessKey();
        await().atMost(Duration.ofSeconds(30)).until(() -> runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference)
                .activityIdIn("Timer_CallCloses").count() == 1);
        return reference;
    }

    private static int reviews(CommitteeOverRest committee, String reference) {
        return List.of("eve", "kofi", "lena").stream().mapToInt(member -> committee.get(member, "/task?assignee=" + member
                + "&taskDefinitionKey=UserTask_Review&name=Review task-force application " + reference).size()).sum();
    }

    private static void waitForStatus(Browser browser, String status) {
        browser.waiting().withTimeout(Duration.ofSeconds(40)).pollingEvery(Duration.ofSeconds(1)).until(reloaded -> {
            reloaded.navigate().refresh();
            return browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("case-status"))).getText().equals(status);
        });
    }

    private static String style(WebDriver driver, String selector, String property) {
        return (String) ((JavascriptExecutor) driver).executeScript(
                "return getComputedStyle(document.querySelector(arguments[0])).getPropertyValue(arguments[1])", selector, property);
    }


    private String origin() {
        return "http://localhost:" + port;
    }

}
