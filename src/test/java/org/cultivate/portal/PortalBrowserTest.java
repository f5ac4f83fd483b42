package org.cultivate.portal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.cultivate.system.CommitteeOverRest;
import org.cultivate.system.DefaultProfileTest;
import org.cultivate.web.Browser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The public portal in Debian's Chromium, on a phone-sized and a desktop window, as a reporter
 * uses it: no account, a tracking code, the committee working the case meanwhile over
 * {@code /engine-rest}. Every page runs under the portal's Content-Security-Policy and may talk
 * to this server only.
 */
@DefaultProfileTest
class PortalBrowserTest {

    private static final List<String> COMMITTEE = List.of("alice", "bob", "chidi");
    private static final String QUESTION = "Were others in the channel when it happened?";
    private static final String OUTCOME = "We have given the person a formal warning.";

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;
    CommitteeOverRest committee;

    @BeforeEach
    void signIn() {
        committee = new CommitteeOverRest(http);
    }

    static Stream<Arguments> windows() {
        return Stream.of(Arguments.of("phone", Browser.PHONE), Arguments.of("desktop", Browser.DESKTOP));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("windows")
    void aReporterSubmitsAnonymouslyAnswersTheCommitteeAndReadsTheOutcome(String name, Dimension window) {
        try (Browser browser = openAt(window, "en-GB", "/portal")) {
            WebDriver driver = browser.driver();
            browser.waiting().until(ExpectedConditions.elementToBeClickable(By.linkText("Report a code-of-conduct incident")));
            browser.screenshot("portal-catalogue-" + name);
            assertThat(browser.accessibilityViolations()).as("catalogue").isEmpty();
            driver.findElement(By.linkText("Report a code-of-conduct incident")).click();

            browser.field("What happened?").sendKeys("Someone kept posting insults about me in the project chat.");
            browser.screenshot("portal-form-" + name);
            assertThat(browser.accessibilityViolations()).as("form").isEmpty();
            driver.findElement(By.id("send")).click();

            String code = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("tracking-code"))).getText();
            assertThat(code).matches("[A-Za-z0-9_-]{32}");
            assertThat(driver.findElement(By.cssSelector(".receipt")).getText()).contains("shown only once");
            browser.screenshot("portal-receipt-" + name);
            assertThat(browser.accessibilityViolations()).as("receipt").isEmpty();
            String reference = driver.findElement(By.cssSelector(".receipt p:nth-of-type(5) code")).getText();

            String inCase = "processInstanceBusinessKey=" + reference;
            String caseId = committee.awaitCase(reference);
            askTheReporter(reference, QUESTION);

            driver.get(origin() + "/portal/track/" + code);
            WebElement answer = browser.field("Your answer");
            // the holder task's form shows the question read-only; the updates show it too
            assertThat(browser.field("The committee's question").getDomProperty("value")).isEqualTo(QUESTION);
            assertThat(driver.findElement(By.id("case-status")).getText()).isEqualTo("Waiting for your answer");
            assertThat(driver.findElement(By.cssSelector(".timeline")).getText()).contains(QUESTION);
            scrollToTheMiddle(driver, answer);
            browser.screenshot("portal-track-question-" + name);
            assertThat(browser.accessibilityViolations()).as("tracking page with a question").isEmpty();

            // spaces alone pass form-js; the server refuses them, and says so under the field
            answer.sendKeys("   ");
            browser.click(By.cssSelector(".holder-task button.primary"));
            assertThat(errorOf(browser, answer)).isEqualTo("This field is required.");
            assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo(answer.getAttribute("id"));
            scrollToTheMiddle(driver, answer);
            browser.screenshot("portal-track-question-server-error-" + name);
            assertThat(browser.accessibilityViolations()).as("holder task with the server's error").isEmpty();

            answer.sendKeys(Keys.chord(Keys.CONTROL, "a"), "Yes, two moderators saw it.");
            browser.click(By.cssSelector(".holder-task button.primary"));
            assertThat(browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("notice"))).getText())
                    .startsWith("Sent. Thank you");
            assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("notice");
            assertThat(driver.findElement(By.id("case-status")).getText()).isEqualTo("Under review");
            assertThat(driver.findElements(By.cssSelector(".holder-task"))).isEmpty();

            String investigate = committee.awaitTask("bob", inCase + "&taskDefinitionKey=UserTask_Investigate");
            assertThat(committee.get("bob", "/task/" + investigate + "/form-variables").path("holderMessage").path("value").asText())
                    .isEqualTo("Yes, two moderators saw it.");
            committee.claimAndSubmit("bob", investigate, Map.of("nextStep", "propose"));
            committee.claimAndSubmit("chidi", committee.awaitTask("chidi", inCase + "&taskDefinitionKey=UserTask_ProposeResolution"),
                    Map.of("outcome", "warning", "rationale", "Repeated insults.", "messageToReporter", OUTCOME,
                            "informReportedPerson", false));
            for (String member : COMMITTEE) {
                committee.submit(member, committee.awaitTask(member, inCase + "&assignee=" + member + "&taskDefinitionKey=UserTask_Vote"),
                        Map.of("approve", true, "voteComment", "Agreed."));
            }

            browser.waiting().withTimeout(Duration.ofSeconds(40)).pollingEvery(Duration.ofSeconds(1)).until(reloaded -> {
                reloaded.navigate().refresh();
                return browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("case-status")))
                        .getText().equals("Decided; open for appeal");
            });
            assertThat(driver.findElement(By.cssSelector(".timeline")).getText()).contains(OUTCOME).doesNotContain("insults");
            WebElement reason = browser.field("Why do you appeal?");
            browser.screenshot("portal-track-outcome-" + name);
            assertThat(browser.accessibilityViolations()).as("tracking page with the outcome and the appeal").isEmpty();

            // the appeal, sent with the keyboard alone
            Actions keyboard = new Actions(driver);
            reason.click();
            keyboard.sendKeys("Only one of the insults was mine; the others came from another account.").perform();
            tabUntil(driver, keyboard, driver.findElement(By.cssSelector(".holder-task button.primary")));
            keyboard.sendKeys(Keys.ENTER).perform();
            assertThat(browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("notice"))).getText())
                    .startsWith("Sent. Thank you");
            assertThat(driver.findElement(By.id("case-status")).getText()).isEqualTo("Appeal under review");
            assertThat(committee.get("demo", "/process-instance/" + caseId + "/variables/holderMessage").path("value").asText())
                    .startsWith("Only one of the insults was mine");
            browser.screenshot("portal-track-appealed-" + name);

            assertThat(browser.requestedOrigins()).containsExactly(origin());
            assertThat(browser.contentSecurityPolicyViolations()).isEmpty();
        }
    }

    @Test
    void aHolderTaskSpeaksTheReadersLanguageAndKeepsWhatWasTypedOverASwitch() {
        ResponseEntity<Map> receipt = committee.post(null, "/api/forms/incident-report/submissions",
                Map.of("description", "Alguien me gritó durante el encuentro."), Map.class);
        String code = receipt.getBody().get("trackingCode").toString();
        askTheReporter(receipt.getBody().get("reference").toString(), "¿Quién más estaba allí?");
        try (Browser browser = openAt(Browser.PHONE, "es-ES", "/portal/track/" + code)) {
            WebDriver driver = browser.driver();
            WebElement answer = browser.field("Tu respuesta");
            assertThat(driver.findElement(By.cssSelector(".holder-task h2")).getText()).isEqualTo("Responde a la pregunta del comité");
            assertThat(browser.field("La pregunta del comité").getDomProperty("value")).isEqualTo("¿Quién más estaba allí?");

            browser.click(By.cssSelector(".holder-task button.primary"));
            // form-js's own message, in Spanish
            assertThat(errorOf(browser, answer)).isEqualTo("Este campo es obligatorio.");
            browser.screenshot("portal-track-question-es-phone");
            assertThat(browser.accessibilityViolations()).as("Spanish holder task").isEmpty();

            answer.sendKeys("Dos personas del equipo.");
            browser.click(By.cssSelector("button[data-language=en]"));
            WebElement inEnglish = browser.field("Your answer");
            assertThat(inEnglish.getDomProperty("value")).isEqualTo("Dos personas del equipo.");
            assertThat(browser.contentSecurityPolicyViolations()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("windows")
    void badFieldsAreRejectedWithTheMessageNextToThem(String name, Dimension window) {
        try (Browser browser = openAt(window, "en", "/portal/forms/incident-report")) {
            WebDriver driver = browser.driver();
            WebElement description = browser.field("What happened?");
            WebElement email = browser.field("Your e-mail address (optional)");
            // the date picker (flatpickr, inside form-js) opens under the strict policy too
            browser.field("When did it happen?").click();
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".flatpickr-calendar.open")));
            description.click();
            description.sendKeys("Too short");
            // form-js takes this address; the server wants a domain with a dot in it
            email.sendKeys("rosa@localhost");
            driver.findElement(By.id("send")).click();

            // form-js catches the short description: no request, the message under the field
            assertThat(errorOf(browser, description)).isEqualTo("Please write at least 10 characters.");
            assertThat(errorsUnder(driver, email)).isEmpty();
            browser.screenshot("portal-form-errors-" + name);

            description.sendKeys(", but now long enough.");
            driver.findElement(By.id("send")).click();
            // only the server catches the address: its error shows under the e-mail field
            assertThat(errorOf(browser, email)).isEqualTo("Please enter an e-mail address, such as name@example.org.");
            assertThat(errorsUnder(driver, description)).isEmpty();
            assertThat(driver.findElements(By.id("tracking-code"))).isEmpty();
            assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo(email.getAttribute("id"));
            browser.screenshot("portal-form-server-error-" + name);
            assertThat(browser.accessibilityViolations()).as("form with errors").isEmpty();
            // nothing runs off the side of the window, not even a long label
            assertThat(((JavascriptExecutor) driver).executeScript("""
                    return document.documentElement.scrollWidth <= window.innerWidth
                        && [...document.querySelectorAll('label')].every(label => label.scrollWidth <= label.clientWidth + 1)""")).isEqualTo(true);
            assertThat(browser.contentSecurityPolicyViolations()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("windows")
    void anUnknownCodeShowsNotFoundAndNothingElse(String name, Dimension window) {
        try (Browser browser = openAt(window, "en", "/portal/track/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")) {
            WebDriver driver = browser.driver();

            WebElement notFound = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".not-found")));
            assertThat(notFound.getText()).isEqualTo("Not found.");
            assertThat(driver.findElement(By.id("content")).getText()).isEqualTo("Not found.");
            browser.screenshot("portal-track-not-found-" + name);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("windows")
    void aCodeTypedIntoTheBoxOpensItsCase(String name, Dimension window) {
        String code = committee.post(null, "/api/forms/incident-report/submissions",
                Map.of("description", "Somebody shouted at me during the meetup."), Map.class).getBody().get("trackingCode").toString();
        try (Browser browser = openAt(window, "en", "/portal/track")) {
            WebDriver driver = browser.driver();
            browser.field("Tracking code").sendKeys(code, Keys.ENTER);

            browser.waiting().until(ExpectedConditions.urlToBe(origin() + "/portal/track/" + code));
            assertThat(browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("case-status"))).getText())
                    .isIn("Received", "Under review");
            browser.screenshot("portal-track-" + name);
        }
    }

    @Test
    void theBrowsersSpanishGivesASpanishPortalAndSpanishForTheCase() {
        try (Browser browser = openAt(Browser.PHONE, "es-ES", "/portal")) {
            WebDriver driver = browser.driver();
            browser.waiting().until(ExpectedConditions.elementToBeClickable(By.linkText("Denunciar un incidente del código de conducta")));
            assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("es");
            assertThat(driver.findElement(By.tagName("nav")).getText()).contains("Seguir un caso");
            assertThat(driver.findElement(By.cssSelector("button[data-language=es]")).getAttribute("aria-pressed")).isEqualTo("true");
            driver.findElement(By.linkText("Denunciar un incidente del código de conducta")).click();

            WebElement description = browser.field("¿Qué pasó?");
            browser.screenshot("portal-form-es-phone");
            assertThat(browser.accessibilityViolations()).as("Spanish form").isEmpty();
            driver.findElement(By.id("send")).click();
            assertThat(errorOf(browser, description)).isEqualTo("Este campo es obligatorio.");

            description.sendKeys("Alguien me insultó varias veces en el chat del proyecto.");
            // a Spanish option label, a language-independent value
            browser.choose("¿Qué tipo de comportamiento fue?", "Acoso o intimidación");
            driver.findElement(By.id("send")).click();
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("tracking-code")));
            assertThat(driver.findElement(By.id("receipt-heading")).getText()).isEqualTo("Enviado. Guarda tu código de seguimiento");
            String reference = driver.findElement(By.cssSelector(".receipt p:nth-of-type(5) code")).getText();
            // the case keeps the reader's language, for the mails to the reporter
            String caseId = committee.awaitCase(reference);
            assertThat(committee.get("demo", "/process-instance/" + caseId + "/variables/language").path("value").asText()).isEqualTo("es");
            assertThat(committee.get("demo", "/process-instance/" + caseId + "/variables/behaviour").path("value").asText())
                    .isEqualTo("harassment");

            driver.findElement(By.cssSelector("button[data-language=en]")).click();
            assertThat(browser.waiting().until(ExpectedConditions.textToBe(By.id("receipt-heading"), "Sent. Keep your tracking code")))
                    .isTrue();
            driver.get(origin() + "/portal/transparency");
            // the switch is remembered over the browser's language
            assertThat(browser.waiting().until(ExpectedConditions.textToBe(By.id("page-heading"), "Code-of-conduct transparency report")))
                    .isTrue();
            assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        }
    }

    @Test
    void aFormCanBeFilledInAndSentWithTheKeyboardAlone() {
        try (Browser browser = openAt(Browser.DESKTOP, "en", "/portal/forms/incident-report")) {
            WebDriver driver = browser.driver();
            WebElement description = browser.field("What happened?");
            Actions keyboard = new Actions(driver);

            keyboard.sendKeys(Keys.TAB).perform();
            assertThat(driver.switchTo().activeElement().getText()).isEqualTo("Skip to content");
            keyboard.sendKeys(Keys.ENTER).perform();
            tabUntil(driver, keyboard, description);
            keyboard.sendKeys("Someone mocked my accent in the weekly call, twice.").perform();
            WebElement send = driver.findElement(By.id("send"));
            tabUntil(driver, keyboard, send);
            keyboard.sendKeys(Keys.ENTER).perform();

            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("tracking-code")));
            assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("receipt-heading");
            keyboard.sendKeys(Keys.TAB).perform();
            assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("copy-code");
        }
    }

    @Test
    void sendRightAfterTypingSendsWhatWasTyped() {
        String typed = "They shouted at me in the hallway after the talk, twice.";
        try (Browser browser = openAt(Browser.DESKTOP, "en", "/portal/forms/incident-report")) {
            WebDriver driver = browser.driver();
            WebElement description = browser.field("What happened?");
            WebElement send = driver.findElement(By.id("send"));
            // as in Safari and Firefox on macOS, a clicked button takes no focus: the box is never blurred
            ((JavascriptExecutor) driver).executeScript("arguments[0].addEventListener('mousedown', event => event.preventDefault())", send);

            // one action chain: Send is clicked well within form-js's 300 ms input debounce
            new Actions(driver).click(description).sendKeys(typed).click(send).perform();

            assertThat(browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("tracking-code"))).getText())
                    .matches("[A-Za-z0-9_-]{32}");
            String reference = driver.findElement(By.cssSelector(".receipt p:nth-of-type(5) code")).getText();
            String caseId = committee.awaitCase(reference);
            assertThat(committee.get("demo", "/process-instance/" + caseId + "/variables/description").path("value").asText())
                    .isEqualTo(typed);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("windows")
    void theTransparencyReportIsAChartOfThePublicFigures(String name, Dimension window) {
        for (int i = 0; i < 3; i++) {
            committee.post(null, "/api/forms/incident-report/submissions",
                    Map.of("description", "Insults in the project chat, again and again.", "behaviour", "harassment"), Map.class);
        }
        // triage gives each report its severity right after it is taken
        await().atMost(Duration.ofSeconds(30)).until(() -> !http.getForObject("/api/conduct/transparency", JsonNode.class)
                .path("bySeverity").isEmpty());
        try (Browser browser = openAt(window, "en", "/portal/transparency")) {
            WebDriver driver = browser.driver();

            WebElement period = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("period")));
            assertThat(period.getText()).startsWith("Reports received from");
            assertThat(driver.findElement(By.cssSelector(".figure dd")).getText()).matches("[0-9]+");
            List<WebElement> bars = driver.findElements(By.cssSelector("svg#bySeverity rect.chart-bar"));
            assertThat(bars).isNotEmpty().allSatisfy(bar -> assertThat(Double.parseDouble(bar.getAttribute("width"))).isPositive());
            assertThat(driver.findElement(By.cssSelector("svg#bySeverity title")).getAttribute("textContent")).isEqualTo("Reports by severity");
            browser.screenshot("portal-transparency-" + name);
            assertThat(browser.accessibilityViolations()).as("transparency report").isEmpty();
            assertThat(browser.requestedOrigins()).containsExactly(origin());
            assertThat(browser.contentSecurityPolicyViolations()).isEmpty();
        }
    }

    /** The committee takes the report and asks its reporter a question: a holder task on the tracking page. */
    private void askTheReporter(String reference, String question) {
        String inCase = "processInstanceBusinessKey=" + reference;
        committee.declareNoConflicts(committee.awaitCase(reference), COMMITTEE);
        committee.claimAndSubmit("alice", committee.awaitTask("alice", inCase + "&taskDefinitionKey=UserTask_AcknowledgeReport"),
                Map.of("severity", "medium", "acknowledgementMessage", "Thank you; we are looking at it."));
        committee.claimAndSubmit("bob", committee.awaitTask("bob", inCase + "&taskDefinitionKey=UserTask_Investigate"),
                Map.of("nextStep", "ask-reporter", "questionForReporter", question));
    }

    private Browser openAt(Dimension window, String language, String path) {
        Browser browser = Browser.open(window, language);
        browser.driver().get(origin() + path);
        return browser;
    }

    private String origin() {
        return "http://localhost:" + port;
    }


    /** The error form-js shows under a field, the one its aria-describedby names. */
    private static String errorOf(Browser browser, WebElement field) {
        By error = By.id(field.getAttribute("id") + "-error-message");
        return browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(error)).getText();
    }

    private static List<WebElement> errorsUnder(WebDriver driver, WebElement field) {
        return driver.findElements(By.id(field.getAttribute("id") + "-error-message")).stream()
                .filter(error -> !error.getText().isBlank()).toList();
    }

    /** For a screenshot of a phone's window: the field in view, whatever is above it. */
    private static void scrollToTheMiddle(WebDriver driver, WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
    }

    private static void tabUntil(WebDriver driver, Actions keyboard, WebElement target) {
        for (int tabs = 0; tabs < 40 && !target.equals(driver.switchTo().activeElement()); tabs++) {
            keyboard.sendKeys(Keys.TAB).perform();
        }
        assertThat(driver.switchTo().activeElement()).as("focus reached by Tab").isEqualTo(target);
    }
}
