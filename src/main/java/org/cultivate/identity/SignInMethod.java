package org.cultivate.identity;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.LogoutConfigurer;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * How people prove who they are in the active profile: local accounts (password) or Keycloak
 * (OpenID Connect login and bearer tokens). The rest of the security model is the same for both.
 */
interface SignInMethod {

    /** Credentials sent with each call: HTTP Basic, or a bearer token. */
    void forCalls(HttpSecurity http, AuthenticationEntryPoint unauthorized) throws Exception;

    /** A browser session: a login form, or the redirect to Keycloak. */
    void forBrowsers(HttpSecurity http) throws Exception;

    /** What signing out ends besides the session, and where the browser goes then. */
    void forSignOut(LogoutConfigurer<HttpSecurity> logout);

    /** The challenge a 401 carries, for {@code WWW-Authenticate}. */
    String challenge();
}
