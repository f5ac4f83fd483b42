package org.cultivate.identity;

import org.springframework.context.annotation.Profile;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.LogoutConfigurer;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Component;

/** Every profile but keycloak: HTTP Basic for calls, Cultivate's login form for browsers ({@link LoginPage}). */
@Component
@Profile("!keycloak")
class LocalSignIn implements SignInMethod {

    @Override
    public void forCalls(HttpSecurity http, AuthenticationEntryPoint unauthorized) throws Exception {
        http.httpBasic(basic -> basic.authenticationEntryPoint(unauthorized));
    }

    @Override
    public void forBrowsers(HttpSecurity http) throws Exception {
        http.formLogin(form -> form.loginPage(LoginPage.PATH).permitAll());
    }

    @Override
    public void forSignOut(LogoutConfigurer<HttpSecurity> logout) {
        logout.logoutSuccessUrl(LoginPage.PATH + "?logout");
    }

    @Override
    public String challenge() {
        return "Basic realm=\"cultivate\"";
    }
}
