package org.cultivate.identity;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The staff sign-in page of local accounts (not in the keycloak profile, where Keycloak shows
 * its own). Served by the server itself, with no inline script or style, so the page passes the
 * same Content-Security-Policy as the rest of Cultivate.
 */
@RestController
@Profile("!keycloak")
class LoginPage {

    static final String PATH = "/login";

    @GetMapping(value = PATH, produces = MediaType.TEXT_HTML_VALUE)
    String page(HttpServletRequest request) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        String notice = "";
        if (request.getParameter("error") != null) {
            notice = "<p class=\"notice error\" role=\"alert\">The user name or password is wrong.</p>";
        } else if (request.getParameter("logout") != null) {
            notice = "<p class=\"notice\" role=\"status\">You are signed out.</p>";
        }
        return """
                <!doctype html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <title>Sign in · Cultivate</title>
                  <link rel="stylesheet" href="/login.css">
                </head>
                <body>
                  <main>
                    <h1>Cultivate staff sign-in</h1>
                    <p>For committee members, mentors and coordinators. To report an incident or apply, you need no account: use the <a href="/portal">portal</a>.</p>
                    %s
                    <form method="post" action="%s">
                      <label for="username">User name</label>
                      <input id="username" name="username" autocomplete="username" required autofocus>
                      <label for="password">Password</label>
                      <input id="password" name="password" type="password" autocomplete="current-password" required>
                      <input type="hidden" name="%s" value="%s">
                      <button id="login-submit" type="submit">Sign in</button>
                    </form>
                  </main>
                </body>
                </html>
                """.formatted(notice, PATH, HtmlUtils.htmlEscape(csrf.getParameterName()), HtmlUtils.htmlEscape(csrf.getToken()));
    }
}
