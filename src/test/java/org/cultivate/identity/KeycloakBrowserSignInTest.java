package org.cultivate.identity;

import org.cultivate.web.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new user in Debian's Chromium: Tasklist sends her to Keycloak's login page, she types her
 * user name and password there, and Tasklist opens with her name on it. The browser talks to
 * Cultivate and Keycloak only. Screenshots: target/screenshots/keycloak-*.png.
 */
@KeycloakProfileTest
class KeycloakBrowserSignInTest {

    private final RealKeycloak keycloak = RealKeycloak.get();
    private final String app = "http://localhost:" + keycloak.appPort();

    @Test
    void aliceSignsIntoTasklistOnKeycloaksLoginPage() {
        try (Browser browser = Browser.open(Browser.DESKTOP, "en")) {
            var driver = browser.driver();
            driver.get(app + "/camunda/app/tasklist/default/");
            browser.waiting().until(ExpectedConditions.urlContains(keycloak.url() + "/realms/cultivate/protocol/openid-connect/auth"));
            browser.screenshot("keycloak-sign-in");
            driver.findElement(By.id("username")).sendKeys("alice");
            driver.findElement(By.id("password")).sendKeys("alice");
            driver.findElement(By.id("kc-login")).click();

            browser.waiting().until(ExpectedConditions.urlContains(app + "/camunda/app/tasklist/default/"));
            // Tasklist's header names the signed-in user by the name Keycloak holds for her
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("li.account .dropdown-toggle"), "Alice Conduct"));
            browser.screenshot("keycloak-tasklist-signed-in");
            assertThat(browser.requestedOrigins()).containsExactlyInAnyOrder(app, keycloak.url());
        }
    }
}
