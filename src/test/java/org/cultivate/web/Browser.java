package org.cultivate.web;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Debian's headless Chromium driven through Debian's chromedriver: never a downloaded browser.
 * Records every request the pages make, so a test can prove they talk to this server only.
 */
public final class Browser implements AutoCloseable {

    public static final Dimension PHONE = new Dimension(390, 844);
    public static final Dimension DESKTOP = new Dimension(1366, 900);

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path AXE = Path.of("node_modules", "axe-core", "axe.min.js");

    private final ChromeDriver driver;
    private final List<String> requestedUrls = new ArrayList<>();

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    /** A fresh browser with an empty profile, the window the given size, the language given first. */
    public static Browser open(Dimension window, String language) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(binary("CHROMIUM_BIN", "/usr/bin/chromium"));
        // Without the background-networking flags Chromium keeps calling Google's hosts, which this machine refuses.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-default-apps", "--lang=" + language,
                "--window-size=" + window.getWidth() + "," + window.getHeight());
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(binary("CHROMEDRIVER_BIN", "/usr/bin/chromedriver")))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return new Browser(driver);
    }

    /** The path given in the environment variable, else Debian's; missing, the test fails saying how to install it. */
    private static String binary(String environmentVariable, String debianPath) {
        String configured = System.getenv(environmentVariable);
        String path = configured != null ? configured : debianPath;
        if (!Files.isExecutable(Path.of(path))) {
            throw new IllegalStateException(path + " is missing: the browser tests need Debian's chromium and"
                    + " chromium-driver. Run the tests with ./test, which installs them, or apt-get install chromium"
                    + " chromium-driver (" + environmentVariable + " names another path).");
        }
        return path;
    }

    public ChromeDriver driver() {
        return driver;
    }

    public WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    /** Waits until the element can be clicked, brings it to the middle of the window (away from fixed bars), clicks it. */
    public void click(By element) {
        // a page still laying itself out (a form rendering field by field) may cover the spot for a moment: try again
        waiting().ignoring(ElementClickInterceptedException.class).ignoring(StaleElementReferenceException.class).until(page -> {
            WebElement found = ExpectedConditions.elementToBeClickable(element).apply(page);
            if (found == null) {
                return false;
            }
            driver.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", found);
            found.click();
            return true;
        });
    }

    /** The input a visible label names, once form-js or the page has drawn it. */
    public WebElement field(String label) {
        // an XPath string has no escapes: a label with an apostrophe goes in double quotes
        String quote = label.contains("'") ? "\"" : "'";
        WebElement labelElement = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                "//label[normalize-space(.)=" + quote + label + quote + " or normalize-space(.)=" + quote + label + "*" + quote + "]")));
        return driver.findElement(By.id(labelElement.getAttribute("for")));
    }

    /** Opens the form-js select the label names and picks the option shown as {@code option}. */
    public void choose(String label, String option) {
        driver.findElement(By.id(field(label).getAttribute("id") + "-display")).click();
        waiting().until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//*[contains(@class, 'fjs-dropdownlist-item') and normalize-space(.)='" + option + "']"))).click();
    }

    /** Saves the page as target/screenshots/NAME.png, for the docs and for a failed test's post-mortem. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new IllegalStateException("Could not save screenshot " + name, e);
        }
    }

    /** Every URL the pages requested so far (documents, scripts, styles, fonts, XHR, images). */
    public List<String> requestedUrls() {
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            try {
                JsonNode message = JSON.readTree(entry.getMessage()).path("message");
                if ("Network.requestWillBeSent".equals(message.path("method").asText())) {
                    requestedUrls.add(message.path("params").path("request").path("url").asText());
                }
            } catch (IOException e) {
                throw new IllegalStateException("Unreadable performance log entry", e);
            }
        }
        return List.copyOf(requestedUrls);
    }

    /** The hosts (scheme://host:port) of every request other than data: and blob: URLs. */
    public Set<String> requestedOrigins() {
        Set<String> origins = new TreeSet<>();
        for (String url : requestedUrls()) {
            if (url.startsWith("data:") || url.startsWith("blob:")) {
                continue;
            }
            URI uri = URI.create(url);
            origins.add(uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort()));
        }
        return origins;
    }

    /** Console messages in which the browser refused something under the page's Content-Security-Policy. */
    public List<String> contentSecurityPolicyViolations() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy"))
                .toList();
    }

    /**
     * What axe-core (pinned in package-lock.json, run inside the page through the driver, which the
     * page's Content-Security-Policy does not limit) finds wrong for people with disabilities on
     * the page as it is now: labels, contrast, names, structure. Only serious and critical
     * findings, as "rule: help (where)".
     */
    @SuppressWarnings("unchecked")
    public List<String> accessibilityViolations() {
        try {
            driver.executeScript(Files.readString(AXE));
        } catch (IOException e) {
            throw new IllegalStateException("axe-core is missing: run npm ci", e);
        }
        Object found = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] })
                  .then(results => done(results.violations
                    .filter(violation => violation.impact === 'serious' || violation.impact === 'critical')
                    .map(violation => violation.id + ': ' + violation.help + ' ('
                      + violation.nodes.map(node => node.target.join(' ')).join(', ') + ')')))
                  .catch(error => done(['axe failed: ' + error]));""");
        return List.copyOf((List<String>) found);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
