package org.cultivate.identity;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new user's way into Tasklist in the keycloak profile, as a browser goes it (an HTTP client
 * that keeps cookies and follows redirects): Tasklist sends them to Keycloak's login page, the
 * password brings them back signed in, Keycloak's session lets a new Cultivate session in without
 * a password, and Tasklist's "Log out" ends the Keycloak session too.
 */
@KeycloakProfileTest
class KeycloakSingleSignOnTest {

    private static final String TASKLIST = "/camunda/app/tasklist/default/";
    private static final String WEBAPP_USER = "/camunda/api/admin/auth/user/default";
    private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RealKeycloak keycloak = RealKeycloak.get();
    private final String app = "http://localhost:" + keycloak.appPort();
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new LocalhostIsSecure(cookies))
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    @Test
    void aliceSignsIntoTasklistAtKeycloakAndHerLogoutEndsTheKeycloakSession() throws Exception {
        HttpResponse<String> loginPage = open(TASKLIST);
        assertThat(loginPage.uri().toString()).startsWith(keycloak.url() + "/realms/cultivate/protocol/openid-connect/auth");
        assertThat(loginPage.body()).contains("kc-form-login");

        HttpResponse<String> tasklist = signIn(loginPage, "alice");
        assertThat(tasklist.statusCode()).as("%s: %s", tasklist.uri(), tasklist.body()).isEqualTo(200);
        assertThat(tasklist.uri().toString()).startsWith(app + TASKLIST);
        JsonNode alice = webappUser();
        assertThat(alice.path("userId").asText()).isEqualTo("alice");
        assertThat(alice.path("authorizedApps")).extracting(JsonNode::asText).contains("tasklist").doesNotContain("cockpit", "admin");

        // a new Cultivate session still rides on Keycloak's: straight back to Tasklist, no password asked
        forgetCultivateSession();
        assertThat(open(TASKLIST).uri().toString()).startsWith(app + TASKLIST);
        assertThat(webappUser().path("userId").asText()).isEqualTo("alice");

        HttpResponse<String> logout = browser.send(HttpRequest.newBuilder(URI.create(app + WEBAPP_USER + "/logout"))
                .header("X-XSRF-TOKEN", cookie("XSRF-TOKEN")).header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(logout.statusCode()).as(logout.body()).isEqualTo(200);
        assertThat(logout.uri().getPath()).as("answered, not sent on to Keycloak").isEqualTo(WEBAPP_USER + "/logout");

        assertThat(get(WEBAPP_USER).statusCode()).as("the Cultivate session ended").isEqualTo(401);
        // Keycloak's cookies are still in this browser, but the session they named is gone
        HttpResponse<String> again = open(TASKLIST);
        assertThat(again.uri().toString()).startsWith(keycloak.url() + "/realms/cultivate/protocol/openid-connect/auth");
        assertThat(again.body()).contains("kc-form-login");
    }

    private HttpResponse<String> open(String path) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(URI.create(app + path)).header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(URI.create(app + path)).header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Fills in Keycloak's login form as a person would: user name and password (the demo realm's: the name). */
    private HttpResponse<String> signIn(HttpResponse<String> loginPage, String user) throws IOException, InterruptedException {
        Matcher form = LOGIN_FORM.matcher(loginPage.body());
        assertThat(form.find()).as("Keycloak's login form in %s", loginPage.body()).isTrue();
        String action = form.group(1).replace("&amp;", "&");
        String fields = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&credentialId=";
        return browser.send(HttpRequest.newBuilder(loginPage.uri().resolve(action))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(fields)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode webappUser() throws IOException, InterruptedException {
        HttpResponse<String> response = get(WEBAPP_USER);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** Drops Cultivate's session cookie, as a browser does when it is closed; Keycloak's cookies stay. */
    private void forgetCultivateSession() {
        URI server = URI.create(app);
        for (HttpCookie session : cookies.getCookieStore().get(server)) {
            if (session.getName().equals("JSESSIONID")) {
                cookies.getCookieStore().remove(server, session);
            }
        }
    }

    private String cookie(String name) {
        return cookies.getCookieStore().get(URI.create(app + "/camunda/")).stream()
                .filter(cookie -> cookie.getName().equals(name)).map(HttpCookie::getValue).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " cookie in " + cookies.getCookieStore().getCookies()));
    }

    /**
     * Browsers count http://localhost as a secure context and send it the cookies marked Secure,
     * as Keycloak marks its login cookies; java.net's cookie manager sends those over https only.
     */
    private static final class LocalhostIsSecure extends CookieHandler {

        private final CookieManager cookies;

        LocalhostIsSecure(CookieManager cookies) {
            this.cookies = cookies;
        }

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) throws IOException {
            if (!"localhost".equals(uri.getHost())) {
                return cookies.get(uri, requestHeaders);
            }
            try {
                return cookies.get(new URI("https", uri.getUserInfo(), uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(),
                        uri.getFragment()), requestHeaders);
            } catch (URISyntaxException e) {
                throw new IOException(e);
            }
        }

        @Override
        public void put(URI uri, Map<String, List<String>> responseHeaders) throws IOException {
            cookies.put(uri, responseHeaders);
        }
    }
}
